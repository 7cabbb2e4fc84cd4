/**
 * Sentences and clauses of a passage, as verbatim slices with their offsets: the unit of a
 * quote. Lines are cut first; within a line, at ".", ";", "!" or "?" followed by a space.
 * A leading bullet ("- ", "+ ") is not part of the sentence.
 */

export interface Sentence {
  text: string;
  /** Offsets in the text given to `splitSentences`, plus its `offset`. */
  start: number;
  end: number;
}

const BOUNDARY = /\n+|(?<=[.;!?])\s+(?=\S)/g;
const BULLET = /^(?:[-+•]|\d{1,3}\.|[a-zđ]\))\s+/;

/** A clause's or point's number at the start of a line ("9. ", "a) "), as items are numbered. */
const ITEM_MARKER = /^(?:\d{1,3}\.|[a-zđ]\))\s*/u;

/** A line without the number of its clause or point: "9. Luân chuyển là …" → "Luân chuyển là …". */
export function withoutItemMarker(line: string): string {
  return line.replace(ITEM_MARKER, '');
}

/** Whether a line opens with the number of a clause or point ("9. ", "a) "). */
export function hasItemMarker(line: string): boolean {
  return ITEM_MARKER.test(line);
}
/** A segment that is only an item number ("10.", "a)"): it belongs to the sentence after it. */
const NUMBER_ONLY = /^\s*(?:\d{1,3}|[IVXivx]{1,4}|[a-zđ])[.)]$/;

/** Splits `text` (which starts at `offset` in its document) into trimmed sentences. */
export function splitSentences(text: string, offset = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let cursor = 0;
  const push = (from: number, to: number): void => {
    let slice = text.slice(from, to);
    let start = from;
    const lead = slice.length - slice.trimStart().length;
    slice = slice.trim();
    start += lead;
    const bullet = BULLET.exec(slice);
    if (bullet) {
      slice = slice.slice(bullet[0].length);
      start += bullet[0].length;
    }
    if (/[\p{L}\p{N}]/u.test(slice)) sentences.push({ text: slice, start: offset + start, end: offset + start + slice.length });
  };
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index ?? 0;
    if (NUMBER_ONLY.test(text.slice(cursor, end))) continue;
    push(cursor, end);
    cursor = end + match[0].length;
  }
  push(cursor, text.length);
  return sentences;
}

/** The first sentence of `text` matching `pattern`, or null. */
export function sentenceMatching(text: string, pattern: RegExp): Sentence | null {
  return splitSentences(text).find((sentence) => pattern.test(sentence.text)) ?? null;
}
