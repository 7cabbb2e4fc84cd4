/**
 * Stage "read" for general questions: the sentences of the gathered passages, scored by how
 * much of the question's topic each covers (with its passage's headings), and the one holding
 * what the question asks for (a time, a length, a count, an actor) brought first.
 */
import type { Chunk } from '../../../ingest/types.js';
import type { Lexicon } from '../query/lexicon.js';
import type { ParsedQuery } from '../query/understand.js';
import { enclosingHeadings, passageTerms, topicCoverage, type PassageTerms } from '../retrieval/support.js';
import { hasItemMarker, splitSentences, type Sentence } from './sentences.js';
import { answerSpan, spanPrecision, type AnswerNeed } from './spans.js';
import { foldedWords, longestSharedRun } from './shared-run.js';
import { contradicts } from '../query/contrasts.js';
import { accentedKey, wordTokens } from '../../../common/text-key.js';

/** A sentence of a passage with how much of the topic it covers. */
export interface ScoredSentence {
  chunk: Chunk;
  sentence: Sentence;
  coverage: number;
}

/** Weight of the passage's retrieval score beside the sentence's coverage. */
const PASSAGE_WEIGHT = 0.3;
/**
 * Weight of the question's other words ("kế hoạch", "thực hiện") in a sentence: small, so it
 * only breaks ties between sentences that cover the topic equally ("funding for the plan" →
 * "bố trí kinh phí thực hiện kế hoạch", not another sentence that merely says "kinh phí").
 */
const TERMS_WEIGHT = 0.1;

/**
 * Weight of the whole passage's coverage: a topic split over two clauses of one item ("năng
 * lực yếu kém" in one, "cán bộ, công chức" in the other) prefers that item's sentences to a
 * sentence elsewhere that covers more of the topic's common words alone.
 */
const WHOLE_WEIGHT = 0.15;

/**
 * Best sentences first. A sentence is scored by the topic it covers together with its
 * passage's headings ("I. MỤC ĐÍCH, YÊU CẦU" answers "mục đích"), plus its passage's rank.
 */
export function rankSentences(query: ParsedQuery, passages: ReadonlyArray<{ chunk: Chunk; score: number }>, lexicon: Lexicon): ScoredSentence[] {
  const top = Math.max(Number.EPSILON, ...passages.map((passage) => passage.score));
  const scored: Array<ScoredSentence & { rank: number }> = [];
  for (const { chunk, score } of passages) {
    const { whole: wholeTerms, sentences } = passageSentences(chunk);
    const whole = topicCoverage(query.topic, query.topicPairs, wholeTerms, lexicon);
    for (const item of sentences) {
      const { sentence, terms } = item;
      const coverage = topicCoverage(query.topic, query.topicPairs, terms, lexicon);
      const others = topicCoverage(query.contextTerms, NO_PAIRS, terms, lexicon);
      const contrary = query.contrasts.length > 0 && contradicts(query.contrasts, (item.accented ??= wordTokens(accentedKey(withPointLine(chunk, sentence)))));
      const numbers = query.numbers.length > 0 ? NUMBER_WEIGHT * sharedNumbers(query.numbers, sentence.text) : 0;
      const rank = (1 - PASSAGE_WEIGHT) * coverage + (PASSAGE_WEIGHT * score) / top + TERMS_WEIGHT * others + WHOLE_WEIGHT * whole + numbers - (contrary ? CONTRARY_PENALTY : 0);
      scored.push({ chunk, sentence, coverage, rank });
    }
  }
  return scored.sort((a, b) => b.rank - a.rank || a.sentence.start - b.sentence.start);
}

/**
 * What a sentence loses when it names only another member of a contrast group the question
 * names ("… thuộc tỉnh" for a question on "… thuộc xã"): more than the passage rank and the
 * other words can give, less than a topic word.
 */
const CONTRARY_PENALTY = 0.2;

/** Weight of the question's numbers written in a sentence ("chưa đủ 6 tháng" → "chưa đủ 06 tháng"): a tie-break. */
const NUMBER_WEIGHT = 0.1;

