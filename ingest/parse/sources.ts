/**
 * Verbatim sources of header facts read outside the header: a line of the normalized text,
 * with the address of the smallest section that holds it.
 */
import type { FieldSource, Section } from '../types.js';
import { foldForMatch } from '../normalize/index.js';

/** One non-empty line of the text, trimmed, with its span. */
export interface TextLine {
  text: string;
  /** The text folded for matching (no tone marks, lowercase), once asked for: see `foldedText`. */
  folded?: string;
  start: number;
  end: number;
}

/** The trimmed non-empty lines of `text` between `from` and `to`. */
export function textLines(text: string, from = 0, to = text.length): TextLine[] {
  const lines: TextLine[] = [];
  let start = from;
  while (start < to) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline > to ? to : newline;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') lines.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    start = end + 1;
  }
  return lines;
}

/** The line's folded text, computed on first use (folding every line of a long text is slow). */
export function foldedText(line: TextLine): string {
  line.folded ??= foldForMatch(line.text);
  return line.folded;
}

/** The line as a FieldSource, addressed to the smallest section containing it (or "header"). */
export function sourceOf(line: TextLine, sections: readonly Section[]): FieldSource {
  let best: Section | undefined;
  for (const section of sections) {
    if (section.span.start > line.start || section.span.end < line.end) continue;
    if (!best || section.span.end - section.span.start < best.span.end - best.span.start) best = section;
  }
  return { address: best?.address ?? 'header', text: line.text, span: { start: line.start, end: line.end } };
}
