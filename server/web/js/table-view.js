/**
 * A table section shown as a <table>: its text lines ("| a | b |") become rows, each row whose
 * section exists keeps its address as id (so "Phụ lục, dòng 4" can be linked), the header row
 * becomes <th> cells, and a cited row is highlighted.
 */
import { el } from './dom.js';

/** The cells of a "| a | b |" line, or null for a line that is not a table row or only a rule. */
export function tableCells(line) {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|')) return null;
  if (/^[|\s:-]+$/.test(trimmed)) return null;
  return trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

function lines(text, span) {
  const out = [];
  let start = span.start;
  for (const piece of text.slice(span.start, span.end).split('\n')) {
    out.push({ start, end: start + piece.length, text: piece });
    start += piece.length + 1;
  }
  return out;
}

function rowNode(cells, tag, attributes, marked) {
  return el('tr', attributes, cells.map((cell) => el(tag, {}, [marked && cell ? el('mark', { className: 'hl', tabindex: '-1', text: cell }) : cell])));
}

/**
 * The <table> of a table section, or null when its text has no "|" rows (shown as text then).
 * @param {string} text the document's text
 * @param {{ address: string, span: { start: number, end: number } }} table
 * @param {Array<{ address: string, span: { start: number, end: number }, tableHeader?: string[] }>} rows its row sections
 * @param {{ start: number, end: number } | null} mark
 */
export function renderTable(text, table, rows, mark) {
  const head = [];
  const body = [];
  for (const line of lines(text, table.span)) {
    const cells = tableCells(line.text);
    if (!cells) continue;
    const row = rows.find((candidate) => candidate.span.start <= line.start && line.start < candidate.span.end);
    const marked = Boolean(mark && mark.start < line.end && mark.end > line.start);
    if (!row && body.length === 0 && rows[0]?.tableHeader) head.push(rowNode(cells, 'th', {}, marked));
    else body.push(rowNode(cells, 'td', { id: row?.address ?? null, className: row ? 'sec sec--table-row' : null }, marked));
  }
  if (head.length === 0 && body.length === 0) return null;
  return el('div', { className: 'doc-table-wrap' }, [
    el('table', { className: 'doc-table' }, [head.length > 0 ? el('thead', {}, head) : null, el('tbody', {}, body)]),
  ]);
}
