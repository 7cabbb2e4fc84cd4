/**
 * Regressions for task-list questions that combine filters: a date typed without a year takes
 * the plan's year, a timeline kind narrows a unit's tasks, two units list both units' tasks.
 * Expected sections come from the plan's own timelines and assignments (II.2–II.4 due 30/6/2026).
 */
import { describe, expect, it } from 'vitest';
import { readDateSlots } from '../../server/core/query/dates.js';
import { matchKey } from '../../common/text-key.js';
import { loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import type { AskResponse } from '../../server/core/types.js';
import { useShippedAssistant } from './shipped-index.js';

const { ask } = useShippedAssistant();

const sections = (response: AskResponse): string[] => [...new Set(response.citations.map((citation) => citation.section))].sort();

describe('dates without a year', () => {
  const vocabulary = loadQueryVocabulary();

  it('reads day-month bounds in the default year, and leaves them unbounded without one', () => {
    expect(readDateSlots(matchKey('trước 30/6'), vocabulary, 2026).dueBefore).toBe('2026-06-30');
    expect(readDateSlots(matchKey('đến hết tháng 6'), vocabulary, 2026).dueBefore).toBe('2026-06-30');
    expect(readDateSlots(matchKey('before June 30'), vocabulary, 2026).dueBefore).toBe('2026-06-30');
    expect(readDateSlots(matchKey('sau ngày 1 tháng 7'), vocabulary, 2025).dueAfter).toBe('2025-07-01');
    // A year typed in the question wins over the default.
    expect(readDateSlots(matchKey('trước 30/6 năm 2027'), vocabulary, 2026).dueBefore).toBe('2027-06-30');
    expect(readDateSlots(matchKey('trước 30/6'), vocabulary).dueBefore).toBeNull();
    // A month alone stays a month of any year.
    expect(readDateSlots(matchKey('trong tháng 6'), vocabulary, 2026).months).toEqual([{ month: 6, year: null }]);
  });

  it.each([
    'Nhung viec nao xa phai xong truoc 30/6?',
    'Những việc nào xã phải xong đến hết tháng 6?',
    'Which tasks must the commune finish before June 30?',
    'Những việc nào xã phải xong trước ngày 30 tháng 6?',
  ])('lists only the commune tasks due by 30/6: %s', async (question) => {
    const response = await ask(question);
    expect(response.intent).toBe('task-list');
    expect(sections(response)).toEqual(['II.2', 'II.3', 'II.4']);
  });

  it('combines a yearless bound with a lead unit', async () => {
    const response = await ask('Việc nào Sở Nội vụ chủ trì phải hoàn thành trước 1/7?');
    expect(sections(response)).toEqual(['II.4']);
  });
});

describe('a timeline kind with a unit', () => {
  it.each([
    ['nhiem vu thuong xuyen cua ubnd xa', ['II.1', 'II.10', 'II.9']],
    ['các việc định kỳ hằng năm SNV phối hợp', ['II.10', 'II.9']],
  ])('lists the unit\'s tasks of that kind: %s', async (question, expected) => {
    const response = await ask(question);
    expect(response.intent).toBe('task-list');
    expect(sections(response)).toEqual(expected);
  });

  it('still answers a unit alone with its duties', async () => {
    const response = await ask('nhiem vu cua ubnd xa');
    expect(response.intent).toBe('unit-duty');
  });
});
