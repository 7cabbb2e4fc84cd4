/**
 * /api/ask over a real socket with the shipped corpus's assistant: the decide stage's reason
 * travels with an abstention (in the JSON response and in the answer's log line), and a
 * conversation carried by its id treats a question naming its own unit as a new question.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { createPlanAssistant } from '../../server/core/assistant.js';
import { buildShippedIndex, type ShippedIndex } from '../core/shipped-index.js';
import { serve, testConfig, type Served } from './serve.js';

const lines: Array<Record<string, unknown>> = [];
let shipped: ShippedIndex;
let served: Served;

beforeAll(async () => {
  shipped = await buildShippedIndex();
  const assistant = createPlanAssistant({ index: shipped.index, config: shipped.config });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  served = await serve(createApp({ getAssistant: () => assistant, config: testConfig(), logger: pino({ level: 'info' }, sink) }));
});
afterAll(async () => {
  await served.close();
  await shipped.cleanup();
});

async function ask(question: string, conversationId?: string): Promise<Record<string, unknown>> {
  const body = JSON.stringify(conversationId ? { question, conversationId } : { question });
  const response = await fetch(`${served.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('why an answer abstains', () => {
  it('is sent with the abstention and written to the answer log', async () => {
    const body = await ask('Giá vé tham quan Tràng An năm 2026 là bao nhiêu?');
    expect(body.abstained).toBe(true);
    expect(typeof body.abstainReason).toBe('string');
    const logged = lines.filter((line) => line.msg === 'answer');
    expect(logged.at(-1)).toMatchObject({ abstained: true, abstainReason: body.abstainReason });
    expect(typeof logged.at(-1)?.intentRule).toBe('string');
  });

  it('is absent from an answer', async () => {
    const body = await ask('Ai chủ trì nhiệm vụ 4?');
    expect(body.abstained).toBe(false);
    expect(body.abstainReason).toBeUndefined();
    expect(lines.filter((line) => line.msg === 'answer').at(-1)).toMatchObject({ abstained: false });
  });
});

describe('follow-ups over the API', () => {
  const sections = (body: Record<string, unknown>): string[] => (body.citations as Array<{ section: string }>).map((citation) => citation.section);

  it('answers a question naming its own unit after a list as a new question, and "thế còn …" with its shape', async () => {
    const list = await ask('Những nhiệm vụ nào hạn trong tháng 6/2026?');
    const conversationId = list.conversationId as string;
    const finance = await ask('Sở Tài chính làm gì?', conversationId);
    expect(finance.answer).not.toMatch(/không giao việc cho Sở Tài chính/);
    expect(sections(finance).some((section) => section.startsWith('II.10'))).toBe(true);
    const home = await ask('thế còn Sở Nội vụ?', conversationId);
    expect(home.answer).toMatch(/Sở Nội vụ được giao \d+ việc/);
    expect(sections(home).length).toBeGreaterThan(3);
  });
});
