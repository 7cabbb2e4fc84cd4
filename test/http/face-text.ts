/**
 * Test helper: what every face may write for a person. Dates in Vietnamese text follow the rule
 * of Nghị định 30/2020/NĐ-CP ("08/5/2026", "05/01/2026", "30/6/2026"): a leading 0 on a day
 * below 10 and on months 1 and 2, other months bare; never ISO. A date written otherwise is
 * allowed only where it is a verbatim quote of a document. Places are named by their labels,
 * never by internal addresses ("dieu.19.khoan.2", "signature", "preamble").
 */

/** A day/month/year written by the rule. */
export const RULE_DATE = /^(0[1-9]|[12]\d|3[01])\/(0[12]|[3-9]|1[0-2])\/\d{4}$/;
const SLASHED_DATE = /(?<![\d/])\d{1,2}\/\d{1,2}\/\d{4}(?![\d/])/g;
const ISO_DATE = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g;
const INTERNAL_ADDRESS = /\b(?:dieu|khoan|diem|chuong|muc|phu-luc|mau|table|row|footnote)\.[0-9a-zđ]|\b(?:signature|preamble|recipients|header|kem-theo)\b|\.closing\b/;

/** The dates in `text` written another way than the rule, except those quoted verbatim from `sources`. */
export function dateProblems(text: string, sources: string): string[] {
  const slashed = [...text.matchAll(SLASHED_DATE)].map((match) => match[0]).filter((date) => !RULE_DATE.test(date));
  const iso = [...text.matchAll(ISO_DATE)].map((match) => match[0]);
  return [...slashed, ...iso].filter((date) => !sources.includes(date));
}

/** The internal addresses `text` shows, if any ("dieu.19", "signature"). */
export function internalAddresses(text: string): string[] {
  const found = INTERNAL_ADDRESS.exec(text);
  return found ? [found[0]] : [];
}

/** Every string in a JSON value with the key it sits under; a whole ISO value ("2026-06-30", a timestamp) is data, not text. */
export function jsonStrings(value: unknown, key = ''): Array<{ key: string; text: string }> {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) ? [] : [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((item) => jsonStrings(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => jsonStrings(item, name));
  return [];
}

/** Keys of JSON strings that are words the server wrote for a person (labels, names, answers, dates as text). */
export const DISPLAY_KEYS = /^(label|answer|notice|documentShortName|shortName|typeName|roleText|kindText|dueText|dateText|issuedDateText|effectiveDateText|dueAfterText|dueBeforeText)$/;

/** The lines of an iCalendar body a person reads (SUMMARY, DESCRIPTION), unfolded and unescaped. */
export function icsTextLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter((line) => /^(SUMMARY|DESCRIPTION|X-WR-CALNAME)[:;]/.test(line))
    .map((line) => line.slice(line.indexOf(':') + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'));
}