/** Share of the question's numbers the sentence writes, leading zeros aside. */
function sharedNumbers(numbers: readonly string[], text: string): number {
  const written = new Set((text.match(/(?<![\d/.,-])\d{1,3}(?![\d/.,-]\d)/g) ?? []).map((digits) => String(Number(digits))));
  return numbers.filter((number) => written.has(number)).length / numbers.length;
}

/**
 * A sentence with the first line of the point it stands in ("a) Vòng 1: …" above "Thời gian thi:
 * 60 phút."): the point's line says which member of a group the sentence is about.
 */
function withPointLine(chunk: Chunk, sentence: Sentence): string {
  const before = chunk.text.slice(0, Math.max(0, sentence.start - chunk.span.start));
  const lines = before.split('\n');
  // The sentence's own line is the point's when it is numbered ("a) …: Tỷ lệ là 100%;").
  const own = `${lines[lines.length - 1]}${sentence.text}`.trim();
  if (hasItemMarker(own)) return own;
  for (let index = lines.length - 2; index >= 0; index -= 1) {
    const line = lines[index].trim();
    if (hasItemMarker(line)) return `${line}\n${sentence.text}`;
  }
  return sentence.text;
}

/** No pairs, one array for every call: the topic's weights are kept per words-and-pairs arrays (see `topicCoverage`). */
const NO_PAIRS: readonly string[] = [];

/** How much less of the topic a sentence holding the asked-for span may cover than the best sentence. */
const SPAN_SLACK = 0.15;
/** The slack for a sentence holding a day (precision 4, see `spanPrecision`). */
const DAY_SLACK = 0.25;
const DAY_PRECISION = 4;

/**
 * The ranking with, first, the best sentence that holds what the question asks for (a time for
 * "khi nào", a length for "bao lâu", a figure for "bao nhiêu", an actor for "ai") when it covers
 * the topic almost as well as the best sentence; the ranking unchanged otherwise. Between
 * actors, the one writing more of the question's words in one run wins when `questionWords`
 * are given ("… đối với Ủy ban nhân dân cấp xã" names the object asked about).
 */
export function preferAnswering(
  need: AnswerNeed,
  ranked: readonly ScoredSentence[],
  questionWords?: readonly string[],
  counted: readonly string[] | null = null,
): ScoredSentence[] {
  const [best] = ranked;
  if (!best || need === 'what') return [...ranked];
  let holder: ScoredSentence | null = null;
  let precision = 0;
  let run = 0;
  const neighbours = neighbourCoverage(ranked);
  for (const ranking of ranked) {
    // A sentence whose neighbour in its passage carries the topic counts with it: "… trường hợp
    // công chức không nhất trí … có quyền kiến nghị." then "… phải giải quyết kiến nghị trong thời hạn 07 ngày làm việc …".
    const coverage = Math.max(ranking.coverage, neighbours.get(ranking) ?? 0);
    if (coverage < best.coverage - DAY_SLACK) continue;
    const own = answerSpan(need, ranking.sentence.text, counted);
    const runOn = own === null ? withSpanAfter(ranking, need, counted) : null;
    const item = runOn?.item ?? ranking;
    const span = runOn ? runOn.span : own;
    const value = span === null ? 0 : spanPrecision(need, span);
    // A day ("chậm nhất ngày 30 tháng 6 năm 2026") answers "when" so much better than "hằng năm" that it may cover a little less.
    if (coverage < best.coverage - (value >= DAY_PRECISION ? DAY_SLACK : SPAN_SLACK)) continue;
    if (value === 0 || value < precision) continue;
    const itemRun = questionWords && need === 'who' && value === precision ? longestSharedRun(questionWords, foldedWords(item.sentence.text)) : 0;
    if (value > precision || itemRun > run) {
      holder = item;
      precision = value;
      run = questionWords && need === 'who' ? (itemRun || longestSharedRun(questionWords, foldedWords(item.sentence.text))) : 0;
    }
  }
  return holder ? [holder, ...ranked.filter((item) => item.sentence.start !== holder?.sentence.start || item.chunk !== holder.chunk)] : [...ranked];
}

/** How much of a neighbour's coverage a sentence borrows: a little less than its own would be. */
const NEIGHBOUR_SHARE = 0.9;

