/**
 * Content that belongs to a document the corpus expects but has not loaded. "Tiêu chuẩn chức
 * danh Chủ tịch UBND xã gồm những gì?" asks for the standards themselves, which a competency
 * framework states; the plan only says the standards are to be reviewed (II.4). Such a question
 * names what a kind of document contains and asks beyond what the plan writes about it.
 */
import type { DocumentType } from '../../../ingest/types.js';
import { CONTENT_NOUNS as WRITTEN_CONTENT_NOUNS } from '../../../ingest/document-types.js';
import { foldedTokens } from '../../../common/text-key.js';
import type { AnswerEnvironment } from '../environment.js';
import type { KnownDocument } from '../query/document-mentions.js';
import type { ParsedQuery } from '../query/understand.js';
import { topicCoverage } from '../retrieval/support.js';
import { MIN_COVERAGE } from './support.js';

/** What each kind of document lays down (`contentNouns` of document-types.json), as folded phrases of a question. */
const CONTENT_NOUNS: Partial<Record<DocumentType, readonly string[]>> = Object.fromEntries(
  Object.entries(WRITTEN_CONTENT_NOUNS).map(([type, nouns]) => [type, nouns.map((noun) => foldedTokens(noun).join(' '))]),
);

/**
 * The unloaded documents whose content the question asks for: it names what such a document
 * lays down, and the rest of its topic is not covered by any of `chunkIds` (the passages
 * retrieval found). Empty when the plan itself answers ("tiêu chí đánh giá cán bộ" → II.7).
 */
export function unloadedOwners(environment: AnswerEnvironment, query: ParsedQuery, chunkIds: readonly string[]): KnownDocument[] {
  const owners: KnownDocument[] = [];
  for (const document of environment.query.documents) {
    const type = document.expected?.type;
    if (document.loadedAs !== null || !type) continue;
    const nouns = (CONTENT_NOUNS[type] ?? []).filter((noun) => query.text.includes(` ${noun} `));
    if (nouns.length === 0) continue;
    const named = new Set(nouns.flatMap((noun) => noun.split(' ')));
    const rest = query.topic.filter((word) => !named.has(word));
    if (rest.length === 0) continue;
    const restPairs = query.topicPairs.filter((pair) => pair.split(' ').every((word) => !named.has(word)));
    const lexicon = environment.query.lexicon;
    const words = wordPairs(restPairs, (pair) => lexicon.pairs.has(pair));
    const covered = chunkIds.some((id) => {
      const terms = environment.chunkTerms(id);
      if (topicCoverage(rest, restPairs, terms, lexicon) < MIN_COVERAGE) return false;
      // "chủ tịch" is not covered by "chủ trì … tích hợp"; "cán bộ, công chức" still holds "cán bộ công chức".
      const joined = environment.textTerms(`joined:${id}`, () => (environment.index.chunkById.get(id)?.text ?? '').replace(/[,;]/g, ' '));
      return words.every((pair) => joined.pairs.has(pair));
    });
    if (!covered) owners.push(document);
  }
  return owners;
}

/**
 * The known pairs that stand for a word of the question: in "đánh giá cán bộ", "giá cán" is
 * known to the corpus but sits between two words ("đánh giá", "cán bộ"), so it is not one.
 */
function wordPairs(pairs: readonly string[], known: (pair: string) => boolean): string[] {
  return pairs.filter((pair) => {
    if (!known(pair)) return false;
    const [left, right] = pair.split(' ');
    const before = pairs.some((other) => other !== pair && other.endsWith(` ${left}`) && known(other));
    const after = pairs.some((other) => other !== pair && other.startsWith(`${right} `) && known(other));
    return !(before && after);
  });
}
