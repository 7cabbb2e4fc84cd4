/**
 * Tasks as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Vietnamese
 * correctly), a Vietnamese header row, RFC 4180 quoting and CRLF row ends. Places are named by
 * their label ("mục II.4") and dates written as in the documents ("30/6/2026").
 */
import { KIND_TEXT, labelOf } from '../../core/catalog/display.js';
import { formatOptionalDate } from '../../core/answer/format.js';
import type { TaskView } from '../../core/types.js';

const HEADER = [
  'Mục',
  'Số thứ tự',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời gian thực hiện',
  'Loại thời hạn',
  'Hạn hoàn thành',
  'Văn bản',
];

/** Quotes one field when it needs it (RFC 4180) and defuses spreadsheet formulas. */
export function csvField(value: string): string {
  // A cell starting with = + - @ is run as a formula by spreadsheet programs (CSV injection);
  // a leading apostrophe makes it plain text again.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line per task, with the header first; the result starts with a BOM. */
export function tasksToCsv(tasks: TaskView[], documentTitle: (documentId: string) => string): string {
  const rows = tasks.map((task) => [
    labelOf(task.address, task.label),
    String(task.number),
    task.title,
    task.lead.map((unit) => unit.name).join('; '),
    task.coordinating.map((unit) => unit.name).join('; '),
    task.timeline.text,
    KIND_TEXT[task.timeline.kind] ?? task.timeline.kind,
    formatOptionalDate(task.timeline.due) ?? '',
    documentTitle(task.documentId),
  ]);
  const lines = [HEADER, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
