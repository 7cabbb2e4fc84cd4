/**
 * Dates and months in a question ("hạn trong tháng 6/2026", "trước ngày 30/6/2026",
 * "in June 2026", "tháng sáu"), read from the folded key.
 */
import { isVietnameseMonthWord, type QueryVocabulary } from './vocabulary.js';
import { QUESTION_WORDS } from './question-words.js';

/** A month named by the question; `year` is null when the question gives none. */
export interface MonthSlot {
  month: number;
  year: number | null;
}

export interface DateSlots {
  months: MonthSlot[];
  /** Inclusive ISO bounds from "trước …" / "sau ngày …" / "before …" / "after …". */
  dueBefore: string | null;
  dueAfter: string | null;
  /** A year named alone ("trong năm 2026"). */
  year: number | null;
}

const FULL_DATE = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/g;
const MONTH_YEAR = /\b(?:(?:thang|month)\s*(\d{1,2})\s*(?:\/|-|nam|,)?\s*(\d{4})|t?(\d{1,2})\s*[/-]\s*(\d{4}))\b/g;
/**
 * "30/6" with no year (a full date is read first, "6/2026" is a month); not a share ("quá 2/3 số
 * phiếu", "trên 1/2 tổng số", "từ 2/3 trở lên": `dates.shareBefore`, `dates.shareAfter` of the question words).
 */
const DAY_SLASH_MONTH = QUESTION_WORDS.daySlashMonth;
/** "30 tháng 6", "30 tháng 6 năm 2026". */
const DAY_WORD_MONTH = /\b(\d{1,2})\s+thang\s+(\d{1,2})\b(?:\s*(?:nam|\/|,)?\s*(\d{4})\b)?/g;
/** "tháng 6", "month 6", and the chat shorthand "T6". */
const MONTH_ONLY = /\b(?:(?:thang|month)\s+|t)(\d{1,2})\b/g;
/** Words before a date that make it a bound (`dates.bounds` of the question words, in order); `strict` ones exclude the month they name. */
const BOUND_WORDS = QUESTION_WORDS.bounds;

