/**
 * One date format and no internal address in the MCP text, over the REAL assistant and the
 * shipped corpus: every tool's text, the prompts and the resource titles. A date written
 * otherwise than the rule of Nghị định 30/2020/NĐ-CP passes only as a verbatim quote of a
 * document; the structured output keeps ISO dates with `dueText` and places with `label`.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../server/core/answer/format.js';
import { dateProblems, internalAddresses } from '../http/face-text.js';
import { callTool, connectInMemory, resultText } from './helpers.js';
import { buildRealCorpus, type RealCorpus } from './real-index.js';

let corpus: RealCorpus;
let client: Client;
let close: () => Promise<void>;
let sources = '';

beforeAll(async () => {
  corpus = await buildRealCorpus();
  ({ client, close } = await connectInMemory(() => corpus.assistant));
  sources = corpus.index.registry.documents.map((doc) => `${doc.text}\n${doc.header.dateText ?? ''}`).join('\n');
}, 120_000);
afterAll(async () => {
  await close?.();
  await corpus?.cleanup();
});

/** Fails naming the call when its text writes a date another way or shows an address. */
function expectClean(where: string, text: string, verbatim = false): void {
  expect(text.length, where).toBeGreaterThan(0);
  expect(dateProblems(text, sources), where).toEqual([]);
  if (!verbatim) expect(internalAddresses(text), where).toEqual([]);
}

describe('MCP text', () => {
  it('tools write dates by the rule and places by label', async () => {
    const calls: Array<[string, Record<string, unknown>]> = [
      ['ask', { question: 'Những nhiệm vụ nào hạn trong tháng 6/2026?' }],
      ['ask', { question: 'Nghị định 335/2025/NĐ-CP có hiệu lực từ ngày nào?' }],
      ['ask', { question: 'Ai ký Nghị định 170/2025/NĐ-CP?' }],
      ['list_tasks', { dueBefore: '2026-12-31' }],
      ['get_task', { address: 'II.4' }],
      ['list_documents', {}],
      ['list_unit_obligations', { unit: 'so noi vu' }],
      ['search_documents', { query: 'chữ ký nơi nhận' }],
    ];
    for (const [name, args] of calls) {
      const result = await callTool(client, name, args);
      expect(result.isError, name).toBeFalsy();
      // Search results quote passages verbatim; their headings are still checked for addresses.
      const text = resultText(result);
      expectClean(`${name} ${JSON.stringify(args)}`, text, name === 'search_documents');
      if (name === 'search_documents') expectClean('search headings', text.split('\n').filter((line) => /^\[\d+\]/.test(line)).join('\n'));
    }
  }, 60_000);

  it('structured output keeps ISO dates with their text beside them, and labels', async () => {
    const result = await callTool(client, 'list_tasks', { dueBefore: '2026-12-31' });
    const { tasks } = result.structuredContent as { tasks: Array<{ label: string; timeline: { due?: string; dueText?: string } }> };
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.label).toMatch(/^mục /);
      if (task.timeline.due) expect(task.timeline.dueText).toBe(formatDate(task.timeline.due));
    }
  });

  it('prompts and resource titles write dates by the rule and places by label', async () => {
    const review = await client.getPrompt({ name: 'deadline_review', arguments: { before: '2026-12-31' } });
    expectClean('deadline_review', review.messages.map((message) => (message.content as { text: string }).text).join('\n'));
    const briefing = await client.getPrompt({ name: 'unit_briefing', arguments: { unit: 'so noi vu' } });
    expectClean('unit_briefing', briefing.messages.map((message) => (message.content as { text: string }).text).join('\n'));
    // `name` is the resource's programmatic id ("<document>/<address>"); people read `title`.
    const { resources } = await client.listResources();
    expect(resources.every((resource) => resource.title)).toBe(true);
    expectClean('resource titles', resources.map((resource) => resource.title).join('\n'));
  });
});
