/**
 * Features of the local embedder and their hashing. Features are the lexical terms (folded
 * syllables and syllable pairs) plus character trigrams of longer syllables, which give a
 * typo ("tuyển dụg", "bồi duỡng") some overlap with the right word.
 */
import { compoundParts, pairTerm, syllableClauses } from '../store/lexical-tokenize.js';

/** A feature's 32-bit hash with its weight before IDF. */
export interface WeightedFeature {
  hash: number;
  weight: number;
}

/** Relative weights: whole syllables and pairs carry meaning; trigrams only hint at it. */
const SYLLABLE_WEIGHT = 1;
const PAIR_WEIGHT = 1;
const TRIGRAM_WEIGHT = 0.3;
/** Trigrams only for syllables this long; shorter ones have too few to be tolerant of a typo. */
const TRIGRAM_MIN_LENGTH = 4;

/** FNV-1a, 32-bit: fast, stable across runs and platforms, good spread on short strings. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A second, independent bit for signed hashing (murmur3's finalizer mixes all input bits). */
export function signOf(hash: number): 1 | -1 {
  let mixed = hash ^ (hash >>> 16);
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return (mixed & 1) === 0 ? 1 : -1;
}

/**
 * Term frequencies of the features of `text`, keyed by feature hash. Trigrams are marked
 * with a "~" so that they never share a hash with a syllable spelled the same ("ung").
 */
export function featureCounts(text: string): Map<number, WeightedFeature & { count: number }> {
  const counts = new Map<number, WeightedFeature & { count: number }>();
  const add = (feature: string, weight: number): void => {
    const hash = fnv1a(feature);
    const entry = counts.get(hash);
    if (entry) entry.count += 1;
    else counts.set(hash, { hash, weight, count: 1 });
  };
  for (const clause of syllableClauses(text)) {
    for (let i = 0; i < clause.length; i += 1) {
      const syllable = clause[i];
      add(syllable, SYLLABLE_WEIGHT);
      for (const part of compoundParts(syllable)) add(part, SYLLABLE_WEIGHT);
      if (i + 1 < clause.length) add(pairTerm(syllable, clause[i + 1]), PAIR_WEIGHT);
      if (syllable.length >= TRIGRAM_MIN_LENGTH) {
        const padded = `#${syllable}#`;
        for (let j = 0; j + 3 <= padded.length; j += 1) add(`~${padded.slice(j, j + 3)}`, TRIGRAM_WEIGHT);
      }
    }
  }
  return counts;
}
