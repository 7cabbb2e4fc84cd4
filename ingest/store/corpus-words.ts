/**
 * The corpus's words as the answer core's lexicon reads them (`server/core/query/lexicon.ts`):
 * per folded clause syllable, the number of chunks (text or heading context) holding it, in
 * order of first occurrence; and the lowercase accented word tokens. Collected at ingest in the
 * same pass as the postings, so that the first question after loading 100k chunks does not
 * re-tokenize every chunk (13 s). Pairs need no list: every pair term of the lexical index is
 * one (a syllable never holds a space). `test/core/lexicon-words.test.ts` checks the lexicon
 * made from these equals the one built from the chunks.
 */
import { accentedKey, wordTokens } from '../../common/text-key.js';
import type { CorpusWords } from '../types.js';

/** Collects, chunk by chunk, what {@link CorpusWords} holds, keyed by lexical term number. */
export class CorpusWordsCollector {
  /** Chunks holding each term as a clause syllable, by term number (0: never one). */
  private chunksOf = new Uint32Array(1024);
  /** Term numbers of clause syllables, in order of first occurrence. */
  readonly syllableOrder: number[] = [];
  readonly accented = new Set<string>();

  /** Adds one chunk: its fields' clauses (syllables as term numbers) and their raw text. */
  addChunk(fieldSyllables: number[][][], fieldTexts: string[]): void {
    const seen = new Set<number>();
    for (const clauses of fieldSyllables) for (const clause of clauses) for (const term of clause) seen.add(term);
    for (const term of seen) {
      this.grow(term);
      if (this.chunksOf[term] === 0) this.syllableOrder.push(term);
      this.chunksOf[term] += 1;
    }
    for (const text of fieldTexts) for (const word of wordTokens(accentedKey(text))) this.accented.add(word);
  }

  /** Chunk counts of the clause syllables, in order of first occurrence (parallel to `syllableOrder`). */
  counts(): Uint32Array {
    return Uint32Array.from(this.syllableOrder, (term) => this.chunksOf[term]);
  }

  private grow(term: number): void {
    if (term < this.chunksOf.length) return;
    const grown = new Uint32Array(Math.max(term + 1, this.chunksOf.length * 2));
    grown.set(this.chunksOf);
    this.chunksOf = grown;
  }
}

/** The stored form of the corpus words, beside the postings. */
export interface StoredCorpusWords {
  /** Term numbers of clause syllables, in order of first occurrence. */
  syllables: Uint32Array;
  /** Chunks holding each of them. */
  syllableChunks: Uint32Array;
  /** Accented word tokens, in order of first occurrence. */
  accented: string[];
}

/** The corpus words over a term dictionary (`termIds` resolves pairs; `postings` counts a term's postings). */
export function corpusWords(stored: StoredCorpusWords, terms: string[], termIds: Map<string, number>, postings?: (term: number) => number): CorpusWords {
  const syllableChunks = new Map<string, number>();
  stored.syllables.forEach((term, i) => syllableChunks.set(terms[term], stored.syllableChunks[i]));
  return {
    syllableChunks,
    hasPair: (pair) => pair.includes(' ') && termIds.has(pair),
    pairChunks: (pair) => {
      const term = pair.includes(' ') ? termIds.get(pair) : undefined;
      return term === undefined || !postings ? 0 : postings(term);
    },
    accented: new Set(stored.accented),
  };
}
