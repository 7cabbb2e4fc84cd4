/**
 * The line model the parser works on: every non-empty line of the normalized text with its
 * character span and the paragraph (blank-line separated block) it belongs to.
 */

/** One non-empty line of the normalized text. */
export interface Line {
  /** The line as written. */
  text: string;
  /** The line for classification: markdown heading marks and bold markers removed. */
  clean: string;
  /** Span of `text` in the normalized document text. */
  start: number;
  end: number;
  /** Index of the paragraph the line belongs to (consecutive lines share it). */
  paragraph: number;
  /** Whether the line opens its paragraph (a blank line, or the text start, precedes it). */
  opensParagraph: boolean;
}

const MARKDOWN_HEADING = /^#{1,6}\s+/;
const BOLD_WRAP = /^(\*\*|__)(.+)\1$/;
// Emphasis marks as converters scatter them: "**1**. **Mục đích**", "**Điều 1.** Phạm vi",
// "*Đơn vị chủ trì: *Các sở". A "*" between spaces or at an edge is markup, never text.
const EMPHASIS = /\*+/g;
const SPACES = /[^\S\n]{2,}/g;

/**
 * Strips markdown decoration that loaders of .md files leave on lines (heading marks, bold and
 * italic marks wherever they are), for classification only: the document text keeps them.
 */
export function cleanLine(text: string): string {
  const unheaded = text.replace(MARKDOWN_HEADING, '');
  const bold = BOLD_WRAP.exec(unheaded);
  const inner = bold ? bold[2] : unheaded;
  if (!inner.includes('*')) return inner.trim();
  // A mark inside a word ("ho**ạch") joins its halves; elsewhere it stands for a space.
  const unmarked = inner.replace(EMPHASIS, (mark, at: number) =>
    /\p{L}/u.test(inner[at - 1] ?? '') && /\p{L}/u.test(inner[at + mark.length] ?? '') ? '' : ' ');
  return unmarked.replace(SPACES, ' ').replace(/\s+([.:;,)])/g, '$1').trim();
}

/** Splits normalized text into its non-empty lines. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let paragraph = -1;
  let previousBlank = true;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(start, end);
    if (raw.trim() === '') {
      previousBlank = true;
    } else {
      if (previousBlank) paragraph += 1;
      lines.push({ text: raw, clean: cleanLine(raw), start, end, paragraph, opensParagraph: previousBlank });
      previousBlank = false;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** Span covering lines `first`..`last` inclusive. */
export function spanOf(lines: readonly Line[], first: number, last: number): { start: number; end: number } {
  return { start: lines[first].start, end: lines[last].end };
}
