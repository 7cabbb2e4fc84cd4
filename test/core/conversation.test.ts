/**
 * Follow-ups resolve against the previous turn; the conversation store is bounded by count
 * (least recently used first) and by age (with a fake clock); it survives an index swap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanAssistant } from '../../server/core/assistant.js';
import { ConversationStore } from '../../server/core/conversation.js';
import type { TurnMemory } from '../../server/core/answer/respond.js';
import type { AskResponse, PlanAssistant } from '../../server/core/types.js';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

let shipped: ShippedIndex;
let assistant: PlanAssistant;

beforeAll(async () => {
  shipped = await buildShippedIndex();
  assistant = createPlanAssistant({ index: shipped.index, config: shipped.config });
});
afterAll(() => shipped.cleanup());

const sections = (response: AskResponse): string[] => [...new Set(response.citations.map((citation) => citation.section))];

/** Asks the turns in one conversation and returns the responses. */
async function converse(target: PlanAssistant, questions: string[]): Promise<AskResponse[]> {
  const responses: AskResponse[] = [];
  let conversationId: string | undefined;
  for (const question of questions) {
    const response = await target.ask({ question, conversationId });
    conversationId = response.conversationId;
    responses.push(response);
  }
  return responses;
}

describe('follow-ups', () => {
  it('a question naming its own unit after a list is a new question, and "thế còn …" follows its shape', async () => {
    const [list, finance, home] = await converse(assistant, ['Những nhiệm vụ nào hạn trong tháng 6/2026?', 'Sở Tài chính làm gì?', 'thế còn Sở Nội vụ?']);
    expect(sections(list)).toEqual(['II.2', 'II.3', 'II.4']);
    // Not narrowed to the June tasks, none of which names it: its own duty in II.10.
    expect(finance.answer).not.toMatch(/không giao việc cho Sở Tài chính/);
    expect(sections(finance).some((section) => section.startsWith('II.10'))).toBe(true);
    // Asked fresh, Sở Nội vụ has 8 duties; narrowed to the June tasks it had only II.4.
    expect(home.answer).toMatch(/Sở Nội vụ được giao 8 việc/);
    expect(sections(home).length).toBeGreaterThan(3);
  });

  it('resolves "Ai chủ trì?", "còn thời hạn?", "Khi nào thực hiện?", "đơn vị phối hợp là ai?" against the last task', async () => {
    const [first, lead, deadline, when, partners] = await converse(assistant, [
      'Nhiệm vụ số 6 nói về gì?',
      'Ai chủ trì?',
      'còn thời hạn?',
      'Khi nào thực hiện?',
      'đơn vị phối hợp là ai?',
    ]);
    expect(sections(first)).toEqual(['II.6']);
    expect(lead.answer).toContain('Sở Nội vụ');
    expect(sections(lead)).toEqual(['II.6']);
    expect(deadline.answer).toContain('phê duyệt vị trí việc làm');
    expect(when.answer).toContain('phê duyệt vị trí việc làm');
    expect(partners.answer).toContain('Ủy ban nhân dân các xã, phường');
    expect(sections(partners)).toEqual(['II.6']);
  });

  it('keeps the same conversation id and starts a new one when none is given', async () => {
    const [first, second] = await converse(assistant, ['Ai chủ trì nhiệm vụ 4?', 'Còn thời hạn?']);
    expect(second.conversationId).toBe(first.conversationId);
    expect(first.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await assistant.ask({ question: 'Ai chủ trì nhiệm vụ 4?' });
    expect(fresh.conversationId).not.toBe(first.conversationId);
  });

  it('repeats the last question shape for another task or another unit', async () => {
    const [, next] = await converse(assistant, ['Ai phối hợp nhiệm vụ 4?', 'Còn nhiệm vụ 8 thì sao?']);
    expect(sections(next)).toEqual(['II.8']);
    expect(next.intent).toBe('coordinating');
    const [, finance] = await converse(assistant, ['Nhiệm vụ 10 nói về gì?', 'Sở Tài chính làm gì trong nhiệm vụ này?']);
    expect(finance.answer).toContain('kinh phí');
    const [, other] = await converse(assistant, ['Sở Nội vụ chủ trì những nhiệm vụ nào?', 'Thế còn Ủy ban nhân dân các xã, phường?']);
    expect(sections(other)).toEqual(expect.arrayContaining(['II.2', 'II.3', 'II.7', 'II.9', 'II.10']));
  });

  it('a follow-up without a previous turn does not invent a task', async () => {
    const response = await assistant.ask({ question: 'Khi nào thực hiện?' });
    expect(response.citations.length).toBe(shipped.index.registry.tasks.length);
  });

  it('conversations survive a new assistant built over the same store', async () => {
    const store = new ConversationStore({ maxConversations: 10, ttlMinutes: 5 });
    const before = createPlanAssistant({ index: shipped.index, config: shipped.config, conversations: store });
    const first = await before.ask({ question: 'Ai chủ trì nhiệm vụ 7?' });
    const after = createPlanAssistant({ index: shipped.index, config: shipped.config, conversations: store });
    const follow = await after.ask({ question: 'Đơn vị phối hợp là ai?', conversationId: first.conversationId });
    expect(follow.answer).toContain('Sở Nội vụ');
    expect(sections(follow)).toEqual(['II.7']);
  });
});

describe('ConversationStore bounds', () => {
  const memory = (unitId: string): TurnMemory => ({ intent: { kind: 'unit-duties', unitId }, taskKeys: [], unitId });

  it('drops the least recently used conversation beyond the count', () => {
    const store = new ConversationStore({ maxConversations: 2, ttlMinutes: 60 });
    store.set('a', memory('a'));
    store.set('b', memory('b'));
    expect(store.get('a')?.unitId).toBe('a'); // "a" is now the most recent
    store.set('c', memory('c'));
    expect(store.size).toBe(2);
    expect(store.get('b')).toBeNull();
    expect(store.get('a')?.unitId).toBe('a');
    expect(store.get('c')?.unitId).toBe('c');
  });

  it('forgets a conversation idle longer than the time limit', () => {
    let now = Date.parse('2026-06-01T08:00:00Z');
    const store = new ConversationStore({ maxConversations: 10, ttlMinutes: 30, now: () => new Date(now) });
    store.set('old', memory('old'));
    now += 20 * 60_000;
    store.set('young', memory('young'));
    expect(store.get('old')?.unitId).toBe('old'); // 20 minutes: kept, and touched again
    now += 31 * 60_000;
    expect(store.get('old')).toBeNull();
    expect(store.get('young')).toBeNull();
    store.set('new', memory('new'));
    expect(store.size).toBe(1);
  });

  it('the assistant honours the configured bounds', async () => {
    let now = Date.parse('2026-06-01T08:00:00Z');
    const config = { ...shipped.config, CONVERSATION_MAX: 1, CONVERSATION_TTL_MINUTES: 1 };
    const bounded = createPlanAssistant({ index: shipped.index, config, now: () => new Date(now) });
    const first = await bounded.ask({ question: 'Ai chủ trì nhiệm vụ 7?' });
    now += 2 * 60_000;
    const late = await bounded.ask({ question: 'Đơn vị phối hợp là ai?', conversationId: first.conversationId });
    expect(sections(late)).not.toEqual(['II.7']);
  });
});
