/**
 * Where a cited quote stands in a document, so the document page can mark it. Pure functions
 * over the document's normalized text and its section spans.
 */

/**
 * The [start, end) of `quote` in `text`, preferring a match inside `within` (the cited section's
 * span). Falls back to a whitespace-insensitive match, since a quote may have been copied with
 * its line breaks collapsed. Returns null when the quote is not in the text.
 * @param {string} text
 * @param {string} quote
 * @param {{ start: number, end: number } | null} within
 */
export function locateQuote(text, quote, within) {
  const needle = quote.trim();
  if (!needle) return null;
  const from = within ? within.start : 0;
  const exact = text.indexOf(needle, from);
  if (exact !== -1 && (!within || exact < within.end)) return { start: exact, end: exact + needle.length };
  const anywhere = text.indexOf(needle);
  if (anywhere !== -1) return { start: anywhere, end: anywhere + needle.length };
  return locateLoosely(text, needle, from);
}

/** Whitespace-insensitive search: each run of spaces in the quote matches any run of whitespace. */
function locateLoosely(text, needle, from) {
  const escaped = needle
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const pattern = new RegExp(escaped, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text) ?? new RegExp(escaped).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/**
 * Cuts [start, end) into pieces at the edges of `mark` (a range to highlight, or null).
 * @returns {Array<{ start: number, end: number, marked: boolean }>}
 */
export function splitByMark(start, end, mark) {
  if (!mark || mark.end <= start || mark.start >= end) return [{ start, end, marked: false }];
  const pieces = [];
  const markStart = Math.max(start, mark.start);
  const markEnd = Math.min(end, mark.end);
  if (markStart > start) pieces.push({ start, end: markStart, marked: false });
  pieces.push({ start: markStart, end: markEnd, marked: true });
  if (markEnd < end) pieces.push({ start: markEnd, end, marked: false });
  return pieces;
}
