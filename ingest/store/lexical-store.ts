/**
 * The lexical index: MiniSearch with BM25+ over folded syllables and syllable pairs
 * (`lexical-tokenize.ts`), on two fields: the chunk's text and, boosted lower, its heading path.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Chunk, IndexHit } from '../types.js';
import { lexicalTerms } from './lexical-tokenize.js';

interface LexicalDocument {
  id: string;
  text: string;
  context: string;
}

/** The heading path matters, but less than the passage: a part title is shared by many chunks. */
const FIELD_BOOST = { text: 1, context: 0.4 };

/** The same options must be used to build and to load, or the index cannot be read. */
function lexicalOptions(): Options<LexicalDocument> {
  return {
    idField: 'id',
    fields: ['text', 'context'],
    storeFields: [],
    tokenize: (text) => lexicalTerms(text),
    // Terms are already folded by the tokenizer.
    processTerm: (term) => term,
    searchOptions: { boost: FIELD_BOOST },
    // Library code never logs.
    logger: () => undefined,
  };
}

/** Indexes the chunks' text and context. */
export function buildLexicalIndex(chunks: Chunk[]): MiniSearch<LexicalDocument> {
  const index = new MiniSearch<LexicalDocument>(lexicalOptions());
  index.addAll(chunks.map((chunk) => ({ id: chunk.id, text: chunk.text, context: chunk.context })));
  return index;
}

/** The index as JSON, for `lexical.json`. */
export function serializeLexicalIndex(index: MiniSearch<LexicalDocument>): string {
  return JSON.stringify(index);
}

/** Restores an index from `lexical.json` text; throws on malformed JSON. */
export function loadLexicalIndex(json: string): MiniSearch<LexicalDocument> {
  return MiniSearch.loadJSON<LexicalDocument>(json, lexicalOptions());
}

/**
 * A searcher: the k best chunks by BM25+ score, optionally within one document. The document
 * filter runs inside MiniSearch, so k hits of that document come back when it has them.
 */
export function createLexicalSearcher(
  index: MiniSearch<LexicalDocument>,
  chunkById: Map<string, Chunk>,
): (query: string, k: number, documentId?: string) => IndexHit[] {
  return (query, k, documentId) => {
    if (!(k > 0) || query.trim() === '') return [];
    const filter = documentId === undefined ? undefined : (result: { id: unknown }) => chunkById.get(String(result.id))?.documentId === documentId;
    return index
      .search(query, filter ? { filter } : {})
      .slice(0, Math.floor(k))
      .map((result) => ({ chunkId: String(result.id), score: result.score }));
  };
}
