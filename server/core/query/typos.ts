/**
 * Typo repair against the corpus vocabulary: a folded syllable the corpus and the query
 * vocabulary do not know is replaced by a known syllable one edit away ("dug" → "dung").
 * A neighbour decides between candidates: "tuyen dug" becomes "tuyen dung" because the corpus
 * has that pair. Without a neighbour's support only long syllables are repaired, so a short
 * word from outside the corpus is not bent into a corpus word.
 */
import type { Lexicon, PairSet } from './lexicon.js';
import type { QueryVocabulary, RuleTable } from './vocabulary.js';

/**
 * The words typos are repaired towards: the corpus syllables with their passage frequency and
 * the words of the query vocabulary ("những nhiệm vụ nào"), with the pairs both write.
 */
export interface TypoDictionary {
  frequency: Map<string, number>;
  pairs: PairSet;
  byLength: Map<number, string[]>;
  /** Words of the query vocabulary's intent cues that the corpus does not use as such ("han" of "thời hạn"). */
  cueWords: Set<string>;
}

/** Builds the dictionary from the corpus lexicon and the query vocabulary. */
export function buildTypoDictionary(lexicon: Lexicon, vocabulary: QueryVocabulary): TypoDictionary {
  const frequency = new Map(lexicon.documentFrequency);
  // The vocabulary's pairs beside the corpus's, not a copy of every corpus pair (millions at 100k chunks).
  const pairs = new Set<string>();
  const cueWords = new Set<string>();
  const addRules = (table: RuleTable): void => {
    for (const rules of table.values()) {
      for (const rule of rules) {
        if (rule.cue) for (const word of rule.replacement) cueWords.add(word);
        for (const sequence of [rule.tokens, rule.replacement]) {
          sequence.forEach((word, index) => {
            if (!frequency.has(word)) frequency.set(word, 1);
            if (index + 1 < sequence.length) pairs.add(`${word} ${sequence[index + 1]}`);
          });
        }
      }
    }
  };
  addRules(vocabulary.abbreviations);
  addRules(vocabulary.synonyms);
  const byLength = new Map<number, string[]>();
  for (const word of frequency.keys()) {
    if (/\d/.test(word)) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  return { frequency, pairs, byLength, cueWords };
}

/** Shortest syllable considered for repair. */
const MIN_REPAIR_LENGTH = 3;
/** Shortest syllable repaired without a neighbouring pair to confirm it ("huyen" must not become "chuyen"). */
const MIN_UNSUPPORTED_LENGTH = 6;

export interface TypoRepair {
  tokens: string[];
  /** Indexes of the tokens that were replaced. */
  repaired: number[];
}

/**
 * Repairs `tokens` (folded). `known` holds words that are right although the corpus lacks
 * them (question words, English cues).
 */
export function repairTypos(tokens: readonly string[], dictionary: TypoDictionary, known: ReadonlySet<string>): TypoRepair {
  const out = [...tokens];
  const repaired: number[] = [];
  out.forEach((token, index) => {
    if (!needsRepair(token, dictionary, known)) return;
    const candidates = candidatesFor(token, dictionary);
    if (candidates.length === 0) return;
    const left = out[index - 1];
    const right = tokens[index + 1];
    const supported = candidates.filter(
      (candidate) =>
        (left !== undefined && dictionary.pairs.has(`${left} ${candidate}`)) ||
        (right !== undefined && dictionary.pairs.has(`${candidate} ${right}`)),
    );
    const pool = supported.length > 0 ? supported : token.length >= MIN_UNSUPPORTED_LENGTH ? candidates : [];
    if (pool.length === 0) return;
    out[index] = mostFrequent(pool, dictionary);
    repaired.push(index);
  });
  return { tokens: out, repaired };
}

function needsRepair(token: string, dictionary: TypoDictionary, known: ReadonlySet<string>): boolean {
  if (token.length < MIN_REPAIR_LENGTH || /\d/.test(token)) return false;
  return !dictionary.frequency.has(token) && !known.has(token);
}

/**
 * Syllables this short are repaired only by a missing letter ("dụg" → "dung") or two swapped
 * letters ("hpo" → "hop"), never by a different letter: "nộp" is not "hợp".
 */
const SHORT_SYLLABLE = 3;

function candidatesFor(token: string, dictionary: TypoDictionary): string[] {
  const found: string[] = [];
  const short = token.length <= SHORT_SYLLABLE;
  if (short) {
    // A slip on the final consonant of a cue ("thời hạm" → "hạn") is repaired; other
    // substitutions in a short syllable are not, so "nộp" does not become "hợp".
    const stem = token.slice(0, -1);
    for (const word of dictionary.byLength.get(token.length) ?? []) {
      if (word !== token && word.startsWith(stem) && dictionary.cueWords.has(word)) found.push(word);
    }
  }
  for (let length = token.length - 1; length <= token.length + 1; length += 1) {
    if (short && length < token.length) continue;
    for (const word of dictionary.byLength.get(length) ?? []) {
      if (word.length < MIN_REPAIR_LENGTH || !withinOneEdit(token, word)) continue;
      if (short && length === token.length && !sameLetters(token, word)) continue;
      found.push(word);
    }
  }
  return found;
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

function mostFrequent(words: string[], dictionary: TypoDictionary): string {
  return words.reduce((best, word) => ((dictionary.frequency.get(word) ?? 0) > (dictionary.frequency.get(best) ?? 0) ? word : best));
}

/**
 * Whether `a` and `b` differ by at most one insertion, deletion, substitution or
 * transposition of adjacent letters (optimal string alignment distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthGap = Math.abs(a.length - b.length);
  if (lengthGap > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  if (a.length === b.length) {
    if (a.slice(start + 1) === b.slice(start + 1)) return true; // substitution
    return a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2);
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(start) === longer.slice(start + 1);
}
