/**
 * Model endpoint faults over real HTTP: connection refused, slower than LLM_TIMEOUT_MS, 500,
 * garbage, invented citations. `/api/ask` (JSON and event stream) still answers, in extractive
 * mode, with a notice, and with the same answer as a server without a model (the core's fake
 * endpoint, `test/fakes/fake-openai-server.ts`, over real HTTP). A healthy fake
 * shows that the model path is really taken when nothing is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeMode, type FakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { buildIndex, makeWorkspace, postJson, refusedBaseUrl, serveApp, type ServedApp, type Workspace } from './helpers.js';

const QUESTION = 'Ai chủ trì rà soát khung năng lực vị trí việc làm?';
const TIMEOUT_MS = 300;

let workspace: Workspace;
let baseline: { answer: string; citations: unknown[] };
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  workspace = await makeWorkspace();
  await buildIndex(workspace);
  const plain = await serveApp(workspace.config());
  open.push(plain);
  const response = await postJson(`${plain.url}/api/ask`, { question: QUESTION });
  baseline = { answer: response.json.answer, citations: response.json.citations };
  expect(response.json.mode).toBe('extractive');
});

afterAll(async () => {
  for (const item of open) await item.close();
  await workspace.remove();
});

async function serverWithModel(baseUrl: string): Promise<ServedApp> {
  const app = await serveApp(workspace.config({ OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: 'sk-fake', LLM_TIMEOUT_MS: String(TIMEOUT_MS) }));
  open.push(app);
  return app;
}

async function fake(mode: FakeMode): Promise<FakeOpenAIServer> {
  const server = await startFakeOpenAIServer(mode);
  open.push(server);
  return server;
}

/** Reads an SSE answer to its end; returns the events by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- event payloads differ by event; tests read their fields
async function askStream(url: string, question: string): Promise<Array<{ event: string; data: any }>> {
  const response = await fetch(`${url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return { event: eventLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length)) };
    });
}

describe('a healthy model endpoint (control)', () => {
  it('is used: mode llm, checked citations, no notice', async () => {
    const model = await fake('good');
    const app = await serverWithModel(model.baseUrl);
    const response = await postJson(`${app.url}/api/ask`, { question: QUESTION });
    expect(response.status).toBe(200);
    expect(response.json.mode).toBe('llm');
    expect(response.json.notice).toBeUndefined();
    expect(model.requests.length).toBe(1);
  });

  it('is used by the event stream too', async () => {
    const model = await fake('good');
    const app = await serverWithModel(model.baseUrl);
    const done = (await askStream(app.url, QUESTION)).find((event) => event.event === 'done');
    expect(done?.data.mode).toBe('llm');
    expect(model.requests.length).toBe(1);
  });
});

const faults: Array<{ name: string; endpoint: () => Promise<string> }> = [
  { name: 'connection refused', endpoint: () => refusedBaseUrl() },
  { name: `slower than LLM_TIMEOUT_MS (${TIMEOUT_MS} ms)`, endpoint: async () => (await fake('hang')).baseUrl },
  { name: 'answering 500', endpoint: async () => (await fake('error-500')).baseUrl },
  { name: 'answering garbage', endpoint: async () => (await fake('garbage')).baseUrl },
  { name: 'inventing citations', endpoint: async () => (await fake('invents-citation')).baseUrl },
];

describe('model endpoint faults: the extractive answer, with a notice', () => {
  it.each(faults)('$name — JSON', async ({ endpoint }) => {
    const app = await serverWithModel(await endpoint());
    const started = performance.now();
    const response = await postJson(`${app.url}/api/ask`, { question: QUESTION });
    expect(response.status).toBe(200);
    expect(response.json.mode).toBe('extractive');
    expect(response.json.notice).toMatch(/trích trực tiếp từ văn bản/);
    expect(response.json.answer).toBe(baseline.answer);
    expect(response.json.citations).toEqual(baseline.citations);
    expect(JSON.stringify(response.json)).not.toMatch(/bịa đặt|fake failure|not json/);
    // Bounded by the timeout, not by the fake (which may never answer).
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 5);
  });

  it.each(faults)('$name — event stream', async ({ endpoint }) => {
    const app = await serverWithModel(await endpoint());
    const events = await askStream(app.url, QUESTION);
    const done = events.find((event) => event.event === 'done');
    expect(events.some((event) => event.event === 'error')).toBe(false);
    expect(done?.data.mode).toBe('extractive');
    expect(done?.data.notice).toMatch(/trích trực tiếp từ văn bản/);
    expect(done?.data.answer).toBe(baseline.answer);
    const streamed = events.filter((event) => event.event === 'delta').map((event) => event.data.text).join('');
    expect(streamed).not.toMatch(/bịa đặt/);
  });
});
