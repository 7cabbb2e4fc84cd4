/**
 * How well the corpus supports a question, for abstention. Three signals, weighted by how rare
 * each word is in the corpus:
 * - coverage: the share of the question's topic a passage contains (syllables, and the
 *   syllable pairs the corpus uses as words);
 * - unknown words: topic words the corpus never uses (with diacritics when the question has
 *   them: "lương" is not "lượng");
 * - pair fit: adjacent topic words that the corpus also writes side by side. A question made
 *   of corpus syllables in foreign combinations ("phụ cấp", "giá vé", "dân số") is off-corpus.
 */
import { CONTEXT_SEPARATOR } from '../../../ingest/chunk/index.js';
import { syllableClauses, pairTerm } from '../../../ingest/store/lexical-tokenize.js';
import type { Chunk } from '../../../ingest/types.js';
import { inverseFrequency, type Lexicon } from '../query/lexicon.js';
import { STOP_WORDS } from '../query/stopwords.js';
import { withSpellings } from './spellings.js';
import type { ParsedQuery } from '../query/understand.js';

const HEADING = /^(?:[IVX]+|\d{1,3}|[a-zđ])[.)]\s|^(?:chương|mục|điều|phần|khoản)\s/i;

/**
 * The section headings above a passage ("I. MỤC ĐÍCH, YÊU CẦU"), from its context. The
 * document's title is left out (every passage shares it), and so is an item's own first
 * sentence, which would lend every sentence of the item its words.
 */
export function enclosingHeadings(chunk: Chunk): string {
  const path = chunk.context.split(CONTEXT_SEPARATOR).filter((segment) => HEADING.test(segment.trim()));
  return (chunk.kind === 'item' ? path.slice(0, -1) : path).join('\n');
}

/** The syllables and pairs of a passage (folded). */
export interface PassageTerms {
  syllables: Set<string>;
  pairs: Set<string>;
}

/** Folded syllables and within-clause pairs of `text`. */
export function passageTerms(text: string): PassageTerms {
  const syllables = new Set<string>();
  const pairs = new Set<string>();
  for (const clause of syllableClauses(withSpellings(text))) {
    clause.forEach((syllable, index) => {
      syllables.add(syllable);
      if (index + 1 < clause.length) pairs.add(pairTerm(syllable, clause[index + 1]));
    });
  }
  return { syllables, pairs };
}

/**
 * Share of the question's topic weight found in the passage: each topic syllable weighs its
 * inverse frequency; each topic pair the corpus knows as a pair weighs the lighter of its two.
 * 1 when the topic is empty (nothing to miss).
 */
export function topicCoverage(words: readonly string[], pairs: readonly string[], passage: PassageTerms, lexicon: Lexicon): number {
  const topic = weighedTopic(words, pairs, lexicon);
  if (topic.total === 0) return 1;
  // Same order of additions as the weighing, so the sums are bit-for-bit those of summing inline.
  let found = 0;
  for (let i = 0; i < topic.words.length; i++) if (passage.syllables.has(topic.words[i])) found += topic.wordWeights[i];
  for (let i = 0; i < topic.pairs.length; i++) if (passage.pairs.has(topic.pairs[i])) found += topic.pairWeights[i];
  return found / topic.total;
}

/** A topic's words and known pairs with their weights, and the sum of those weights. */
interface WeighedTopic {
  lexicon: Lexicon;
  pairsOf: readonly string[];
  words: readonly string[];
  wordWeights: number[];
  pairs: string[];
  pairWeights: number[];
  total: number;
}

/**
 * Weighs a topic once per question: one question scores the same topic arrays against hundreds
 * of passages and sentences, and looking up and splitting every weight again dominated the
 * answer time. Cached by the (readonly) words array; checked against the pairs and lexicon.
 */
const weighedTopics = new WeakMap<readonly string[], WeighedTopic[]>();
/** Weighings kept per words array: the same words go with a few pairs arrays (the topic's, none). */
const WEIGHINGS_PER_WORDS = 4;

