/**
 * A unit's obligations as CSV (same conventions as the task CSV: BOM, CRLF, RFC 4180, formula
 * cells defused) and as iCalendar built with the task calendar's writer. Only dated deadlines
 * and recurring duties become events; conditional, per-authority and undated obligations are
 * left out of the calendar (the page says so) because they have no day to put them on.
 */
import { KIND_TEXT, ROLE_TEXT } from '../../core/catalog/display.js';
import { formatDate, formatOptionalDate } from '../../core/answer/format.js';
import type { ObligationView } from '../../core/types.js';
import { csvField } from './csv.js';
import { allDayEventLines, calendarText, recurrenceRule, shorten } from './ics.js';

const HEADER = ['Văn bản', 'Tên văn bản', 'Vị trí', 'Vai trò', 'Việc phải làm', 'Đơn vị', 'Thời gian thực hiện', 'Loại thời hạn', 'Hạn hoàn thành', 'Nguồn (nguyên văn)'];

/** One CSV line per obligation, with the header first; the result starts with a BOM. */
export function obligationsToCsv(obligations: readonly ObligationView[]): string {
  const rows = obligations.map((item) => [
    item.documentShortName,
    item.documentTitle,
    item.label,
    ROLE_TEXT[item.role] ?? item.role,
    item.action,
    item.units.map((unit) => unit.name).join('; '),
    item.timeline.text,
    KIND_TEXT[item.timeline.kind] ?? item.timeline.kind,
    formatOptionalDate(item.timeline.due) ?? '',
    item.sources.action.quote,
  ]);
  const lines = [HEADER, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface ObligationIcsOptions {
  now: Date;
  /** Year a document belongs to: anchor of its recurring duties. */
  documentYear(documentId: string): number;
  calendarName?: string;
}

/** Whether an obligation has a day in the calendar (a dated deadline or a recurring duty). */
export function hasCalendarDay(item: ObligationView): boolean {
  return (item.timeline.kind === 'deadline' && Boolean(item.timeline.due)) || item.timeline.kind === 'recurring';
}

function describe(item: ObligationView, note: string | null): string {
  const lines = [`${ROLE_TEXT[item.role] ?? item.role}: ${item.action.trim()}`];
  if (item.units.length > 0) lines.push(`Đơn vị: ${item.units.map((unit) => unit.name).join('; ')}`);
  lines.push(`Thời gian thực hiện: ${item.timeline.text}`);
  if (item.timeline.kind === 'deadline' && item.timeline.due) lines.push(`Hạn hoàn thành: ${formatDate(item.timeline.due)}`);
  if (note) lines.push(note);
  lines.push(`Nguồn: ${item.documentShortName} (${item.documentTitle}), ${item.label}`);
  return lines.join('\n');
}

/** A recurring duty's first day: its own day of the year when the text gives one, else the rule's anchor. */
function recurringStart(item: ObligationView, year: number): { date: string; rule: string; note: string } {
  const { day } = item.timeline;
  if (day && /^--\d{2}-\d{2}$/.test(day)) {
    const date = `${year}${day.slice(1)}`;
    return { date, rule: 'FREQ=YEARLY', note: `Nhắc hằng năm, bắt đầu từ ngày ${formatDate(date)}.` };
  }
  const { rule, anchorText } = recurrenceRule(item.timeline);
  return { date: `${year}-01-01`, rule, note: `Văn bản không ghi ngày cụ thể; lịch nhắc vào ${anchorText}, bắt đầu từ năm ${year} (năm của văn bản).` };
}

function eventLines(item: ObligationView, options: ObligationIcsOptions): string[] {
  const uid = `obligation.${item.id}`;
  const summaryText = `${item.documentShortName} ${item.label}: ${shorten(item.action)}`;
  if (item.timeline.kind === 'deadline' && item.timeline.due) {
    return allDayEventLines({ uid, date: item.timeline.due, summary: `Hạn — ${summaryText}`, description: describe(item, null) }, options.now);
  }
  const { date, rule, note } = recurringStart(item, options.documentYear(item.documentId));
  return allDayEventLines({ uid, date, rule, summary: `Thường xuyên — ${summaryText}`, description: describe(item, note) }, options.now);
}

/** The calendar of the obligations that have a day; the others are not in it. */
export function obligationsToIcs(obligations: readonly ObligationView[], options: ObligationIcsOptions): string {
  const events = obligations.filter(hasCalendarDay).flatMap((item) => eventLines(item, options));
  return calendarText(options.calendarName ?? 'Việc của đơn vị', events);
}
