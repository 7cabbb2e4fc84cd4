/**
 * Content of an appendix the loaded text does not hold. A decree often lays its forms and lists
 * in appendices that a copied web page leaves out ("Phụ lục II", "Mẫu số 02"): the body still
 * names them, so retrieval finds the clause that mentions the appendix and would quote it as if
 * it were the content. A question asking what such an appendix lists is not answered; the reply
 * says the appendix is named but its text is not in the loaded copy.
 */
import type { CorpusDocument } from '../../../ingest/types.js';
import { readPlaceRefs } from '../query/place-refs.js';
import type { ParsedQuery } from '../query/understand.js';
import { QUESTION_WORDS } from '../query/question-words.js';

/** "mẫu số 02", "form no. 2": a numbered form, folded (a numbered appendix is read as a place, see `readPlaceRefs`). */
const NUMBERED_FORM = /\b(?:mau\s+so|form\s+(?:no\.?\s*)?)\s*\d{1,2}\b/;

/** Whether the question names a numbered appendix ("phụ lục II", "appendix V") or form. */
function namesNumberedAppendix(key: string): boolean {
  return NUMBERED_FORM.test(key) || readPlaceRefs(key).addresses.some((address) => /^phu-luc\.\d+$/.test(address));
}

/**
 * The documents in scope whose numbered appendix the question asks the content of while their
 * loaded text has no appendix at all; empty when the question names none, or asks nothing of it
 * (the words asking what an appendix holds are `appendix.asksContent` of the question words).
 */
export function appendixNotLoaded(query: ParsedQuery, documents: readonly CorpusDocument[]): CorpusDocument[] {
  if (!QUESTION_WORDS.asksAppendixContent.test(query.key) || !namesNumberedAppendix(query.key)) return [];
  const named = documents.filter((document) => query.documents.some((mention) => mention.document.document?.id === document.id));
  const asked = named.length > 0 ? named : documents;
  const without = asked.filter((document) => !document.sections.some((section) => section.address.startsWith('phu-luc')));
  // Unnamed, the question is about an appendix only when no loaded document has one to answer from.
  return named.length > 0 || without.length === asked.length ? without : [];
}
