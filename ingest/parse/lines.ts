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

/** Strips markdown decoration that loaders of .md files leave on headings. */
export function cleanLine(text: string): string {
  const unheaded = text.replace(MARKDOWN_HEADING, '');
  const bold = BOLD_WRAP.exec(unheaded);
  return (bold ? bold[2] : unheaded).trim();
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
