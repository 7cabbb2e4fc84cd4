/**
 * Layout tables: the borderless tables Word files and web pages use to place the header (issuer
 * | motto, number | place and date) and the end block (recipients | signature) side by side
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I). Their cells are lines of the document, not table data,
 * so loaders render them as plain lines. The marks below are the layout itself, shared by
 * every official document, not the words of any one of them.
 */

/** Folds Vietnamese for matching: lowercase, no tone marks, đ → d. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

// A date alone is no mark: a task table may well hold "trước ngày 30 tháng 6 năm …".
const MARKS: readonly RegExp[] = [
  /cong hoa xa hoi chu nghia viet nam/,
  /doc lap\s*-\s*tu do\s*-\s*hanh phuc/,
  /^(?:[\p{L} ]{0,20}\s)?so\s*:/u,
  /^noi nhan\s*:/,
  /^(?:tm|kt|tl|tuq|q)\.\s*\S/,
  /^\(?\s*da ky\s*\)?$/,
];

/** The header and end blocks have few cells (two columns of one or two rows, a spare column). */
const MAX_LAYOUT_CELLS = 8;

/** Whether one line of a cell is a mark of the header or signature layout. */
export function isLayoutLine(line: string): boolean {
  const folded = fold(line.trim().replace(/[*_]+/g, ''));
  return MARKS.some((mark) => mark.test(folded));
}

/** A personal name: two to six capitalized words ("Nguyễn Văn An"). */
const PERSON_NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;

/** Whether a cell reads as a signature block: a line in capitals (the position), then a name. */
function isSignatureCell(lines: readonly string[]): boolean {
  const kept = lines.map((line) => line.replace(/[*_]+/g, '').trim()).filter((line) => line !== '');
  if (kept.length < 2) return false;
  const position = kept[kept.length - 2];
  return PERSON_NAME.test(kept[kept.length - 1]) && /\p{L}/u.test(position) && position === position.toLocaleUpperCase('vi');
}

/** Whether a table whose non-empty cells hold these lines is a layout table. */
export function isLayoutTable(cells: ReadonlyArray<readonly string[]>): boolean {
  if (cells.length > MAX_LAYOUT_CELLS) return false;
  return cells.some((lines) => lines.some(isLayoutLine) || isSignatureCell(lines));
}
