/**
 * The document's normalized text: the one text quotes are taken from. Cleans encoding debris,
 * then repairs what printing did to the text: paragraphs cut by a page break are rejoined, and
 * footnotes that a page break dropped into the body are lifted to the end of the text.
 */

// BOM and zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen stays: it is rare
// and visible in some fonts).
const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060]/g;
// No-break and narrow spaces become plain spaces so that "Sở\u00A0Nội vụ" matches "Sở Nội vụ".
const ODD_SPACES = /[\u00A0\u2007\u202F]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// pdftotext marks a page end with a form feed: a page break is a paragraph break.
const FORM_FEED = /\f/g;
const TRAILING_SPACE = /[^\S\n]+$/gm;
const LEADING_SPACE = /^[^\S\n]+/gm;
const PARAGRAPH_BREAK = /\n{2,}/;

/** Superscript digits used as footnote markers (¹ ² ³ …). */
export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote paragraph starts with a superscript number or "[n]", then a space. */
const FOOTNOTE_START = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])[^\S\n]/;

// Punctuation after which a paragraph is complete (a page break there is a real break).
const TERMINAL = /[.:;!?”"…»)\]]$/;
const STARTS_LOWERCASE = /^\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_LOWERCASE = /\p{Ll}/u;
// "a) …", "đ. …": a lettered point opens its own line even though it starts in lowercase.
const LETTER_MARKER = /^[a-zđ][.)]\s/u;
// Inside a paragraph, a line that ends a sentence or a lead-in is complete; "," or ";" is not.
const LINE_COMPLETE = /[.:!?…]$/;

/** Whether a paragraph is a footnote ("¹ Văn bản số …", "[2] …"). */
export function isFootnoteParagraph(paragraph: string): boolean {
  return FOOTNOTE_START.test(paragraph);
}

function lastLine(paragraph: string): string {
  return paragraph.slice(paragraph.lastIndexOf('\n') + 1);
}

/**
 * Whether `next` continues `previous` across a page break: `previous` ends without terminal
 * punctuation and `next` starts with a lowercase letter. A heading in capitals or a table row
 * never continues into the next paragraph.
 */
function continuesAcrossBreak(previous: string, next: string): boolean {
  if (!STARTS_LOWERCASE.test(next) || LETTER_MARKER.test(next)) return false;
  const tail = lastLine(previous);
  if (TERMINAL.test(tail)) return false;
  if (tail.startsWith('|')) return false;
  if (HAS_LETTER.test(tail) && !HAS_LOWERCASE.test(tail)) return false;
  return true;
}

/**
 * Whether line `next` continues line `previous` of the same paragraph (a hard wrap): it starts
 * in lowercase and is no lettered point; `previous` is no complete sentence, table row or
 * heading in capitals.
 */
function continuesLine(previous: string, next: string): boolean {
  if (!STARTS_LOWERCASE.test(next) || LETTER_MARKER.test(next)) return false;
  if (LINE_COMPLETE.test(previous) || previous.startsWith('|')) return false;
  return !(HAS_LETTER.test(previous) && !HAS_LOWERCASE.test(previous));
}

/** Joins the hard-wrapped lines of a paragraph with one space, in one pass (a fixpoint). */
function unwrapLines(paragraph: string): string {
  if (!paragraph.includes('\n')) return paragraph;
  const out: string[] = [];
  for (const line of paragraph.split('\n')) {
    if (out.length > 0 && continuesLine(out[out.length - 1], line)) out[out.length - 1] += ` ${line}`;
    else out.push(line);
  }
  return out.join('\n');
}

/** Joins body paragraphs that a page break cut, in one pass (the result is a fixpoint). */
function rejoinParagraphs(paragraphs: string[]): string[] {
  const joined: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = joined.length > 0 ? joined[joined.length - 1] : undefined;
    if (previous !== undefined && continuesAcrossBreak(previous, paragraph)) {
      joined[joined.length - 1] = `${previous} ${paragraph}`;
    } else {
      joined.push(paragraph);
    }
  }
  return joined;
}

/** Cleans characters and whitespace without touching the words. */
function cleanWhitespace(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(FORM_FEED, '\n\n')
    .replace(ODD_SPACES, ' ')
    .replace(TRAILING_SPACE, '')
    .replace(LEADING_SPACE, '');
}

/**
 * Normalizes a loaded document's text: NFC; LF line ends; BOM and zero-width characters
 * removed; spaces at line ends and starts trimmed; blank-line runs reduced to one blank line;
 * paragraphs cut by page breaks rejoined with one space; footnote paragraphs moved, verbatim
 * and in order, to the end of the text. No word is lost or reordered except the footnotes.
 * Idempotent.
 */
export function normalizeDocumentText(raw: string): string {
  const cleaned = cleanWhitespace(raw).replace(/^\n+|\n+$/g, '');
  if (cleaned === '') return '';
  const footnotes: string[] = [];
  let body = cleaned.split(PARAGRAPH_BREAK).map(unwrapLines);
  // A join can form a new footnote paragraph ("²" + "a" → "² a"); lift and rejoin until stable.
  for (;;) {
    const kept = body.filter((paragraph) => !isFootnoteParagraph(paragraph));
    footnotes.push(...body.filter(isFootnoteParagraph));
    body = rejoinParagraphs(kept);
    if (!body.some(isFootnoteParagraph)) break;
  }
  return [...body, ...footnotes].join('\n\n');
}
