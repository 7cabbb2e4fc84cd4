/**
 * Recognizes what a line opens: a part ("II. …"), a chapter, a Mục, an Điều, a numbered item
 * or khoản ("4. …"), a lettered sub-item or điểm ("a) …"), a "-" or "+" bullet, a table row,
 * a footnote. Everything else is plain text.
 */

/** What a line opens. */
export type LineKind =
  | 'part'
  | 'chapter'
  | 'section'
  | 'article'
  | 'numbered'
  | 'subnumbered'
  | 'lettered'
  | 'dash'
  | 'plus'
  | 'table-row'
  | 'footnote'
  | 'appendix'
  | 'form'
  | 'plain';

/** A classified line: its kind, the marker label and the text after the marker. */
export interface LineMarker {
  kind: LineKind;
  /** The marker's label as written: "II", "5", "a", "1.2". */
  label: string;
  /** Text after the marker. */
  rest: string;
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const PART = /^([IVXLC]{1,7})\s*[.)–-]\s+(\S.*)$/u;
const CHAPTER = /^chương\s+([IVXLC]{1,7}|\d{1,3})(?:\s*[.:–-]\s*(.*)|\s*)$/iu;
const SECTION = /^mục\s+([IVXLC]{1,7}|\d{1,3})(?:\s*[.:–-]\s*(.*)|\s*)$/iu;
const ARTICLE = /^điều\s+(\d{1,3}[a-zđ]?)(?:\s*[.:]\s*(.*)|\s*)$/iu;
const SUBNUMBERED = /^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$/u;
const NUMBERED = /^(\d{1,2})[.)]\s+(\S.*)$/u;
const LETTERED = /^([a-zđ])\)\s+(\S.*)$/u;
const DASH = /^[-–—•]\s+(\S.*)$/u;
const PLUS = /^\+\s+(\S.*)$/u;
// "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 01", "Phụ lục I: Danh mục …"; a sentence that merely starts
// with "Phụ lục I ban hành kèm theo …" is no heading (no punctuation after the numeral), nor is
// a list of the appendices, one a line (see appendix.ts).
const APPENDIX = /^phụ\s+lục(?:\s+(?:số\s+)?([IVXLC]{1,7}|\d{1,3}))?(?:\s*[.:–-]\s*(.*)|\s*)$/iu;
// "Mẫu số 01", "Mẫu số 2a": a form appended to the document, alone on its line.
const FORM = /^mẫu\s+(?:số\s+)?(\d{1,3}[a-z]?|[IVXLC]{1,7})\.?$/iu;
const TABLE_ROW = /^\|.*\|$/u;
const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])\s+(.*)$/u;

/** Whether `label` is a well-formed Roman numeral (I … CCCXC). */
export function isRoman(label: string): boolean {
  return ROMAN.test(label);
}

/** Arabic value of a Roman numeral or a decimal label. */
export function numeralValue(label: string): number {
  if (/^\d+$/.test(label)) return Number(label);
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < label.length; i += 1) {
    const value = values[label[i].toUpperCase()] ?? 0;
    const next = values[label[i + 1]?.toUpperCase() ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const SUPERSCRIPT_VALUES = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Footnote number from its marker ("²" → 2, "[12]" → 12). */
export function footnoteNumber(marker: string): number {
  const digits = [...marker].map((char) => {
    const superscript = SUPERSCRIPT_VALUES.indexOf(char);
    return superscript >= 0 ? String(superscript) : /\d/.test(char) ? char : '';
  });
  return Number(digits.join('')) || 0;
}

/** Classifies a cleaned line. */
export function classifyLine(clean: string): LineMarker {
  let match: RegExpExecArray | null;
  if ((match = TABLE_ROW.exec(clean)) && clean.length > 1) return { kind: 'table-row', label: '', rest: clean };
  if ((match = FOOTNOTE.exec(clean))) return { kind: 'footnote', label: match[1], rest: match[2] };
  if ((match = APPENDIX.exec(clean))) return { kind: 'appendix', label: match[1] ?? '', rest: match[2] ?? '' };
  if ((match = FORM.exec(clean))) return { kind: 'form', label: match[1], rest: '' };
  if ((match = CHAPTER.exec(clean))) return { kind: 'chapter', label: match[1], rest: match[2] ?? '' };
  if ((match = SECTION.exec(clean))) return { kind: 'section', label: match[1], rest: match[2] ?? '' };
  if ((match = ARTICLE.exec(clean))) return { kind: 'article', label: match[1], rest: match[2] ?? '' };
  if ((match = PART.exec(clean)) && isRoman(match[1])) return { kind: 'part', label: match[1], rest: match[2] };
  if ((match = SUBNUMBERED.exec(clean))) return { kind: 'subnumbered', label: match[1], rest: match[2] };
  if ((match = NUMBERED.exec(clean))) return { kind: 'numbered', label: match[1], rest: match[2] };
  if ((match = LETTERED.exec(clean))) return { kind: 'lettered', label: match[1], rest: match[2] };
  if ((match = DASH.exec(clean))) return { kind: 'dash', label: '-', rest: match[1] };
  if ((match = PLUS.exec(clean))) return { kind: 'plus', label: '+', rest: match[1] };
  return { kind: 'plain', label: '', rest: clean };
}

const MARKERS = new WeakMap<readonly { clean: string }[], LineMarker[]>();

/**
 * The markers of every line of a document, classified once: the body, each appendix and the
 * search for appendices all read the same line array.
 */
export function markersOf(lines: readonly { clean: string }[]): LineMarker[] {
  let markers = MARKERS.get(lines);
  if (!markers) {
    markers = lines.map((line) => classifyLine(line.clean));
    MARKERS.set(lines, markers);
  }
  return markers;
}
