/**
 * Tasks as an iCalendar file (RFC 5545), written by this small writer rather than a library:
 * `ical.js` is only a development dependency here, and is used by the tests to parse what we write.
 *
 * Choices (also stated to the user in each DESCRIPTION):
 * - a dated deadline → one all-day VEVENT on the due date (`DTSTART;VALUE=DATE`);
 * - a recurring task → a VEVENT with a yearly (or monthly/quarterly) RRULE anchored on
 *   1 January of the plan's year, because the plan gives no day of its own;
 * - a conditional, per-authority or undated task → a VTODO without a due date, so that it is
 *   still on the user's list with its trigger, but never shown on an invented day.
 * SUMMARY and DESCRIPTION name places by their label ("mục II.4") and write dates as the
 * documents do ("30/6/2026"); only DTSTART/DTEND carry the calendar's own date form.
 */
import type { Timeline } from '../../../ingest/types.js';
import { labelOf } from '../../core/catalog/display.js';
import { formatDate } from '../../core/answer/format.js';
import type { TaskView } from '../../core/types.js';

export interface IcsOptions {
  /** DTSTAMP of every component. */
  now: Date;
  documentTitle(documentId: string): string;
  /** Year the plan belongs to: anchor of recurring events. */
  planYear(documentId: string): number;
  calendarName?: string;
}

const MAX_LINE_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line so no physical line exceeds 75 octets of UTF-8 (the leading space of a
 * continuation counts), never splitting a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** "2026-06-30" → "20260630", the DATE value of RFC 5545. */
function calendarDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The text on one line, cut at a word within `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/** The RRULE of a recurring timeline and how its anchor day reads; yearly unless it says monthly or quarterly. */
export function recurrenceRule(timeline: Timeline): { rule: string; anchorText: string } {
  switch (timeline.frequency) {
    case 'monthly':
      return { rule: 'FREQ=MONTHLY', anchorText: 'ngày 01 hằng tháng' };
    case 'quarterly':
      return { rule: 'FREQ=MONTHLY;INTERVAL=3', anchorText: 'ngày 01 tháng đầu mỗi quý' };
    default:
      return { rule: 'FREQ=YEARLY', anchorText: 'ngày 01/01 hằng năm' };
  }
}

/** What one all-day calendar event carries; `rule` makes it repeat. */
export interface AllDayEvent {
  uid: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  summary: string;
  description: string;
  rule?: string;
}

/** The lines of one all-day VEVENT (DTSTAMP from `now`), unfolded. */
export function allDayEventLines(event: AllDayEvent, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}@plan-assistant`,
    `DTSTAMP:${formatTimestamp(now)}`,
    `DTSTART;VALUE=DATE:${calendarDate(event.date)}`,
    `DTEND;VALUE=DATE:${calendarDate(nextDay(event.date))}`,
    ...(event.rule ? [`RRULE:${event.rule}`] : []),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** A whole VCALENDAR around component lines: CRLF line ends, every line folded. */
export function calendarText(calendarName: string, componentLines: string[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//plan-assistant//Nhiem vu ke hoach//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    ...componentLines,
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** "Mục II.4" for a sentence's start. */
function placeOf(task: TaskView): string {
  const label = labelOf(task.address, task.label);
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
}

function describe(task: TaskView, options: IcsOptions, note: string | null): string {
  const lines = [`${placeOf(task)}: ${task.title.trim()}`];
  if (task.lead.length > 0) lines.push(`Đơn vị chủ trì: ${task.lead.map((unit) => unit.name).join('; ')}`);
  if (task.coordinating.length > 0) {
    lines.push(`Đơn vị phối hợp: ${task.coordinating.map((unit) => unit.name).join('; ')}`);
  }
  lines.push(`Thời gian thực hiện: ${task.timeline.text}`);
  if (task.timeline.kind === 'deadline' && task.timeline.due) lines.push(`Hạn hoàn thành: ${formatDate(task.timeline.due)}`);
  if (task.timeline.trigger) lines.push(`Điều kiện bắt đầu: ${task.timeline.trigger}`);
  if (note) lines.push(note);
  lines.push(`Nguồn: ${options.documentTitle(task.documentId)}, ${labelOf(task.address, task.label)}`);
  return lines.join('\n');
}

function componentLines(task: TaskView, options: IcsOptions): string[] {
  const uid = `${task.documentId}.${task.address}`;
  const { timeline } = task;
  if (timeline.kind === 'deadline' && timeline.due) {
    const summary = `Hạn ${labelOf(task.address, task.label)}: ${shorten(task.title)}`;
    return allDayEventLines({ uid, date: timeline.due, summary, description: describe(task, options, null) }, options.now);
  }
  if (timeline.kind === 'recurring') {
    const year = options.planYear(task.documentId);
    const { rule, anchorText } = recurrenceRule(task.timeline);
    const note = `Văn bản không ghi ngày cụ thể; lịch nhắc vào ${anchorText}, bắt đầu từ năm ${year} (năm của kế hoạch).`;
    const summary = `Thường xuyên — ${placeOf(task)}: ${shorten(task.title)}`;
    return allDayEventLines({ uid, date: `${year}-01-01`, rule, summary, description: describe(task, options, note) }, options.now);
  }
  const common = [`UID:${uid}@plan-assistant`, `DTSTAMP:${formatTimestamp(options.now)}`];
  const note = 'Văn bản không ấn định ngày cụ thể nên việc này được ghi là việc cần làm, không có hạn.';
  return [
    'BEGIN:VTODO',
    ...common,
    `SUMMARY:${escapeText(`${placeOf(task)}: ${shorten(task.title)}`)}`,
    `DESCRIPTION:${escapeText(describe(task, options, note))}`,
    'STATUS:NEEDS-ACTION',
    'END:VTODO',
  ];
}

/** The whole calendar: CRLF line ends, folded lines, one component per task. */
export function tasksToIcs(tasks: TaskView[], options: IcsOptions): string {
  return calendarText(options.calendarName ?? 'Nhiệm vụ kế hoạch', tasks.flatMap((task) => componentLines(task, options)));
}
