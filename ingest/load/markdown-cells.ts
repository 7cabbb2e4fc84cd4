/**
 * Tables a converter broke into one cell per line between lines holding only `|`
 * ("|\nỦY BAN NHÂN DÂN\nTỈNH …\n|\nCỘNG HÒA …\n|\n|\nSố: …\n|"), or wrote as rows without a
 * leading bar ("Luật số: … | <địa danh>, ngày … |"). A layout table (header, signature) becomes the
 * lines of its cells; a data table keeps rows of two or more cells as pipe rows.
 */
import { isLayoutTable } from './layout-cells.js';
import { joinCellLines, joinParagraphLines, stripEmphasis } from './markdown-wraps.js';

/** A line that is only a bar. */
const BAR_ONLY = /^\s*\|\s*$/;
/** A well-formed Markdown table row: "| a | b |". */
const TABLE_ROW = /^\s*\|.*\|\s*$/;
/** A line holding a cell boundary: a bar at its end, or a bar between spaces. */
const HAS_BAR = /(?:^|\s)\|(?:\s|$)/;

/** One stretch of the file: plain paragraphs, or a broken table. */
export interface MarkdownBlock {
  kind: 'text' | 'cells';
  lines: string[];
}

function isBarLine(line: string): boolean {
  return BAR_ONLY.test(line) || (HAS_BAR.test(line) && !TABLE_ROW.test(line));
}

/**
 * Splits the lines into text blocks and broken-table blocks. A broken table runs from a bar
 * line to the last bar line reached without crossing a blank line.
 */
export function splitBlocks(lines: readonly string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    if (!isBarLine(lines[index])) {
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'text') last.lines.push(lines[index]);
      else blocks.push({ kind: 'text', lines: [lines[index]] });
      index += 1;
      continue;
    }
    let end = index;
    for (let next = index + 1; next < lines.length && lines[next].trim() !== ''; next += 1) {
      if (isBarLine(lines[next])) end = next;
    }
    // A bar line right after a blank closes the table above it ("…\n\n|" ends a cell block).
    blocks.push({ kind: 'cells', lines: lines.slice(index, end + 1) });
    index = end + 1;
  }
  return blocks;
}

/** The non-empty cells of a broken table in reading order, each as its lines. */
function readCells(lines: readonly string[]): string[][] {
  return lines
    .join('\n')
    .split('|')
    .map((piece) => piece.split('\n').filter((line) => line.trim() !== ''))
    .filter((cell) => cell.length > 0);
}

/** Renders a layout table: each cell's lines (wraps joined), cells apart by a blank line. */
function renderLayout(cells: readonly string[][]): string {
  return cells
    .map((cell) => joinCellLines(cell).map(stripEmphasis).filter((line) => line !== '').join('\n'))
    .filter((cell) => cell !== '')
    .join('\n\n');
}

/** Renders a data table: inline rows of two or more cells as pipe rows, other text as paragraphs. */
function renderData(lines: readonly string[]): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let rows: string[] = [];
  const flush = (): void => {
    const joined = joinParagraphLines(paragraph).map(stripEmphasis).filter((line) => line !== '');
    if (joined.length > 0) out.push(joined.join('\n'));
    if (rows.length > 0) out.push(rows.join('\n'));
    paragraph = [];
    rows = [];
  };
  for (const line of lines) {
    const cells = line.split('|').map((cell) => stripEmphasis(cell)).filter((cell) => cell !== '');
    if (cells.length >= 2) {
      if (paragraph.length > 0) flush();
      rows.push(`| ${cells.join(' | ')} |`);
    } else if (BAR_ONLY.test(line)) {
      flush();
    } else {
      if (rows.length > 0) flush();
      paragraph.push(line.replace(/\|/g, ' '));
    }
  }
  flush();
  return out.join('\n\n');
}

/** Renders a broken-table block as the loaders' text. */
export function renderCells(lines: readonly string[]): string {
  const cells = readCells(lines);
  if (isLayoutTable(cells)) return renderLayout(cells);
  return renderData(lines);
}