/** Zero-padded ISO date. */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last day of a month, ISO. */
export function endOfMonth(year: number, month: number): string {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/**
 * Reads the date slots of a folded question key. `defaultYear` (the year of the documents) dates
 * a bound typed without one ("trước 30/6", "đến hết tháng 6"); a month alone keeps any year.
 */
export function readDateSlots(key: string, vocabulary: QueryVocabulary, defaultYear: number | null = null): DateSlots {
  const slots: DateSlots = { months: [], dueBefore: null, dueAfter: null, year: null };
  const knownYear = yearNear(key) ?? defaultYear;
  const dayMonth = (match: string, day: number, month: number, typedYear: number | null, offset: number): string => {
    if (day < 1 || day > 31 || month < 1 || month > 12) return match;
    const year = typedYear ?? knownYear;
    const iso = year === null ? null : isoDate(year, month, day);
    if (!iso || !bound(slots, key.slice(0, offset), { first: iso, last: iso, previous: iso, next: iso })) {
      slots.months.push({ month, year: typedYear ?? yearNear(key) });
    }
    return ' '.repeat(match.length);
  };
  let rest = key;
  rest = rest.replace(FULL_DATE, (match, day: string, month: string, year: string, offset: number) => {
    const iso = isoDate(Number(year), Number(month), Number(day));
    if (!bound(slots, key.slice(0, offset), { first: iso, last: iso, previous: iso, next: iso })) {
      slots.months.push({ month: Number(month), year: Number(year) });
    }
    return ' '.repeat(match.length);
  });
  rest = rest.replace(DAY_WORD_MONTH, (match, day: string, month: string, year: string | undefined, offset: number) =>
    dayMonth(match, Number(day), Number(month), year ? Number(year) : null, offset),
  );
  rest = rest.replace(englishDayPattern(vocabulary), (match, ...groups: unknown[]) => {
    const [nameFirst, dayAfter, dayFirst, nameAfter, year] = groups as Array<string | undefined>;
    const month = vocabulary.monthWords.get(nameFirst ?? nameAfter ?? '') ?? 0;
    return dayMonth(match, Number(dayAfter ?? dayFirst), month, year ? Number(year) : null, groups[5] as number);
  });
  rest = rest.replace(MONTH_YEAR, (match, namedMonth?: string, namedYear?: string, month?: string, bareYear?: string, offset = 0) => {
    const m = Number(namedMonth ?? month);
    const year = namedYear ?? bareYear ?? '';
    if (m < 1 || m > 12) return match;
    if (!bound(slots, key.slice(0, offset), monthRange(Number(year), m))) slots.months.push({ month: m, year: Number(year) });
    return ' '.repeat(match.length);
  });
  rest = rest.replace(DAY_SLASH_MONTH, (match, day: string, month: string, offset: number) => dayMonth(match, Number(day), Number(month), null, offset));
  rest = rest.replace(MONTH_ONLY, (match, month: string, offset: number) => {
    const m = Number(month);
    if (m < 1 || m > 12) return match;
    // "đến hết tháng 6": a bound in the documents' year; "trong tháng 6": the month in any year.
    if (knownYear === null || !bound(slots, key.slice(0, offset), monthRange(knownYear, m))) slots.months.push({ month: m, year: yearNear(key) });
    return ' '.repeat(match.length);
  });
  for (const month of namedMonths(rest, vocabulary)) slots.months.push({ month, year: yearNear(key) });
  const year = QUESTION_WORDS.yearAlone.exec(rest);
  if (year && slots.months.length === 0 && !slots.dueBefore && !slots.dueAfter) slots.year = Number(year[1]);
  return slots;
}

/** A period's own first and last day, and the days just outside it. */
interface Period {
  first: string;
  last: string;
  /** Last day before the period. */
  previous: string;
  /** First day after it. */
  next: string;
}

function monthRange(year: number, month: number): Period {
  const previous = month === 1 ? endOfMonth(year - 1, 12) : endOfMonth(year, month - 1);
  const next = month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
  return { first: isoDate(year, month, 1), last: endOfMonth(year, month), previous, next };
}

/**
 * Sets a bound when the words before the period say "before"/"after"; returns whether it did.
 * "trước tháng 7" ends with June, "chậm nhất tháng 6" includes June; a single day is kept inclusive.
 */
function bound(slots: DateSlots, before: string, period: Period): boolean {
  const rule = BOUND_WORDS.find((candidate) => candidate.pattern.test(before));
  if (!rule) return false;
  const singleDay = period.first === period.last;
  if (rule.side === 'before') slots.dueBefore = rule.strict && !singleDay ? period.previous : period.last;
  else slots.dueAfter = rule.strict && !singleDay ? period.next : period.first;
  return true;
}

/** "tháng sáu", "june": month words right after "thang" (Vietnamese) or anywhere (English names). */
function namedMonths(key: string, vocabulary: QueryVocabulary): number[] {
  // Most questions name no month: one pass of the patterns joined says so.
  if (!anyMonthPattern(vocabulary).test(key)) return [];
  const months: number[] = [];
  for (const { pattern, month } of vocabulary.monthPatterns) {
    if (pattern.test(key) && !months.includes(month)) months.push(month);
  }
  // "tháng mười một" also matches "mười"; keep the longer reading.
  if (months.includes(11) || months.includes(12)) return months.filter((month) => month !== 10);
  return months;
}

/** The patterns compiled from a vocabulary, once per vocabulary (they were compiled on every question). */
const anyMonthPatterns = new WeakMap<QueryVocabulary, RegExp>();
const englishDayPatterns = new WeakMap<QueryVocabulary, RegExp>();

/** Matches where any of the vocabulary's month patterns does (none has flags or capture groups). */
function anyMonthPattern(vocabulary: QueryVocabulary): RegExp {
  let pattern = anyMonthPatterns.get(vocabulary);
  if (!pattern) {
    // A pattern that matches nothing when the vocabulary has no month words.
    const sources = vocabulary.monthPatterns.map(({ pattern: one }) => `(?:${one.source})`);
    pattern = new RegExp(sources.length > 0 ? sources.join('|') : '(?!)');
    anyMonthPatterns.set(vocabulary, pattern);
  }
  return pattern;
}

/** "June 30", "30th of June", "June 30, 2026": English month names with a day (global: `replace` restarts it at 0). */
function englishDayPattern(vocabulary: QueryVocabulary): RegExp {
  let pattern = englishDayPatterns.get(vocabulary);
  if (!pattern) {
    pattern = compileEnglishDayPattern(vocabulary);
    englishDayPatterns.set(vocabulary, pattern);
  }
  return pattern;
}

function compileEnglishDayPattern(vocabulary: QueryVocabulary): RegExp {
  const names = [...vocabulary.monthWords.keys()].filter((word) => !isVietnameseMonthWord(word)).join('|');
  const day = '(\\d{1,2})(?:st|nd|rd|th)?';
  return new RegExp(`\\b(?:(${names})\\s+${day}|${day}\\s+(?:of\\s+)?(${names}))\\b(?:,?\\s*(\\d{4})\\b)?`, 'g');
}

function yearNear(key: string): number | null {
  const year = /\b(20\d{2})\b/.exec(key);
  return year ? Number(year[1]) : null;
}
