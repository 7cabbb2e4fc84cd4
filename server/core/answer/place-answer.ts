/**
 * "Điều 19 Luật Cán bộ, công chức quy định gì?", "Khoản 2 Điều 19 Nghị định 335 nói gì?": a
 * question that names a place of a regulation and asks what it says is answered by that place,
 * quoted whole (its clauses or points listed), in the one document in scope that has it.
 */
import type { CorpusDocument, Section } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { readPlaceRefs } from '../query/place-refs.js';
import { QUESTION_WORDS } from '../query/question-words.js';
import { sectionAt } from '../registry-lookup.js';

/**
 * The place a question names and asks what it says ("quy định gì", "nói gì", "what does … say":
 * `place.asksWhatItSays` of the question words), in the one document in scope that has it; null otherwise.
 */
export function askedPlace(environment: AnswerEnvironment, query: ParsedQuery): { document: CorpusDocument; section: Section } | null {
  if (!QUESTION_WORDS.asksWhatItSays.test(query.key)) return null;
  const [address] = readPlaceRefs(query.key).addresses.filter((item) => item.startsWith('dieu.'));
  if (!address) return null;
  const found = environment.registry.documents.flatMap((document) => {
    const section = sectionAt(document, address);
    return section ? [{ document, section }] : [];
  });
  return found.length === 1 ? found[0] : null;
}
