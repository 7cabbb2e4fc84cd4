/**
 * Idle Streamable HTTP sessions expire after MCP_SESSION_IDLE_MINUTES, on a fake clock: an idle
 * session is closed (at the next request, and by the timer with no request at all) and a later
 * request with its id gets the protocol's 404 "session not found"; a session in use stays, and so
 * does one whose client listens on an open SSE stream, until that stream ends.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ConfigError, loadConfig } from '../../common/config.js';
import { createFakeAssistant } from '../fakes/fake-assistant.js';
import { callTool } from './helpers.js';
import { INITIALIZE_BODY, postHeaders, rawRequest, serveMcp, type RunningMcpHttp } from './http-server.js';

const MINUTE = 60_000;
const assistant = createFakeAssistant();
let served: RunningMcpHttp | undefined;
const clients: Client[] = [];

async function connect(url: string): Promise<{ client: Client; sessionId: string }> {
  const transport = new StreamableHTTPClientTransport(new URL(url));
  const client = new Client({ name: 'idle-test-client', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return { client, sessionId: transport.sessionId! };
}

/** A session started by a bare initialize: no SSE stream, as a client that went away leaves it. */
async function initializeRaw(): Promise<string> {
  const response = await rawRequest(served!.port, { method: 'POST', headers: postHeaders(`127.0.0.1:${served!.port}`), body: INITIALIZE_BODY });
  expect(response.status).toBe(200);
  return String(response.headers['mcp-session-id']);
}

/** A tools/list in the session, as a raw request: its status and JSON-RPC error code. */
async function listToolsIn(sessionId: string): Promise<{ status: number; code?: number }> {
  const response = await rawRequest(served!.port, {
    method: 'POST',
    headers: postHeaders(`127.0.0.1:${served!.port}`, { 'Mcp-Session-Id': sessionId, 'Mcp-Protocol-Version': '2025-06-18' }),
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }),
  });
  const body = response.headers['content-type']?.includes('application/json') ? (JSON.parse(response.body) as { error?: { code: number } }) : {};
  return { status: response.status, code: body.error?.code };
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.allSettled(clients.splice(0).map((client) => client.close()));
  await served?.close();
  served = undefined;
});

describe('idle sessions', () => {
  it('closes a session idle past the limit; its id then gets 404 session not found, while a used one stays', async () => {
    let clock = 1_000_000;
    served = await serveMcp(() => assistant, { env: { MCP_SESSION_IDLE_MINUTES: '5' }, now: () => clock });
    const idle = { sessionId: await initializeRaw() };
    const busy = await connect(served.url);
    expect(served.handler.sessionCount()).toBe(2);

    clock += 4 * MINUTE;
    expect((await callTool(busy.client, 'list_tasks')).isError).toBeFalsy();
    clock += 2 * MINUTE; // idle: 6 minutes unused; busy: 2

    expect(await listToolsIn(idle.sessionId)).toEqual({ status: 404, code: -32001 });
    expect(served.handler.sessionCount()).toBe(1);
    expect((await listToolsIn(busy.sessionId)).status).toBe(200);
  });

  it('closes idle sessions by the timer, with no request at all', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = 0;
    served = await serveMcp(() => assistant, { env: { MCP_SESSION_IDLE_MINUTES: '1' }, now: () => clock });
    const sessionId = await initializeRaw();
    clock += 30_000;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(served.handler.sessionCount()).toBe(1);
    clock += MINUTE;
    await vi.advanceTimersByTimeAsync(MINUTE);
    await vi.waitFor(() => expect(served!.handler.sessionCount()).toBe(0));
    vi.useRealTimers();
    expect(await listToolsIn(sessionId)).toEqual({ status: 404, code: -32001 });
  });
});

describe('a listening client', () => {
  it('is not idle while its SSE stream is open; its idle time starts when the stream ends', async () => {
    let clock = 0;
    served = await serveMcp(() => assistant, { env: { MCP_SESSION_IDLE_MINUTES: '5' }, now: () => clock });
    const sessionId = await initializeRaw();
    const controller = new AbortController();
    const headers = { Accept: 'text/event-stream', 'Mcp-Session-Id': sessionId, 'Mcp-Protocol-Version': '2025-06-18' };
    const stream = await fetch(served.url, { headers, signal: controller.signal });
    expect(stream.status).toBe(200);
    clock += 60 * MINUTE;
    await served.handler.closeIdleSessions();
    expect(served.handler.sessionCount()).toBe(1);
    controller.abort();
    await vi.waitFor(async () => {
      clock += 6 * MINUTE;
      await served!.handler.closeIdleSessions();
      expect(served!.handler.sessionCount()).toBe(0);
    });
    expect(await listToolsIn(sessionId)).toEqual({ status: 404, code: -32001 });
  });
});

describe('MCP_SESSION_IDLE_MINUTES', () => {
  it('defaults to 30 minutes and refuses a value below 1 in Vietnamese', () => {
    expect(loadConfig({}).MCP_SESSION_IDLE_MINUTES).toBe(30);
    expect(loadConfig({ MCP_SESSION_IDLE_MINUTES: '90' }).MCP_SESSION_IDLE_MINUTES).toBe(90);
    for (const bad of ['0', 'abc', '1.5']) {
      expect(() => loadConfig({ MCP_SESSION_IDLE_MINUTES: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ MCP_SESSION_IDLE_MINUTES: bad })).toThrow(`MCP_SESSION_IDLE_MINUTES=${bad}: cần một số nguyên phút từ 1 trở lên`);
    }
  });
});
