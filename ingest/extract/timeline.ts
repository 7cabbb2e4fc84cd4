/**
 * Reading a task's timeline: the words as written, a kind, and for a deadline the ISO date it
 * falls due ("Hoàn thành trong tháng 6/2026." → 2026-06-30, the last day of the month named).
 *
 * Decisions on the forms beyond a plain date:
 * - "trong thời hạn 03 tháng kể từ ngày …", "chậm nhất là 45 ngày kể từ ngày …" is a deadline
 *   relative to an event, so `conditional`
 *   with the event ("kể từ ngày …") as `trigger` and the length in `within`; no `due` is made up.
 * - "kể từ ngày ký" (no length) is `conditional` too, the trigger being that phrase.
 * - "trước ngày 15/11 hằng năm", "trước ngày 15 tháng 12 hằng năm" is `recurring` yearly, the
 *   day in `day` as `--MM-DD`.
 * - "Quý IV-2025" is a deadline on the quarter's last day; "Năm 2026" on 31/12/2026.
 * - "2026-2030", "Giai đoạn 2026 - 2030" is a period: a `deadline` due on its last day, with
 *   `start` its first day.
 */
import { foldVietnamese } from '../normalize/index.js';
import type { Timeline } from '../types.js';
import { loadFieldLabels, type FieldLabels } from './vocabulary.js';

const CONDITIONAL = /^(?:ngay\s+)?(?:sau khi|khi|ke tu khi|sau\s+\d+\s+ngay)\s/;
const RELATIVE = /(?:trong\s+(?:thoi\s+)?han|cham\s+nhat(?:\s+la)?)\s+(\d{1,3}\s+(?:ngay|thang|nam)(?:\s+lam\s+viec)?)\s*,?\s*(?=ke\s+tu\s)/;
const SINCE = /ke\s+tu\s+(?:ngay|khi)\s/;
const YEARLY_DAY = /ngay\s+(\d{1,2})\s*(?:\/|thang)\s*(\d{1,2})\s*,?\s*(?:cua\s+)?(?:hang|moi)\s+nam/;
const PERIOD = /(?<![\d/.-])(\d{4})\s*[-–]\s*(\d{4})(?![\d/.-])/;
const RECURRING = /thuong xuyen|hang (?:nam|thang|quy|tuan)|moi nam|dinh ky/;
const PER_AUTHORITY = /cap co tham quyen|theo quy dinh|theo chi dao|theo yeu cau/;
const SENTENCE_END = /[.!?](?=\s|$)/;

