/**
 * Pipe tables as loaders render them: one line per row, `| a | b |`, the first row the header,
 * an optional `|---|---|` separator after it.
 */

const SEPARATOR_CELL = /^:?-{1,}:?$/;

/** Cell texts of a pipe row, trimmed, in order. */
export function parseTableRow(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((cell) => cell.trim());
}

/** Whether a row is the markdown separator under the header. */
export function isSeparatorRow(row: string): boolean {
  const cells = parseTableRow(row);
  return cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell));
}

/** Span of cell `index` inside `row` (offsets relative to the row), or null when absent. */
export function cellSpan(row: string, index: number): { start: number; end: number } | null {
  let pipe = row.indexOf('|');
  for (let k = 0; k < index && pipe >= 0; k += 1) pipe = row.indexOf('|', pipe + 1);
  if (pipe < 0) return null;
  const next = row.indexOf('|', pipe + 1);
  if (next < 0) return null;
  let start = pipe + 1;
  let end = next;
  while (start < end && /\s/.test(row[start])) start += 1;
  while (end > start && /\s/.test(row[end - 1])) end -= 1;
  return { start, end };
}
