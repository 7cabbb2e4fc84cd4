/**
 * "Chỉ thị 012 yêu cầu … căn cứ nghị định nào?", "… dẫn chiếu nghị quyết nào của Chính phủ về …?":
 * the question asks which document of a type a passage on its topic cites. Gather the passages
 * on the topic, read in them a reference of that type ("Nghị định số 118/2025/NĐ-CP"), and
 * quote the sentence that writes it; when no passage on the topic cites one, say so.
 */
import { DOCUMENT_TYPES } from '../../../ingest/document-types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { hybridSearch } from '../retrieval/hybrid.js';
import { rankSentences } from '../read/rank.js';
import { unsupportedReason } from '../decide/support.js';
import { topicCoverage } from '../retrieval/support.js';
import { foldedWords } from '../read/shared-run.js';
import { documentById } from '../registry-lookup.js';
import { SPAN_PASSAGES } from './clauses.js';
import { capitalize, documentLabel, placeLabel } from './format.js';
import { innermostAddress } from './content-answer.js';
import type { ComposeContext } from './task-answers.js';

/** The document type a question asks for by name: "nghị định nào", "những nghị quyết, quy định nào". */
export interface AskedType {
  /** The type's name as documents write it ("Nghị định"). */
  name: string;
  /** "những nghị quyết nào": every one the passage cites, not the one its best sentence does. */
  plural: boolean;
  /** How a reference of the type is written in a passage ("Nghị định số 118/2025/NĐ-CP"). */
  reference: RegExp;
}

/** The types always cited by number: a general noun ("quy định nào", "kế hoạch nào") does not ask for a reference. */
const TYPES = DOCUMENT_TYPES.filter((entry) => entry.citedByNumber).map((entry) => ({ name: entry.name, folded: foldedWords(entry.name).join(' ') }));
/** "nghị định nào", "nghị định số nào", "những nghị quyết, quy định nào", "nghị quyết hoặc quyết định nào". */
const ASKED = new RegExp(`\\b(?:nhung |cac )?(${TYPES.map((type) => type.folded).join('|')})(?: so)?(?:(?:,| va| hoac) ([a-z]+(?: [a-z]+)?))? nao\\b`);
/** Every type by its folded name, for the second one a question may ask beside the first ("nghị quyết, quy định nào"). */
const ANY_TYPE = new Map(DOCUMENT_TYPES.map((entry) => [foldedWords(entry.name).join(' '), entry.name]));
/** Words before a type word that make it another word ("điều luật", "kỷ luật", "pháp luật"). */
const NOT_A_TYPE_BEFORE = new Set(['dieu', 'ky', 'phap', 'quy']);

/** The document type the question asks for ("căn cứ nghị định nào"), or null. */
export function askedDocumentType(query: ParsedQuery): AskedType | null {
  const match = ASKED.exec(query.key);
  if (!match) return null;
  const before = query.key.slice(0, match.index).trim().split(' ').pop() ?? '';
  if (NOT_A_TYPE_BEFORE.has(before)) return null;
  const type = TYPES.find((item) => item.folded === match[1]);
  if (!type) return null;
  const second = match[2] ? ANY_TYPE.get(match[2]) : undefined;
  return { name: type.name, plural: /^(?:nhung|cac) /.test(match[0]), reference: referencePattern(second ? [type.name, second] : [type.name]) };
}

/** "Nghị quyết số 27/NQ- TW", "nghị định số 118/2025/NĐ-CP": the type's name in either case, its number, the symbol after a stray space. */
function referencePattern(names: readonly string[]): RegExp {
  const written = names.map((name) => `[${name.charAt(0).toUpperCase()}${name.charAt(0).toLowerCase()}]${name.slice(1)}`).join('|');
  return new RegExp(`(?:${written})\\s+(?:số\\s+)?\\d+[\\p{L}\\p{N}/.-]*(?:(?<=-)\\s[A-ZĐ]{2,}(?![\\p{L}]))?`, 'u');
}

/** The sentence on the topic that cites a document of the asked type, composed; or the reason none does. */
export async function answerCitedInPassage(
  environment: AnswerEnvironment,
  query: ParsedQuery,
  asked: AskedType,
  context: ComposeContext,
): Promise<{ answer: string } | { reason: string }> {
  const hits = await hybridSearch(environment.index, query.terms.join(' '), { k: SPAN_PASSAGES });
  const { lexicon } = environment.query;
  // Each sentence's reference read once: the choice, the plural list and the lead all use it.
  const citingSentences = rankSentences(query, hits, lexicon).flatMap((item) => {
    const reference = citedReference(item.sentence.text, asked, item.chunk.documentId, environment);
    return reference === null ? [] : [{ item, reference }];
  });
  // A sentence citing one, on the topic; a list of references spans sentences, so its passage may carry the topic.
  const found = citingSentences.find(
    ({ item }) =>
      !unsupportedReason(query, item.coverage, lexicon) ||
      (asked.plural && !unsupportedReason(query, topicCoverage(query.topic, query.topicPairs, environment.chunkTerms(item.chunk.id), lexicon), lexicon)),
  );
  if (!found) return { reason: 'no-cited-document' };
  const citing = found.item;
  const chosen = asked.plural
    ? citingSentences
        .filter(({ item }) => item.chunk.id === citing.chunk.id)
        .sort((a, b) => a.item.sentence.start - b.item.sentence.start)
        .slice(0, MAX_CITING)
    : [found];
  const sentences = chosen.map(({ item }) => item);
  const references = [...new Set(chosen.map(({ reference }) => reference))];
  const document = documentById(environment.registry.documents, citing.chunk.documentId);
  const label = document ? documentLabel(document) : 'văn bản';
  const quotes = sentences.map((item) => {
    const address = document ? innermostAddress(document, item.chunk.address, item.sentence.start, item.sentence.end) : item.chunk.address;
    return `- ${capitalize(placeLabel(address))}: “${item.sentence.text}” ${context.citations.cite(item.chunk.documentId, address, item.sentence.text)}`;
  });
  const lead = `Theo ${label}, văn bản được dẫn chiếu là ${references.join(', ')}.`;
  return { answer: [lead, ...quotes].join('\n') };
}

/** Most sentences quoted for a plural question. */
const MAX_CITING = 4;

/** The reference of the asked type a sentence writes, other than its own document's number; null when none. */
function citedReference(sentence: string, asked: AskedType, documentId: string, environment: AnswerEnvironment): string | null {
  const found = asked.reference.exec(sentence);
  if (!found) return null;
  const own = documentById(environment.registry.documents, documentId)?.header.number;
  return own && found[0].includes(own) ? null : found[0].replace(/[.,;:]+$/u, '');
}
