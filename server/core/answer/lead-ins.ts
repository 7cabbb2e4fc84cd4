/**
 * The lines that say what a quoted line is about: the lead-in a bare line of a list stands under
 * ("b) Xếp ngạch chuyên viên chính … đối với:"), the lead-in of the khoản a quoted point opens
 * ("Các trường hợp không thực hiện điều động"), and the article a section stands in (whose title
 * may name the actor: "Điều 10. Thẩm quyền, trách nhiệm của Bộ Nội vụ").
 */
import type { CorpusDocument, Section } from '../../../ingest/types.js';
import type { ScoredSentence } from '../read/rank.js';
import { hasItemMarker, withoutItemMarker } from '../read/sentences.js';
import { sectionAt } from '../registry-lookup.js';

/**
 * The line ending in ":" that a bare line of a list stands under ("b) … đối với:" over
 * "Người đứng đầu …"), when only unnumbered lines stand between them; null when the sentence
 * opens no line or the list has no such lead-in.
 */
export function introducingLine(item: ScoredSentence): ScoredSentence | null {
  const { chunk, sentence } = item;
  const local = sentence.start - chunk.span.start;
  const before = chunk.text.slice(0, local);
  if (!/(?:^|\n)[ \t]*$/.test(before) || /:\s*$/.test(sentence.text) || hasItemMarker(sentence.text)) return null;
  const lines = before.split('\n');
  lines.pop();
  let end = before.lastIndexOf('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const text = lines[index].trim();
    const start = end - lines[index].length;
    if (text !== '' && /:$/.test(text)) {
      const at = chunk.span.start + start + lines[index].indexOf(text);
      return { ...item, sentence: { text, start: at, end: at + text.length } };
    }
    // A numbered line between them: the line is not that lead-in's. Unnumbered lines between are the
    // list's other items, which may end in "." ("Cấp phó … tương đương." before "Người đứng đầu … thuộc xã.").
    if (text !== '' && hasItemMarker(text)) return null;
    end = start - 1;
  }
  return null;
}

/**
 * The lead-in of the khoản a quoted point opens ("Các trường hợp không thực hiện điều động",
 * "… thuộc một trong các trường hợp sau:"): a line ending in ":" or a title without a final
 * stop. Null when the quote does not open a point, or its khoản states a rule of its own.
 */
export function pointLeadIn(document: CorpusDocument, address: string, first: ScoredSentence): { address: string; text: string } | null {
  const point = sectionAt(document, address);
  if (!point || point.kind !== 'point' || !point.parent) return null;
  // The quote opens the point: only its marker ("d) ") stands before it.
  if (first.sentence.start - point.span.start > POINT_MARKER_CHARS) return null;
  const clause = sectionAt(document, point.parent);
  const line = clause?.text.split('\n', 1)[0].trim();
  if (!clause || !line || line.length > LEAD_IN_CHARS) return null;
  const text = withoutItemMarker(line);
  return /:$/.test(text) || !/[.;!?…]$/.test(text) ? { address: clause.address, text } : null;
}

/** Characters a point's marker takes ("đ) ", "10. "). */
const POINT_MARKER_CHARS = 5;
/** Longest khoản line read as a lead-in. */
const LEAD_IN_CHARS = 400;

/** The article a section stands in, when it is not the article itself. */
export function articleOf(document: CorpusDocument, section: Section): Section | null {
  let current: Section | undefined = section;
  while (current?.parent) {
    current = sectionAt(document, current.parent);
    if (current?.kind === 'article') return current;
  }
  return null;
}
