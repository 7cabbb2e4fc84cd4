/**
 * The model path against a fake OpenAI-compatible server over real HTTP: a good reply is
 * used (mode "llm", uncited sentences dropped, citations from our sources); an invented
 * marker, an HTTP 500, a hang past the time limit or a garbage body fall back to the
 * extractive answer with a Vietnamese notice. Abstaining never reaches the model.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { AskEvent, AskResponse, PlanAssistant } from '../../server/core/types.js';
import { citationProblems } from '../eval/scorer.js';
import { GOOD_SENTENCE, UNCITED_SENTENCE, startFakeOpenAIServer, type FakeMode, type FakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

let shipped: ShippedIndex;
let fake: FakeOpenAIServer;
let assistant: PlanAssistant;
const QUESTION = 'Ai chủ trì nhiệm vụ 4?';

beforeAll(async () => {
  fake = await startFakeOpenAIServer();
  shipped = await buildShippedIndex();
  const config = { ...shipped.config, OPENAI_BASE_URL: fake.baseUrl, LLM_TIMEOUT_MS: 300, llmEnabled: true };
  assistant = createPlanAssistant({ index: shipped.index, config });
});
afterAll(async () => {
  await fake.close();
  await shipped.cleanup();
});
beforeEach(() => {
  fake.requests.length = 0;
});

async function collect(events: AsyncIterable<AskEvent>): Promise<AskEvent[]> {
  const all: AskEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

function expectExtractiveFallback(response: AskResponse): void {
  expect(response.mode).toBe('extractive');
  expect(response.notice).toMatch(/trích trực tiếp từ văn bản/);
  expect(response.answer).toContain('Sở Nội vụ [1]');
  expect(citationProblems(response, shipped.index.registry)).toEqual([]);
}

describe('ask with a model', () => {
  it('good: uses the reply, drops the uncited sentence, cites our sources', async () => {
    fake.setMode('good');
    const response = await assistant.ask({ question: QUESTION });
    expect(response.mode).toBe('llm');
    expect(response.notice).toBeUndefined();
    expect(response.answer).toBe(GOOD_SENTENCE);
    expect(response.answer).not.toContain(UNCITED_SENTENCE);
    expect(response.citations[0]).toMatchObject({ section: 'II.4' });
    expect(citationProblems(response, shipped.index.registry)).toEqual([]);
  });

  it('sends the sources as fenced data and says in the system prompt that they are data', async () => {
    fake.setMode('good');
    await assistant.ask({ question: QUESTION });
    const body = fake.requests.find((request) => request.path.endsWith('/chat/completions'))?.body as { messages: Array<{ role: string; content: string }> };
    const [system, user] = body.messages;
    expect(system.role).toBe('system');
    expect(system.content).toMatch(/DỮ LIỆU/);
    expect(user.content).toContain('[1] Kế hoạch — mục II.4\n```\n- Đơn vị chủ trì thực hiện: Sở Nội vụ.\n```');
    expect(user.content).toContain(QUESTION);
    // The extractive draft quotes the documents too: it is fenced like the sources.
    expect(user.content).toContain('```\nTheo Kế hoạch, mục II.4, đơn vị chủ trì là Sở Nội vụ [1].\n```');
  });

  it.each<[FakeMode, string]>([
    ['invents-citation', 'a reply citing [7] of 1 source'],
    ['error-500', 'an HTTP 500'],
    ['hang', 'no answer within LLM_TIMEOUT_MS'],
    ['garbage', 'a body that is not JSON'],
  ])('%s: falls back to the extractive answer (%s)', async (mode) => {
    fake.setMode(mode);
    expectExtractiveFallback(await assistant.ask({ question: QUESTION }));
  });

  it('never asks the model when the corpus does not answer', async () => {
    fake.setMode('good');
    const response = await assistant.ask({ question: 'Giá vé tham quan Tràng An năm nay là bao nhiêu?' });
    expect(response).toMatchObject({ abstained: true, mode: 'extractive', citations: [] });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('askStream with a model', () => {
  it('good: citations, then the checked sentences as deltas, then done in llm mode', async () => {
    fake.setMode('good');
    const events = await collect(assistant.askStream({ question: QUESTION }));
    expect(events[0].type).toBe('citations');
    expect(events.at(-1)?.type).toBe('done');
    const text = events.flatMap((event) => (event.type === 'delta' ? [event.text] : [])).join('');
    const done = events.at(-1) as Extract<AskEvent, { type: 'done' }>;
    expect(done.response.mode).toBe('llm');
    expect(text).toBe(done.response.answer);
    expect(text).toBe(GOOD_SENTENCE);
    expect((fake.requests[0].body as { stream?: boolean }).stream).toBe(true);
  });

  it.each<FakeMode>(['invents-citation', 'error-500', 'hang', 'garbage'])('%s: streams the extractive answer with a notice', async (mode) => {
    fake.setMode(mode);
    const events = await collect(assistant.askStream({ question: QUESTION }));
    expect(events.map((event) => event.type)[0]).toBe('citations');
    const done = events.at(-1) as Extract<AskEvent, { type: 'done' }>;
    expectExtractiveFallback(done.response);
    const text = events.flatMap((event) => (event.type === 'delta' ? [event.text] : [])).join('');
    expect(text).toBe(done.response.answer);
  });
});
