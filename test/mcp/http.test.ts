/**
 * MCP over real HTTP on loopback, with the SDK's Streamable HTTP client and raw requests:
 * sessions (create, reuse, DELETE, unknown, missing, eviction), SSE GET, DNS-rebinding
 * protection (Host with port, Origin), body errors, and close at shutdown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createFakeAssistant } from '../fakes/fake-assistant.js';
import { callTool } from './helpers.js';
import { INITIALIZE_BODY, postHeaders, rawRequest, serveMcp, type RunningMcpHttp } from './http-server.js';

let served: RunningMcpHttp;
const assistant = createFakeAssistant();

async function connectClient(url: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(url));
  const client = new Client({ name: 'http-test-client', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

beforeEach(async () => {
  served = await serveMcp(() => assistant);
});
afterEach(async () => {
  await served.close();
});

describe('sessions', () => {
  it('initializes a session, calls tools in it, and ends it with DELETE', async () => {
    const { client, transport } = await connectClient(served.url);
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(served.handler.sessionCount()).toBe(1);
    const result = await callTool(client, 'list_tasks', { unit: 'ptn', role: 'lead' });
    expect((result.structuredContent as { count: number }).count).toBe(1);

    const sessionId = transport.sessionId!;
    await transport.terminateSession();
    expect(served.handler.sessionCount()).toBe(0);
    const after = await rawRequest(served.port, {
      method: 'POST',
      headers: postHeaders(`127.0.0.1:${served.port}`, { 'Mcp-Session-Id': sessionId }),
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(after.status).toBe(404);
    expect(JSON.parse(after.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32001 } });
    await client.close();
  });

  it('keeps two clients in two sessions', async () => {
    const first = await connectClient(served.url);
    const second = await connectClient(served.url);
    expect(first.transport.sessionId).not.toBe(second.transport.sessionId);
    expect(served.handler.sessionCount()).toBe(2);
    await first.client.close();
    await second.client.close();
  });

  it('answers 400 to a request without session that is not initialize', async () => {
    const response = await rawRequest(served.port, {
      method: 'POST',
      headers: postHeaders(`127.0.0.1:${served.port}`),
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.message).toMatch(/Mcp-Session-Id/);
  });

  it('answers 404 to an unknown session on POST, GET and DELETE', async () => {
    for (const method of ['POST', 'GET', 'DELETE']) {
      const response = await rawRequest(served.port, {
        method,
        headers: postHeaders(`127.0.0.1:${served.port}`, { 'Mcp-Session-Id': 'no-such-session' }),
        body: method === 'POST' ? JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }) : undefined,
      });
      expect(response.status, method).toBe(404);
    }
  });

  it('opens the SSE stream of a session on GET, one at a time', async () => {
    const host = `127.0.0.1:${served.port}`;
    const initialized = await rawRequest(served.port, { method: 'POST', headers: postHeaders(host), body: INITIALIZE_BODY });
    const sessionId = String(initialized.headers['mcp-session-id']);
    const headers = { Accept: 'text/event-stream', 'Mcp-Session-Id': sessionId, 'Mcp-Protocol-Version': '2025-06-18' };
    const controller = new AbortController();
    const stream = await fetch(served.url, { headers, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const second = await fetch(served.url, { headers });
    expect(second.status).toBe(409);
    controller.abort();
  });

  it('closes the least recently used session when full', async () => {
    await served.close();
    served = await serveMcp(() => assistant, { maxSessions: 2 });
    const first = await connectClient(served.url);
    const second = await connectClient(served.url);
    await callTool(first.client, 'list_documents'); // first is now the more recent
    const third = await connectClient(served.url);
    expect(served.handler.sessionCount()).toBe(2);
    await expect(callTool(second.client, 'list_documents')).rejects.toThrow();
    expect((await callTool(first.client, 'list_documents')).isError).toBeFalsy();
    expect((await callTool(third.client, 'list_documents')).isError).toBeFalsy();
    for (const item of [first, second, third]) await item.client.close().catch(() => undefined);
  });

  it('ends every session at close and refuses new ones with 503', async () => {
    const { client } = await connectClient(served.url);
    await served.handler.close();
    expect(served.handler.sessionCount()).toBe(0);
    const response = await rawRequest(served.port, { method: 'POST', headers: postHeaders(`127.0.0.1:${served.port}`), body: INITIALIZE_BODY });
    expect(response.status).toBe(503);
    await client.close().catch(() => undefined);
  });
});

describe('DNS-rebinding protection', () => {
  it('accepts loopback Host headers that carry the listening port', async () => {
    for (const host of [`127.0.0.1:${served.port}`, `localhost:${served.port}`]) {
      const response = await rawRequest(served.port, { method: 'POST', headers: postHeaders(host, { Origin: `http://${host}` }), body: INITIALIZE_BODY });
      expect(response.status, host).toBe(200);
    }
  });

  it.each(['evil.example.com', 'evil.example.com:80', 'localhost:1', '127.0.0.1'])('refuses Host %s with 403', async (host) => {
    const response = await rawRequest(served.port, { method: 'POST', headers: postHeaders(host), body: INITIALIZE_BODY });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 }, id: null });
    expect(served.handler.sessionCount()).toBe(0);
  });

  it('refuses a foreign Origin even with a good Host', async () => {
    const response = await rawRequest(served.port, {
      method: 'POST',
      headers: postHeaders(`127.0.0.1:${served.port}`, { Origin: 'http://evil.example.com' }),
      body: INITIALIZE_BODY,
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).error.message).toContain('Origin');
  });

  it('accepts a LAN name listed in ALLOWED_HOSTS, with any port', async () => {
    await served.close();
    served = await serveMcp(() => assistant, { env: { ALLOWED_HOSTS: 'plan.lan' } });
    const listed = await rawRequest(served.port, { method: 'POST', headers: postHeaders('plan.lan:8443'), body: INITIALIZE_BODY });
    expect(listed.status).toBe(200);
    const other = await rawRequest(served.port, { method: 'POST', headers: postHeaders('other.lan'), body: INITIALIZE_BODY });
    expect(other.status).toBe(403);
  });
});

describe('bodies and methods', () => {
  it('answers malformed JSON with a JSON-RPC parse error', async () => {
    await served.close();
    served = await serveMcp(() => assistant, { appJson: false });
    const response = await rawRequest(served.port, { method: 'POST', headers: postHeaders(`127.0.0.1:${served.port}`), body: '{"jsonrpc":' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe(-32700);
  });

  it('answers other methods with 405 and Allow', async () => {
    const response = await rawRequest(served.port, { method: 'PUT', headers: { Host: `127.0.0.1:${served.port}` } });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, POST, DELETE');
  });
});
