/**
 * Renders an HTML `<table>` as pipe rows, one line per row, the header row first:
 * `| Vị trí việc làm | Năng lực | Cấp độ |`. Merged cells are spread out so every row stands on
 * its own (a position spanning three competency rows is repeated in each), because each row
 * becomes a passage of its own downstream.
 */
import { HTMLElement } from 'node-html-parser';
import { isLayoutTable } from './layout-cells.js';

/** Extracts a cell's paragraphs (the block walker of html-to-text, passed in to avoid a cycle). */
export type BlockExtractor = (element: HTMLElement) => string[];

interface Cell {
  text: string;
  header: boolean;
  colspan: number;
  rowspan: number;
}

/** Renders the table, or '' when it has no text at all. */
export function renderTable(table: HTMLElement, extractBlocks: BlockExtractor): string {
  const layout = layoutText(table, extractBlocks);
  if (layout !== null) return layout;
  const rows = tableRows(table).map((row) => rowCells(row, extractBlocks));
  const grid = spreadSpans(rows);
  const kept = grid.filter((row) => row.cells.some((text) => text !== ''));
  if (kept.length === 0) return '';
  const headerIndex = Math.max(0, kept.findIndex((row) => row.allHeader));
  const ordered = [kept[headerIndex], ...kept.filter((_, index) => index !== headerIndex)];
  const width = Math.max(...ordered.map((row) => row.cells.length));
  const lines = ordered.map((row) => pipeRow(padTo(row.cells, width)));
  const caption = captionOf(table, extractBlocks);
  return caption ? `${caption}\n\n${lines.join('\n')}` : lines.join('\n');
}

/**
 * A layout table (the header or signature block placed in a borderless table) as the lines of
 * its cells, each cell a paragraph; null when the table holds data.
 */
function layoutText(table: HTMLElement, extractBlocks: BlockExtractor): string | null {
  const cells = tableRows(table)
    .flatMap((row) => elementChildren(row).filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th'))
    .map((cell) => extractBlocks(cell).flatMap((block) => block.split('\n')).map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
  if (cells.length === 0 || !isLayoutTable(cells)) return null;
  return cells.map((lines) => lines.join('\n')).join('\n\n');
}

/** The rows of this table, not of tables nested in its cells. */
function tableRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of elementChildren(table)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...elementChildren(child).filter((row) => tagOf(row) === 'tr'));
  }
  // A <thead> written after <tbody> still holds the header.
  return rows.sort((a, b) => Number(tagOf(b.parentNode) === 'thead') - Number(tagOf(a.parentNode) === 'thead'));
}

function rowCells(row: HTMLElement, extractBlocks: BlockExtractor): Cell[] {
  return elementChildren(row)
    .filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th')
    .map((cell) => ({
      text: extractBlocks(cell).join(' ').replace(/\s*\n\s*/g, ' '),
      header: tagOf(cell) === 'th',
      colspan: spanOf(cell, 'colspan'),
      rowspan: spanOf(cell, 'rowspan'),
    }));
}

/** Lays cells on a grid: colspan repeats a cell across columns, rowspan down the rows below. */
function spreadSpans(rows: Cell[][]): Array<{ cells: string[]; allHeader: boolean }> {
  const carried = new Map<number, { text: string; remaining: number }>();
  return rows.map((cells) => {
    const out: string[] = [];
    let column = 0;
    const takeCarried = (): void => {
      for (let carry = carried.get(column); carry; carry = carried.get(column)) {
        out.push(carry.text);
        carry.remaining -= 1;
        if (carry.remaining === 0) carried.delete(column);
        column += 1;
      }
    };
    for (const cell of cells) {
      takeCarried();
      for (let copy = 0; copy < cell.colspan; copy += 1) {
        out.push(cell.text);
        if (cell.rowspan > 1) carried.set(column, { text: cell.text, remaining: cell.rowspan - 1 });
        column += 1;
      }
    }
    takeCarried();
    return { cells: out, allHeader: cells.length > 0 && cells.every((cell) => cell.header) };
  });
}

function captionOf(table: HTMLElement, extractBlocks: BlockExtractor): string {
  const caption = elementChildren(table).find((child) => tagOf(child) === 'caption');
  return caption ? extractBlocks(caption).join(' ') : '';
}

/** `| a | b |`, with a literal pipe inside a cell escaped so the row still splits correctly. */
function pipeRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function padTo(cells: string[], width: number): string[] {
  return cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill('')];
}

/** Span attribute, clamped: browsers cap colspan at 1000; a bogus value counts as 1. */
function spanOf(cell: HTMLElement, attribute: 'colspan' | 'rowspan'): number {
  const value = Number.parseInt(cell.getAttribute(attribute) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

function elementChildren(element: HTMLElement): HTMLElement[] {
  return element.childNodes.filter((child): child is HTMLElement => child instanceof HTMLElement);
}

function tagOf(element: HTMLElement | null | undefined): string {
  return element?.tagName?.toLowerCase() ?? '';
}
