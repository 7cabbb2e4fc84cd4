/**
 * Graceful shutdown of the real entry: `server/main.ts` spawned with a model endpoint that never
 * answers, so an event-stream answer waits LLM_TIMEOUT_MS before it falls back to the extractive
 * answer; SIGTERM arrives while it waits. The answer completes, the MCP session's stream is
 * closed, new connections are refused, and the process exits 0.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { buildIndex, freePort, isListening, makeWorkspace, spawnTsx, waitFor, waitForHealth, type Workspace } from './helpers.js';

let workspace: Workspace | null = null;
let model: FakeOpenAIServer | null = null;
afterAll(async () => {
  await model?.close();
  await workspace?.remove();
});

/** Opens an MCP session and its GET event stream; resolves when the stream ends. */
async function openMcpStream(url: string): Promise<{ ended: Promise<void> }> {
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const init = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'shutdown-test', version: '1' } },
    }),
  });
  expect(init.status).toBe(200);
  await init.text();
  const session = init.headers.get('mcp-session-id')!;
  const sessionHeaders = { ...headers, 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' };
  await (await fetch(`${url}/mcp`, { method: 'POST', headers: sessionHeaders, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })).text();
  const stream = await fetch(`${url}/mcp`, { headers: { ...sessionHeaders, accept: 'text/event-stream' } });
  expect(stream.status).toBe(200);
  const ended = (async () => {
    try {
      for await (const _chunk of stream.body!) {
        // drain until the server ends the session
      }
    } catch {
      // a cut connection ends it too
    }
  })();
  return { ended };
}

const MODEL_WAIT_MS = 1500;

describe('graceful shutdown', () => {
  it('SIGTERM mid-answer: the answer completes, MCP sessions close, exit 0', async () => {
    workspace = await makeWorkspace();
    await buildIndex(workspace);
    model = await startFakeOpenAIServer('hang');
    const port = await freePort();
    const server = spawnTsx('server/main.ts', {
      ...workspace.env,
      PORT: String(port),
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: 'sk-fake',
      LLM_TIMEOUT_MS: String(MODEL_WAIT_MS),
      LOG_LEVEL: 'info',
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitForHealth(url);
      const mcp = await openMcpStream(url);

      const response = await fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ question: 'Ai chủ trì rà soát khung năng lực vị trí việc làm?' }),
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      // The answer is under way once the server waits on the model.
      await waitFor(() => (model!.requests.length === 1 ? true : undefined), 10_000, 'the model call');
      let text = '';
      const signalledAt = performance.now();
      server.child.kill('SIGTERM');

      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      expect(model.requests.length).toBe(1);
      expect(text).toContain('event: done');
      expect(text).not.toContain('event: error');
      const done = JSON.parse(/event: done\ndata: (.*)/.exec(text)![1]);
      expect(done.mode).toBe('extractive');
      expect(done.citations.length).toBeGreaterThan(0);
      // It really was in flight: the answer ended well after the signal.
      expect(performance.now() - signalledAt).toBeGreaterThan(MODEL_WAIT_MS / 2);

      await mcp.ended;
      expect(await server.exited).toBe(0);
      expect(await isListening(port)).toBe(false);
      expect(server.stderr()).toMatch(/đang dừng máy chủ/);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
