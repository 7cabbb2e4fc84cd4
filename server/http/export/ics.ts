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
 */
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

function formatDate(iso: string): string {
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

function shorten(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

function recurrenceRule(task: TaskView): { rule: string; anchorText: string } {
  switch (task.timeline.frequency) {
    case 'monthly':
      return { rule: 'FREQ=MONTHLY', anchorText: 'ngày 01 hằng tháng' };
    case 'quarterly':
      return { rule: 'FREQ=MONTHLY;INTERVAL=3', anchorText: 'ngày 01 tháng đầu mỗi quý' };
    default:
      return { rule: 'FREQ=YEARLY', anchorText: 'ngày 01/01 hằng năm' };
  }
}

function describe(task: TaskView, options: IcsOptions, note: string | null): string {
  const lines = [`Nhiệm vụ ${task.address}: ${task.title.trim()}`];
  if (task.lead.length > 0) lines.push(`Đơn vị chủ trì: ${task.lead.map((unit) => unit.name).join('; ')}`);
  if (task.coordinating.length > 0) {
    lines.push(`Đơn vị phối hợp: ${task.coordinating.map((unit) => unit.name).join('; ')}`);
  }
  lines.push(`Thời gian thực hiện: ${task.timeline.text}`);
  if (task.timeline.trigger) lines.push(`Điều kiện bắt đầu: ${task.timeline.trigger}`);
  if (note) lines.push(note);
  lines.push(`Nguồn: ${options.documentTitle(task.documentId)}, mục ${task.address}`);
  return lines.join('\n');
}

function componentLines(task: TaskView, options: IcsOptions): string[] {
  const common = [
    `UID:${task.documentId}.${task.address}@plan-assistant`,
    `DTSTAMP:${formatTimestamp(options.now)}`,
  ];
  const { timeline } = task;
  if (timeline.kind === 'deadline' && timeline.due) {
    return [
      'BEGIN:VEVENT',
      ...common,
      `DTSTART;VALUE=DATE:${formatDate(timeline.due)}`,
      `DTEND;VALUE=DATE:${formatDate(nextDay(timeline.due))}`,
      `SUMMARY:${escapeText(`Hạn nhiệm vụ ${task.address}: ${shorten(task.title)}`)}`,
      `DESCRIPTION:${escapeText(describe(task, options, null))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
  }
  if (timeline.kind === 'recurring') {
    const year = options.planYear(task.documentId);
    const { rule, anchorText } = recurrenceRule(task);
    const note = `Văn bản không ghi ngày cụ thể; lịch nhắc vào ${anchorText}, bắt đầu từ năm ${year} (năm của kế hoạch).`;
    return [
      'BEGIN:VEVENT',
      ...common,
      `DTSTART;VALUE=DATE:${year}0101`,
      `DTEND;VALUE=DATE:${year}0102`,
      `RRULE:${rule}`,
      `SUMMARY:${escapeText(`Nhiệm vụ thường xuyên ${task.address}: ${shorten(task.title)}`)}`,
      `DESCRIPTION:${escapeText(describe(task, options, note))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
  }
  const note = 'Văn bản không ấn định ngày cụ thể nên việc này được ghi là việc cần làm, không có hạn.';
  return [
    'BEGIN:VTODO',
    ...common,
    `SUMMARY:${escapeText(`Nhiệm vụ ${task.address}: ${shorten(task.title)}`)}`,
    `DESCRIPTION:${escapeText(describe(task, options, note))}`,
    'STATUS:NEEDS-ACTION',
    'END:VTODO',
  ];
}

/** The whole calendar: CRLF line ends, folded lines, one component per task. */
export function tasksToIcs(tasks: TaskView[], options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//plan-assistant//Nhiem vu ke hoach//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName ?? 'Nhiệm vụ kế hoạch')}`,
    ...tasks.flatMap((task) => componentLines(task, options)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
