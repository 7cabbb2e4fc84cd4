/**
 * The extractive stream: citations first, then the answer in word groups, then `done` with the
 * same response `ask` gives.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { AskEvent, PlanAssistant } from '../../server/core/types.js';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

let shipped: ShippedIndex;
let assistant: PlanAssistant;

beforeAll(async () => {
  shipped = await buildShippedIndex();
  assistant = createPlanAssistant({ index: shipped.index, config: shipped.config });
});
afterAll(() => shipped.cleanup());

it('streams citations, deltas that rebuild the answer, then done', async () => {
  const events: AskEvent[] = [];
  for await (const event of assistant.askStream({ question: 'Các nhiệm vụ do Sở Nội vụ chủ trì là gì?' })) events.push(event);
  const types = events.map((event) => event.type);
  expect(types[0]).toBe('citations');
  expect(types.at(-1)).toBe('done');
  expect(types.slice(1, -1).every((type) => type === 'delta')).toBe(true);
  expect(types.length).toBeGreaterThan(4);
  const done = events.at(-1) as Extract<AskEvent, { type: 'done' }>;
  const citations = events[0] as Extract<AskEvent, { type: 'citations' }>;
  const text = events.flatMap((event) => (event.type === 'delta' ? [event.text] : [])).join('');
  expect(text).toBe(done.response.answer);
  expect(citations.citations).toEqual(done.response.citations);
  const asked = await assistant.ask({ question: 'Các nhiệm vụ do Sở Nội vụ chủ trì là gì?' });
  expect(done.response.answer).toBe(asked.answer);
  expect(done.response.mode).toBe('extractive');
});

it('streams an abstention with no citations', async () => {
  const events: AskEvent[] = [];
  for await (const event of assistant.askStream({ question: 'Giá vé tham quan Tràng An năm nay là bao nhiêu?' })) events.push(event);
  expect(events[0]).toEqual({ type: 'citations', citations: [] });
  expect((events.at(-1) as Extract<AskEvent, { type: 'done' }>).response.abstained).toBe(true);
});

it('rejects an empty question', async () => {
  await expect(assistant.ask({ question: '   ' })).rejects.toThrow(/không được để trống/);
});
