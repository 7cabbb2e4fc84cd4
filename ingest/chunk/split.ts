/**
 * Splitting one long span of a document into verbatim parts of bounded length.
 * Parts end at line breaks (field lines, "+" bullets, paragraphs), then sentence ends, and only
 * as a last resort at a space, so every part is a readable passage on its own.
 */
import type { Span } from '../types.js';

/** Narrows a span so that it starts and ends on a non-whitespace character; null when all blank. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return start < end ? { start, end } : null;
}

/** The non-blank lines of `span`, as spans. */
function lineSpans(text: string, span: Span): Span[] {
  const spans: Span[] = [];
  let lineStart = span.start;
  for (let i = span.start; i <= span.end; i += 1) {
    if (i === span.end || text[i] === '\n') {
      const trimmed = trimSpan(text, { start: lineStart, end: i });
      if (trimmed) spans.push(trimmed);
      lineStart = i + 1;
    }
  }
  return spans;
}

const SENTENCE_END = /[.;:!?…](?=\s)/g;

/** Cuts a span at sentence ends so that no piece exceeds `maxChars` unless a sentence does. */
function sentenceSpans(text: string, span: Span, maxChars: number): Span[] {
  const slice = text.slice(span.start, span.end);
  const cuts: number[] = [];
  for (const match of slice.matchAll(SENTENCE_END)) cuts.push(span.start + match.index + 1);
  const pieces: Span[] = [];
  let start = span.start;
  for (const cut of [...cuts, span.end]) {
    const piece = trimSpan(text, { start, end: cut });
    if (piece) pieces.push(...(piece.end - piece.start > maxChars ? spaceSpans(text, piece, maxChars) : [piece]));
    start = cut;
  }
  return pieces;
}

/** Last resort for a sentence longer than `maxChars`: cut at the last space before the limit. */
function spaceSpans(text: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const window = text.slice(start, start + maxChars);
    const space = window.lastIndexOf(' ');
    const cut = space > maxChars / 2 ? start + space : start + maxChars;
    const piece = trimSpan(text, { start, end: cut });
    if (piece) pieces.push(piece);
    start = cut;
  }
  const rest = trimSpan(text, { start, end: span.end });
  if (rest) pieces.push(rest);
  return pieces;
}

/** Blocks that may not be cut further: lines, or sentences of an over-long line. */
function atomicBlocks(text: string, span: Span, maxChars: number): Span[] {
  return lineSpans(text, span).flatMap((line) =>
    line.end - line.start > maxChars ? sentenceSpans(text, line, maxChars) : [line],
  );
}

/**
 * Splits `span` into contiguous verbatim parts of at most `maxChars` characters (a part may be
 * longer only when one block is), balanced in length so that no part is a tiny remainder.
 */
export function splitSpan(text: string, span: Span, maxChars: number): Span[] {
  const whole = trimSpan(text, span);
  if (!whole) return [];
  const length = whole.end - whole.start;
  if (length <= maxChars) return [whole];
  // Aim for equal parts; allow some slack so that parts still end on block boundaries.
  const target = Math.min(maxChars, Math.ceil((length / Math.ceil(length / maxChars)) * 1.15));
  const parts: Span[] = [];
  let current: Span | null = null;
  for (const block of atomicBlocks(text, whole, maxChars)) {
    if (current && block.end - current.start > target) {
      parts.push(current);
      current = null;
    }
    current = current ? { start: current.start, end: block.end } : { ...block };
  }
  if (current) parts.push(current);
  return parts;
}
