/**
 * The lexical index: BM25+ (MiniSearch 7's scoring) over folded syllables and syllable pairs
 * (`lexical-tokenize.ts`), on two fields: the chunk's text and, boosted lower, its heading path.
 * Postings are flat typed arrays (`lexical-postings.ts`), stored as bytes (`lexical-codec.ts`).
 *
 * Scale: scoring a term costs one step per chunk that holds it, so a query full of words every
 * chunk has ("cán bộ", "thực hiện") costs time linear in the corpus while adding almost nothing
 * to the ranking (BM25 gives such terms a tiny weight). The index therefore records the
 * document frequency of common terms, and a query drops its most common terms once a postings
 * budget is spent. On a small corpus no term is common and search is plain BM25+. Scoring
 * itself runs in `lexical-scorer.ts` (same scores as `MiniSearch.search`, without its per-hit
 * objects).
 */
import type { Chunk, IndexHit } from '../types.js';
import { decodePostings, encodePostings } from './lexical-codec.js';
import { buildPostings, postingCounts, type PostingsIndex } from './lexical-postings.js';
import { createBm25Scorer } from './lexical-scorer.js';
import { lexicalTerms } from './lexical-tokenize.js';

/** The index with the document frequencies of its common terms. */
export interface LexicalIndex {
  index: PostingsIndex;
  /**
   * Postings (over both fields) of every term with at least {@link COMMON_TERM_MIN_CHUNKS} of
   * them: what scoring the term costs, and close to its document frequency.
   */
  commonTerms: Map<string, number>;
}

/** The heading path matters, but less than the passage: a part title is shared by many chunks. */
export const FIELD_BOOST = { text: 1, context: 0.4 };
/** A term with this many postings or more is "common" and recorded with its count. */
export const COMMON_TERM_MIN_CHUNKS = 200;
/** Postings a query may score before dropping its remaining (most common) terms. */
const POSTINGS_BUDGET = 20_000;
/** The rarest terms of a query are always kept, whatever the budget. */
const MIN_QUERY_TERMS = 3;

/** Indexes the chunks' text and context, and records the terms with many postings. */
export function buildLexicalIndex(chunks: Chunk[]): LexicalIndex {
  const index = buildPostings(chunks);
  return { index, commonTerms: postingCounts(index, COMMON_TERM_MIN_CHUNKS) };
}

/** The index as the bytes of `lexical.bin`. */
export function serializeLexicalIndex(lexical: LexicalIndex): Uint8Array {
  return encodePostings(lexical.index);
}

/** Restores an index from `lexical.bin` bytes; throws on a malformed or truncated file. */
export function loadLexicalIndex(bytes: Uint8Array): LexicalIndex {
  const index = decodePostings(bytes);
  // Read off the postings (one pass over the offsets), not stored: nothing to keep in sync.
  return { index, commonTerms: postingCounts(index, COMMON_TERM_MIN_CHUNKS) };
}

/**
 * The distinct terms of a query to score: all of them, unless common terms would exceed the
 * postings budget; then the rarest first, until the budget is spent.
 */
export function queryTerms(query: string, commonTerms: Map<string, number>): string[] {
  const terms = [...new Set(lexicalTerms(query))];
  if (commonTerms.size === 0) return terms;
  const byRarity = terms.map((term) => ({ term, chunks: commonTerms.get(term) ?? 0 })).sort((a, b) => a.chunks - b.chunks);
  const kept: string[] = [];
  let postings = 0;
  for (const { term, chunks } of byRarity) {
    if (kept.length >= MIN_QUERY_TERMS && postings + chunks > POSTINGS_BUDGET) break;
    kept.push(term);
    postings += chunks;
  }
  return kept;
}

/**
 * A searcher: the k best chunks by BM25+ score, optionally within one document (filtered while
 * ranking, so k hits of that document come back when it has them).
 */
export function createLexicalSearcher(lexical: LexicalIndex, chunks: Chunk[]): (query: string, k: number, documentId?: string) => IndexHit[] {
  if (lexical.index.documentCount !== chunks.length) throw new Error(`${lexical.index.documentCount} chunks indexed, ${chunks.length} given`);
  const score = createBm25Scorer(lexical.index);
  return (query, k, documentId) => {
    if (!(k > 0)) return [];
    const terms = queryTerms(query, lexical.commonTerms);
    if (terms.length === 0) return [];
    const accept = documentId === undefined ? undefined : (chunk: number) => chunks[chunk].documentId === documentId;
    return score(terms, FIELD_BOOST, k, accept).map((hit) => ({ chunkId: chunks[hit.chunk].id, score: hit.score }));
  };
}