function weighedTopic(words: readonly string[], pairs: readonly string[], lexicon: Lexicon): WeighedTopic {
  let kept = weighedTopics.get(words);
  if (kept) {
    for (const cached of kept) if (cached.pairsOf === pairs && cached.lexicon === lexicon) return cached;
  } else {
    weighedTopics.set(words, (kept = []));
  }
  let total = 0;
  const wordWeights = words.map((word) => {
    const weight = inverseFrequency(lexicon, word);
    total += weight;
    return weight;
  });
  const known: string[] = [];
  const pairWeights: number[] = [];
  for (const pair of pairs) {
    if (!lexicon.pairs.has(pair)) continue;
    const [left, right] = pair.split(' ');
    const weight = Math.min(inverseFrequency(lexicon, left), inverseFrequency(lexicon, right));
    total += weight;
    known.push(pair);
    pairWeights.push(weight);
  }
  const topic: WeighedTopic = { lexicon, pairsOf: pairs, words: [...words], wordWeights, pairs: known, pairWeights, total };
  if (kept.length >= WEIGHINGS_PER_WORDS) kept.shift();
  kept.push(topic);
  return topic;
}

/** The weight of a word the corpus never uses: above the rarest word it does use. */
const UNKNOWN_WEIGHT = (lexicon: Lexicon): number => inverseFrequency(lexicon, '\u0000');

/** Corpus-wide signals of a question, independent of any passage. */
export interface QuerySignals {
  /** Share of topic weight in words the corpus never uses. */
  unknownShare: number;
  /** Share of adjacent topic pairs the corpus also writes side by side; 1 without pairs. */
  pairFit: number;
  /** Number of adjacent topic pairs. */
  pairCount: number;
}

/** Computes the corpus-wide signals. */
export function querySignals(query: ParsedQuery, lexicon: Lexicon): QuerySignals {
  const unknown = unknownWords(query, lexicon);
  let total = 0;
  let missing = 0;
  for (const word of query.topic) {
    // A word unknown with its tone marks ("phụ") weighs as an unknown word, not as its common fold ("phu").
    const weight = unknown.has(word) ? UNKNOWN_WEIGHT(lexicon) : inverseFrequency(lexicon, word);
    total += weight;
    if (unknown.has(word)) missing += weight;
  }
  const known = query.topicPairs.filter((pair) => lexicon.pairs.has(pair)).length;
  return {
    unknownShare: total === 0 ? 0 : missing / total,
    pairFit: query.topicPairs.length === 0 ? 1 : known / query.topicPairs.length,
    pairCount: query.topicPairs.length,
  };
}

/** Passages that must write a pair for it to vouch for a word typed with other tone marks. */
const MIN_VOUCHING_PASSAGES = 2;

/**
 * Topic words (folded) the corpus does not use: absent folded, or — when the question was
 * typed with diacritics — absent with its tone marks and not in a pair the corpus writes
 * ("lương" is unknown; "bồi duỡng", a slip of the tone mark, still meets "bồi dưỡng").
 */
function unknownWords(query: ParsedQuery, lexicon: Lexicon): Set<string> {
  const topic = new Set(query.topic);
  const unknown = new Set<string>();
  for (const word of topic) if (!lexicon.documentFrequency.has(word)) unknown.add(word);
  if (!query.accented) return unknown;
  const repaired = new Set(query.repaired);
  // A pair the corpus writes once ("so do" of some "số đó") is too weak to vouch for a word with other tone marks ("sổ đỏ").
  const paired = new Set(
    query.topicPairs.filter((pair) => lexicon.pairs.has(pair) && lexicon.pairPassages(pair) >= MIN_VOUCHING_PASSAGES).flatMap((pair) => pair.split(' ')),
  );
  query.rawTokens.forEach((raw, index) => {
    if (repaired.has(index) || !topic.has(raw) || (STOP_WORDS.has(raw) && accentedTokenIsPlain(query, index)) || paired.has(raw)) return;
    const accented = query.accentedTokens[index];
    if (accented !== undefined && accented !== raw && !lexicon.accented.has(accented)) unknown.add(raw);
  });
  return unknown;
}

/** Whether the token was typed without tone marks ("do"), so its stop-word reading stands; "đỏ" is not "do". */
function accentedTokenIsPlain(query: ParsedQuery, index: number): boolean {
  return query.accentedTokens[index] === query.rawTokens[index];
}
