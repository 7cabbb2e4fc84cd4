/**
 * Rebuilds running text from the positioned text runs of one PDF page (pdf.js text items):
 * runs on one baseline become a line; lines become paragraphs unless a larger vertical gap, a list
 * marker, or a short line closing a sentence says a new paragraph starts. Lines wrapped inside a
 * paragraph are joined with a space (a PDF line break is only a soft wrap). Pure: no pdf.js here.
 */

/** The parts of a pdf.js TextItem that layout needs. */
export interface PositionedRun {
  str: string;
  /** Text matrix [a, b, c, d, x, y]; y grows upwards. */
  transform: number[];
  width: number;
  /** pdf.js marks the last run of a line. */
  hasEOL?: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  fontSize: number;
}

/** A gap above this many font sizes is always a paragraph break. */
const PARAGRAPH_GAP_FONT_SIZES = 1.6;
/** …and a gap this much above the page's usual line pitch is one too. */
const PARAGRAPH_GAP_OVER_PITCH = 1.3;
/** A line ending a sentence before this share of the text width closes its paragraph. */
const SHORT_LINE_SHARE = 0.8;
/** Numbered items ("1.", "II."), lettered points ("a)"), bullets ("-", "+", "•"), labels ("Điều 5."). */
const PARAGRAPH_START = /^(?:\d+(?:\.\d+)*[.)]\s|[IVXLC]+\.\s|[a-zđ]\)\s|[-+•–]\s|(?:Điều|Chương|Mục|Phần)\s+\S+)/u;
const SENTENCE_END = /[.:;!?…”"]$/;

/** Turns one page's runs into paragraphs separated by a blank line. */
export function layoutPageText(runs: PositionedRun[]): string {
  const lines = groupLines(runs);
  if (lines.length === 0) return '';
  const paragraphs: string[] = [lines[0].text];
  const pitch = linePitch(lines);
  const left = Math.min(...lines.map((line) => line.x));
  const right = Math.max(...lines.map((line) => line.right));
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1];
    const line = lines[index];
    if (startsParagraph(previous, line, { pitch, left, right })) paragraphs.push(line.text);
    else paragraphs[paragraphs.length - 1] += ` ${line.text}`;
  }
  return paragraphs.join('\n\n');
}

function startsParagraph(previous: Line, line: Line, page: { pitch: number; left: number; right: number }): boolean {
  const gap = previous.y - line.y;
  const fontSize = Math.max(previous.fontSize, line.fontSize);
  // A line above the previous one (a new column, or text drawn out of order): do not merge.
  if (gap <= 0) return true;
  if (gap > PARAGRAPH_GAP_FONT_SIZES * fontSize) return true;
  if (page.pitch > 0 && gap > PARAGRAPH_GAP_OVER_PITCH * page.pitch) return true;
  if (PARAGRAPH_START.test(line.text)) return true;
  const endsSentence = SENTENCE_END.test(previous.text);
  const shortLine = previous.right < page.left + SHORT_LINE_SHARE * (page.right - page.left);
  return endsSentence && shortLine;
}

/** The smallest usual distance between consecutive baselines: the pitch of wrapped lines. */
function linePitch(lines: Line[]): number {
  const gaps = lines
    .slice(1)
    .map((line, index) => lines[index].y - line.y)
    .filter((gap, index) => gap > 0.5 * lines[index + 1].fontSize);
  return gaps.length === 0 ? 0 : Math.min(...gaps);
}

/** Groups runs by baseline, in content order; a run far off the current baseline starts a line. */
function groupLines(runs: PositionedRun[]): Line[] {
  const lines: Array<{ runs: PositionedRun[]; y: number; fontSize: number }> = [];
  let current: (typeof lines)[number] | null = null;
  let lineEnded = false;
  for (const run of runs) {
    const fontSize = fontSizeOf(run);
    const y = run.transform[5];
    if (run.str !== '') {
      const sameLine = current !== null && !lineEnded && Math.abs(current.y - y) <= 0.5 * Math.max(current.fontSize, fontSize);
      if (!sameLine) {
        current = { runs: [], y, fontSize };
        lines.push(current);
      }
      current!.runs.push(run);
      current!.fontSize = Math.max(current!.fontSize, fontSize);
      lineEnded = false;
    }
    if (run.hasEOL) lineEnded = true;
  }
  return lines.map((line) => toLine(line.runs, line.y, line.fontSize)).filter((line) => line.text !== '');
}

function toLine(runs: PositionedRun[], y: number, fontSize: number): Line {
  const ordered = [...runs].sort((a, b) => a.transform[4] - b.transform[4]);
  let text = '';
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const run of ordered) {
    const x = run.transform[4];
    // Runs drawn apart without a space character between them are still separate words.
    const needsSpace = text !== '' && x - lastEnd > 0.2 * fontSize && !/\s$/.test(text) && !/^\s/.test(run.str);
    text += (needsSpace ? ' ' : '') + run.str;
    lastEnd = Math.max(lastEnd, x + run.width);
  }
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return { text: trimmed, x: ordered[0]?.transform[4] ?? 0, y, right: lastEnd, fontSize };
}

function fontSizeOf(run: PositionedRun): number {
  const [, , c, d] = run.transform;
  const size = Math.hypot(c ?? 0, d ?? 0);
  return size > 0 ? size : 1;
}
