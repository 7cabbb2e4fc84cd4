/**
 * Pipe tables as loaders render them: one line per row, `| a | b |`, the first row the header,
 * an optional `|---|---|` separator after it. A "|" inside a cell is written "\|".
 */

const SEPARATOR_CELL = /^:?-{1,}:?$/;

/** Offsets of the unescaped "|" characters of a row. */
function pipePositions(row: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < row.length; i += 1) {
    if (row[i] === '\\') i += 1;
    else if (row[i] === '|') positions.push(i);
  }
  return positions;
}

/** Span of each cell inside `row` (relative offsets), trimmed of spaces. */
function cellSpans(row: string): Array<{ start: number; end: number }> {
  const pipes = pipePositions(row);
  const spans: Array<{ start: number; end: number }> = [];
  for (let k = 0; k + 1 < pipes.length; k += 1) {
    let start = pipes[k] + 1;
    let end = pipes[k + 1];
    while (start < end && /\s/.test(row[start])) start += 1;
    while (end > start && /\s/.test(row[end - 1])) end -= 1;
    spans.push({ start, end });
  }
  return spans;
}

/** Cell texts of a pipe row, trimmed and unescaped, in order. */
export function parseTableRow(row: string): string[] {
  return cellSpans(row).map(({ start, end }) => row.slice(start, end).replace(/\\\|/g, '|'));
}

/** Whether a row is the markdown separator under the header. */
export function isSeparatorRow(row: string): boolean {
  const cells = parseTableRow(row);
  return cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell));
}

/** Span of cell `index` inside `row` (offsets relative to the row, as written), or null when absent. */
export function cellSpan(row: string, index: number): { start: number; end: number } | null {
  return cellSpans(row)[index] ?? null;
}
