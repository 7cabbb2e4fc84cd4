/**
 * Repairs Markdown that a converter produced from web pages, without changing a word:
 * lines of one paragraph are soft wraps (joined with a space), emphasis marks (`**`, `*`) are
 * dropped wherever they stand, glued runs are split where the source lost a line break.
 */

/** A list item starts its own line: "- …", "+ …", "• …", "* …". */
const LIST_ITEM = /^\s*(?:[-+•–]|\*(?=\s+[\p{L}\d]))\s+\S/u;
/** A rule line: dashes or underscores only (the short rule under an issuer or motto). */
const RULE = /^\s*[-_=.…]{3,}\s*$/;
/** A pipe-table row stands on its own line. */
const TABLE_LINE = /^\s*\|/;
/** Punctuation that may close a line of its own (a sentence or a clause of a list). */
const LINE_END = /[.;:!?]\s*[*_]*\s*$/;
const STARTS_UPPER_OR_MARK = /^\s*[*_]*\s*(?:\p{Lu}|\d|[-+•(])/u;

/** Whether emphasis opened on this text is still open at its end (an odd count of marks). */
export function emphasisOpen(text: string): boolean {
  const doubles = (text.match(/\*\*/g) ?? []).length;
  const singles = (text.replace(/\*\*/g, '').match(/\*/g) ?? []).length;
  return doubles % 2 === 1 || singles % 2 === 1;
}

/** Whether `next` continues the paragraph line `current` (a soft wrap). */
function continuesParagraph(current: string, next: string): boolean {
  if (TABLE_LINE.test(current) || TABLE_LINE.test(next)) return false;
  if (LIST_ITEM.test(next) || RULE.test(next) || RULE.test(current)) return false;
  if (emphasisOpen(current)) return true;
  // A line ending a sentence, followed by one starting afresh, is a line of its own.
  return !(LINE_END.test(current) && STARTS_UPPER_OR_MARK.test(next));
}

/**
 * Whether `next` continues the layout-cell line `current`: only inside an open emphasis span,
 * or mid-phrase (a lowercase word or comma, then a lowercase word or digit), because the lines
 * of a header cell ("ỦY BAN NHÂN DÂN" / "TỈNH …", "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH") are real lines.
 */
function continuesCellLine(current: string, next: string): boolean {
  if (LIST_ITEM.test(next) || RULE.test(next) || RULE.test(current)) return false;
  if (emphasisOpen(current)) return true;
  return /[\p{Ll},]\s*$/u.test(current) && /^\s*[\p{Ll}\d]/u.test(next);
}

function joinWraps(lines: readonly string[], continues: (current: string, next: string) => boolean): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const last = out.length - 1;
    if (last >= 0 && continues(out[last], line)) out[last] = `${out[last].trimEnd()} ${line.trimStart()}`;
    else out.push(line);
  }
  return out;
}

/** Joins the soft-wrapped lines of one Markdown paragraph. */
export function joinParagraphLines(lines: readonly string[]): string[] {
  return joinWraps(lines, continuesParagraph);
}

/** Joins the wrapped lines of one layout cell, keeping its real lines apart. */
export function joinCellLines(lines: readonly string[]): string[] {
  return joinWraps(splitGlued(lines), continuesCellLine);
}

/**
 * Splits what a converter glued in a layout cell: a rule stuck to text ("<CƠ QUAN>_______ Số:")
 * and a line in capitals stuck to the next ("VIỆT NAMĐộc lập").
 */
function splitGlued(lines: readonly string[]): string[] {
  return lines.flatMap((line) =>
    line
      .replace(/\s*([-_]{3,})\s*/g, '\n$1\n')
      .replace(/(\p{Lu}{2})(\p{Lu}\p{Ll})/gu, '$1\n$2')
      .split('\n')
      .filter((part) => part.trim() !== ''),
  );
}

/**
 * Drops emphasis marks: `**`, and `*` except a list bullet at the start of a line. A mark inside
 * a word joins its halves; elsewhere it stands for a space; spaces are then collapsed.
 */
export function stripEmphasis(line: string): string {
  const bullet = /^(\s*)\*(?=\s+[\p{L}\d])/u.exec(line);
  const body = bullet ? line.slice(bullet[0].length) : line;
  const unmarked = body.replace(/\*+/g, (mark, at: number) =>
    /\p{L}/u.test(body[at - 1] ?? '') && /\p{L}/u.test(body[at + mark.length] ?? '') ? '' : ' ');
  const tidy = unmarked.replace(/[^\S\n]{2,}/g, ' ').replace(/\s+([.:;,)])/g, '$1').trim();
  return bullet ? `${bullet[1]}*${tidy === '' ? '' : ` ${tidy}`}` : tidy;
}
