/**
 * The filter of a task list a question asks for: the unit and its role, due dates (a month,
 * a range, a year), the timeline kind, tasks without a date or without coordinating units.
 */
import type { TimelineKind, TaskRole } from '../../../ingest/types.js';
import { hasPhrase, type ParsedQuery } from '../query/understand.js';
import { CUES } from './cues.js';
import type { TaskListFilter } from './types.js';

/** The list filter of a question about `unitId` (null: any unit). */
export function listFilter(query: ParsedQuery, unitId: string | null): TaskListFilter {
  const role: TaskRole | 'any' =
    query.cues.has(CUES.lead) && !query.cues.has(CUES.coordinating) ? 'lead' : query.cues.has(CUES.coordinating) && !query.cues.has(CUES.lead) ? 'coordinating' : 'any';
  const { months, dueBefore, dueAfter, year } = query.dates;
  let after = dueAfter;
  let before = dueBefore;
  // "trong tháng 6" without a year: the month in any year.
  const dueMonths = months.filter((month) => month.year === null && year === null).map((month) => month.month);
  const dated = months.filter((month) => month.year !== null || year !== null);
  if (dated.length > 0) {
    const ordered = [...dated].sort((a, b) => (a.year ?? year ?? 0) - (b.year ?? year ?? 0) || a.month - b.month);
    const first = ordered[0];
    const last = ordered[ordered.length - 1];
    after = after ?? `${first.year ?? year}-${String(first.month).padStart(2, '0')}-01`;
    before = before ?? lastDay((last.year ?? year) as number, last.month);
  } else if (year && (query.cues.has(CUES.list) || query.cues.has(CUES.whichTasks))) {
    after = after ?? `${year}-01-01`;
    before = before ?? `${year}-12-31`;
  }
  // "chưa có thời hạn cụ thể", "không có hạn": the tasks without a date.
  const undated = /\b(?:chua|khong|ko)\s+(?:co\s+)?(?:thoi han|han|ngay)\b/.test(query.text) || /\b(?:without|no) (?:deadline|due date)\b/.test(query.key);
  if (undated) return { unitId, role, dueAfter: null, dueBefore: null, kind: null, undated: true };
  // "Nhiệm vụ nào không có đơn vị phối hợp?"
  if (/\b(?:chua|khong|ko)\s+(?:co\s+)?(?:don vi\s+)?phoi hop\b/.test(query.text)) {
    return { unitId, role: 'any', dueAfter: after, dueBefore: before, kind: null, withoutCoordinating: true };
  }
  const filter: TaskListFilter = { unitId, role, dueAfter: after, dueBefore: before, kind: timelineKind(query, after !== null || before !== null || dueMonths.length > 0) };
  return dueMonths.length > 0 ? { ...filter, dueMonths } : filter;
}

/** Whether a filter narrows the list at all (a unit, dates, a kind, undated or uncoordinated tasks). */
export function narrowsList(filter: TaskListFilter): boolean {
  return (
    filter.unitId !== null ||
    filter.dueAfter !== null ||
    filter.dueBefore !== null ||
    filter.dueMonths !== undefined ||
    filter.kind !== null ||
    filter.undated === true ||
    filter.withoutCoordinating === true
  );
}

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

function timelineKind(query: ParsedQuery, dated: boolean): TimelineKind | null {
  if (query.cues.has(CUES.recurring)) return 'recurring';
  if (hasPhrase(query, 'sau khi') || /\b(?:conditional|after approval)\b/.test(query.key)) return 'conditional';
  if (hasPhrase(query, 'cap co tham quyen') || hasPhrase(query, 'theo quy dinh')) return 'per-authority';
  if (dated) return 'deadline';
  if (hasPhrase(query, 'co thoi han') || hasPhrase(query, 'han cu the') || hasPhrase(query, 'thoi han cu the')) return 'deadline';
  return null;
}