// Date forms, most specific first (at one position the first alternative that matches wins).
const DATE_FORMS = new RegExp(
  [
    /ngay\s+(?<wd>\d{1,2})\s+thang\s+(?<wm>\d{1,2})\s+nam\s+(?<wy>\d{4})/.source,
    /(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})/.source,
    /thang\s+(?<mm>\d{1,2})\s*(?:\/|nam)\s*(?<my>\d{4})/.source,
    /quy\s+(?<q>iv|iii|ii|i|[1-4])\s*(?:\/|-|–|nam)\s*(?<qy>\d{4})/.source,
    /(?<half>6|sau)\s+thang\s+(?<which>dau|cuoi)\s+nam\s*(?<hy>\d{4})/.source,
    /nam\s+(?<yy>\d{4})/.source,
  ].join('|'),
  'g',
);
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function endOfMonth(year: number, month: number): string | undefined {
  if (month < 1 || month > 12) return undefined;
  return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function dueOf(groups: Record<string, string | undefined>): string | undefined {
  if (groups.wy) return iso(Number(groups.wy), Number(groups.wm), Number(groups.wd));
  if (groups.y) return iso(Number(groups.y), Number(groups.m), Number(groups.d));
  if (groups.my) return endOfMonth(Number(groups.my), Number(groups.mm));
  if (groups.qy) return endOfMonth(Number(groups.qy), QUARTERS[groups.q ?? ''] * 3);
  if (groups.hy) return endOfMonth(Number(groups.hy), groups.which === 'dau' ? 6 : 12);
  if (groups.yy) return endOfMonth(Number(groups.yy), 12);
  return undefined;
}

/**
 * The due date a text names: the first date that does not open a range ("từ …"); with a
 * range ("từ tháng 3 đến tháng 6/2026") the date after "đến".
 */
function findDue(folded: string): string | undefined {
  const candidates: Array<{ due: string; opensRange: boolean }> = [];
  for (const match of folded.matchAll(DATE_FORMS)) {
    const due = dueOf(match.groups ?? {});
    const before = folded.slice(Math.max(0, match.index - 6), match.index);
    if (due) candidates.push({ due, opensRange: /(?:^|\s)tu\s+$/.test(before) });
  }
  return (candidates.find((candidate) => !candidate.opensRange) ?? candidates[0])?.due;
}

function frequencyOf(folded: string): Timeline['frequency'] {
  if (/hang nam|moi nam|dinh ky hang nam/.test(folded)) return 'yearly';
  if (/hang quy/.test(folded)) return 'quarterly';
  if (/hang thang/.test(folded)) return 'monthly';
  return 'continuous';
}

/** Removes a leading "- Thời gian thực hiện:" label; returns the text as written after it. */
function withoutLabel(text: string, vocabulary: FieldLabels): string {
  const trimmed = text.trim();
  const folded = foldVietnamese(trimmed);
  const labels = vocabulary.timeline.map(foldVietnamese).sort((a, b) => b.length - a.length);
  const bullet = /^[-–+•]?\s*/.exec(folded)?.[0].length ?? 0;
  for (const label of labels) {
    if (!folded.startsWith(label, bullet)) continue;
    const colon = /^\s*:\s*/.exec(folded.slice(bullet + label.length));
    if (colon) return trimmed.slice(bullet + label.length + colon[0].length);
  }
  return trimmed;
}

/** "trong thời hạn 03 tháng kể từ ngày …" or "kể từ ngày ký": conditional on the event named. */
function relativeTimeline(text: string, folded: string): Timeline | null {
  const within = RELATIVE.exec(folded);
  const since = SINCE.exec(folded);
  if (!since) return null;
  const end = SENTENCE_END.exec(text.slice(since.index));
  const trigger = text.slice(since.index, end ? since.index + end.index : text.length).trim();
  if (!within) return { text, kind: 'conditional', trigger };
  const lengthAt = within.index + within[0].indexOf(within[1]);
  return { text, kind: 'conditional', trigger, within: text.slice(lengthAt, lengthAt + within[1].length) };
}

/**
 * Reads a timeline: `conditional` ("Sau khi …", with the sentence as trigger), `recurring`
 * ("Thường xuyên hàng năm" → yearly), `deadline` (with `due`), `per-authority` ("Theo quy định
 * của cấp có thẩm quyền"), else `unspecified`. `text` is verbatim, without the field label.
 */
export function parseTimeline(input: string, labels: FieldLabels = loadFieldLabels()): Timeline {
  const text = withoutLabel(input, labels);
  const folded = foldVietnamese(text);
  const relative = relativeTimeline(text, folded);
  if (relative) return relative;
  const yearly = YEARLY_DAY.exec(folded);
  const day = yearly ? iso(2000, Number(yearly[2]), Number(yearly[1])) : undefined;
  if (day) return { text, kind: 'recurring', frequency: 'yearly', day: `--${day.slice(5)}` };
  if (CONDITIONAL.test(folded)) {
    const end = SENTENCE_END.exec(text);
    return { text, kind: 'conditional', trigger: end ? text.slice(0, end.index + 1) : text };
  }
  if (RECURRING.test(folded)) return { text, kind: 'recurring', frequency: frequencyOf(folded) };
  const period = PERIOD.exec(folded);
  if (period && Number(period[2]) > Number(period[1])) {
    return { text, kind: 'deadline', due: endOfMonth(Number(period[2]), 12), start: iso(Number(period[1]), 1, 1) };
  }
  const due = findDue(folded);
  if (due) return { text, kind: 'deadline', due };
  if (PER_AUTHORITY.test(folded)) return { text, kind: 'per-authority' };
  return { text, kind: 'unspecified' };
}