/** Each sentence's best neighbour coverage (the sentence before or after it in its passage), discounted. */
function neighbourCoverage(ranked: readonly ScoredSentence[]): Map<ScoredSentence, number> {
  const byChunk = new Map<Chunk, ScoredSentence[]>();
  for (const item of ranked) {
    const items = byChunk.get(item.chunk);
    if (items) items.push(item);
    else byChunk.set(item.chunk, [item]);
  }
  const result = new Map<ScoredSentence, number>();
  for (const items of byChunk.values()) {
    const ordered = items.sort((a, b) => a.sentence.start - b.sentence.start);
    ordered.forEach((item, index) => {
      const around = [ordered[index - 1], ordered[index + 1]].filter((other): other is ScoredSentence => other !== undefined);
      result.set(item, Math.max(0, ...around.map((other) => other.coverage * NEIGHBOUR_SHARE)));
    });
  }
  return result;
}

/** Clauses after a sentence ending in ";" that one item may still run on to, looking for the span. */
const RUN_ON_CLAUSES = 2;

/**
 * The sentence run on through the next clauses of its line to the one holding the span, when
 * it ends in ";" (one item written as clauses: "… ban hành tiêu chí cụ thể …; tiêu chí chung …,
 * hoàn thành chậm nhất ngày 30 tháng 6 năm 2026"). The quote stays one verbatim slice of the
 * passage, returned with its span. Null when the sentence ends its line, or no clause within
 * reach holds the span.
 */
function withSpanAfter(item: ScoredSentence, need: AnswerNeed, counted: readonly string[] | null): { item: ScoredSentence; span: string | null } | null {
  const { chunk, sentence } = item;
  if (!sentence.text.endsWith(';')) return null;
  const from = sentence.start - chunk.span.start;
  const to = sentence.end - chunk.span.start;
  if (chunk.text.slice(from, to) !== sentence.text) return null;
  const lineEnd = chunk.text.indexOf('\n', to);
  const rest = chunk.text.slice(to, lineEnd === -1 ? chunk.text.length : lineEnd);
  const clauses = splitSentences(rest, to).slice(0, RUN_ON_CLAUSES);
  for (const clause of clauses) {
    if (answerSpan(need, clause.text, counted) === null) continue;
    const text = chunk.text.slice(from, clause.end);
    // The span is read on the whole run-on text, as the ranking reads any sentence.
    return { item: { ...item, sentence: { text, start: sentence.start, end: chunk.span.start + clause.end } }, span: answerSpan(need, text, counted) };
  }
  return null;
}

/** A passage's terms and its sentences with theirs, each read with the passage's headings. */
interface PassageSentences {
  whole: PassageTerms;
  /** `accented`: the sentence's accented words, read on the first question naming a contrast. */
  sentences: ReadonlyArray<{ sentence: Sentence; terms: PassageTerms; accented?: string[] }>;
}

/**
 * Split and folded once per chunk, not once per question: the same passages come back for many
 * questions, and re-tokenizing every sentence was most of a content answer's time. Keyed by
 * the chunk object, so the cache goes with the index that holds it.
 */
const sentencesByChunk = new WeakMap<Chunk, PassageSentences>();

function passageSentences(chunk: Chunk): PassageSentences {
  let cached = sentencesByChunk.get(chunk);
  if (!cached) {
    const headings = enclosingHeadings(chunk);
    cached = {
      whole: passageTerms(`${headings}\n${chunk.text}`),
      sentences: splitSentences(chunk.text, chunk.span.start).map((sentence) => ({ sentence, terms: passageTerms(`${headings}\n${sentence.text}`) })),
    };
    sentencesByChunk.set(chunk, cached);
  }
  return cached;
}

/** "những … nào", "gồm những gì", "bao gồm", "các … nào", "what are": the question asks for a list. */
const LIST_QUESTION = /\b(?:nhung|cac)\b.*\bnao\b|\bgom\b|\bnhung (?:[a-z]+ ){0,2}gi\b|\bwhat are\b|\bwhich (?:forms|types|levels|kinds)\b/;

/** Whether the question asks for a list ("những hình thức nào", "gồm những gì", "what are"). */
export function asksForList(query: ParsedQuery): boolean {
  return LIST_QUESTION.test(query.key);
}

