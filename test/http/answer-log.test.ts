/**
 * The decide stage's reason travels with an abstention: in the JSON response (`abstainReason`)
 * and in the log line of the answer, over a real socket with the shipped corpus's assistant.
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

async function ask(question: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${served.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) });
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
