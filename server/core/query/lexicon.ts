/**
 * What the corpus says, as words: folded syllables with their passage frequency, adjacent
 * syllable pairs, and the accented syllables. Built once per index and used to repair typos,
 * to weigh question words, and to notice words the corpus never uses.
 */
import type { Chunk, CorpusWords } from '../../../ingest/types.js';
import { syllableClauses, pairTerm } from '../../../ingest/store/lexical-tokenize.js';
import { accentedKey, wordTokens } from '../../../common/text-key.js';

/** What is asked of a set of pairs: membership (the corpus's may be an index lookup, not a Set). */
export type PairSet = Pick<ReadonlySet<string>, 'has'>;

export interface Lexicon {
  /** Folded syllable → number of passages it occurs in. */
  documentFrequency: Map<string, number>;
  /** Folded adjacent pairs within a clause ("nang luc"). */
  pairs: PairSet;
  /** Lowercase syllables with their diacritics ("lượng"). */
  accented: Set<string>;
  /** Number of passages. */
  passages: number;
  /** Folded syllables grouped by length, for typo candidates. */
  byLength: Map<number, string[]>;
  /** Inverse passage frequency of each known syllable, computed once. */
  weights: Map<string, number>;
  /** Passages writing a folded pair ("phu cap"), near enough; 0 for a pair the corpus never writes. */
  pairPassages(pair: string): number;
}

/** Builds the lexicon from the chunks (text and heading context). */
export function buildLexicon(chunks: readonly Chunk[]): Lexicon {
  const documentFrequency = new Map<string, number>();
  const pairs = new Map<string, number>();
  const accented = new Set<string>();
  for (const chunk of chunks) {
    const seen = new Set<string>();
    for (const text of [chunk.text, chunk.context]) {
      // Counted per field, as the lexical index's postings are (`pairChunks` of an index).
      const seenPairs = new Set<string>();
      for (const clause of syllableClauses(text)) {
        clause.forEach((syllable, index) => {
          seen.add(syllable);
          if (index + 1 < clause.length) seenPairs.add(pairTerm(syllable, clause[index + 1]));
        });
      }
      for (const word of wordTokens(accentedKey(text))) accented.add(word);
      for (const pair of seenPairs) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    for (const syllable of seen) documentFrequency.set(syllable, (documentFrequency.get(syllable) ?? 0) + 1);
  }
  return completeLexicon(documentFrequency, pairs, (pair) => pairs.get(pair) ?? 0, accented, chunks.length);
}

/**
 * The lexicon from the words an index collected at ingest — equal to `buildLexicon` of its
 * chunks (same frequencies in the same order; `test/core/lexicon-words.test.ts`), without
 * reading every chunk again (13 s at 100k chunks).
 */
export function lexiconFromWords(words: CorpusWords, passages: number): Lexicon {
  const pairPassages = (pair: string): number => words.pairChunks?.(pair) ?? (words.hasPair(pair) ? 1 : 0);
  return completeLexicon(words.syllableChunks, { has: (pair) => words.hasPair(pair) }, pairPassages, words.accented, passages);
}

function completeLexicon(
  documentFrequency: Map<string, number>,
  pairs: PairSet,
  pairPassages: (pair: string) => number,
  accented: Set<string>,
  passages: number,
): Lexicon {
  const byLength = new Map<number, string[]>();
  for (const syllable of documentFrequency.keys()) {
    const list = byLength.get(syllable.length) ?? [];
    list.push(syllable);
    byLength.set(syllable.length, list);
  }
  const total = Math.max(1, passages);
  const weights = new Map([...documentFrequency].map(([syllable, frequency]) => [syllable, Math.log(1 + total / frequency)]));
  return { documentFrequency, pairs, accented, passages, byLength, weights, pairPassages };
}

/**
 * Inverse passage frequency of a folded syllable; a syllable the corpus never uses weighs
 * more than the rarest one it does, since it is the surest sign of a question off the corpus.
 */
export function inverseFrequency(lexicon: Lexicon, syllable: string): number {
  return lexicon.weights.get(syllable) ?? Math.log(1 + Math.max(1, lexicon.passages) * 2) + 1;
}
