/**
 * Answers to general questions: the sentences of the retrieved passages that cover the
 * question's topic best, quoted with the address they stand at. Also the wording of an
 * abstention, which names what the corpus does cover.
 */
import type { Chunk, Registry } from '../../../ingest/types.js';
import type { Lexicon } from '../query/lexicon.js';
import type { ParsedQuery } from '../query/understand.js';
import { enclosingHeadings, passageTerms, topicCoverage, type PassageTerms } from '../retrieval/support.js';
import { documentLabel, placeLabel, shortTitle } from './format.js';
import { splitSentences, type Sentence } from './sentences.js';
import type { ComposeContext } from './task-answers.js';

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
    for (const { sentence, terms } of sentences) {
      const coverage = topicCoverage(query.topic, query.topicPairs, terms, lexicon);
      const others = topicCoverage(query.terms, [], terms, lexicon);
      scored.push({ chunk, sentence, coverage, rank: (1 - PASSAGE_WEIGHT) * coverage + (PASSAGE_WEIGHT * score) / top + TERMS_WEIGHT * others + WHOLE_WEIGHT * whole });
    }
  }
  return scored.sort((a, b) => b.rank - a.rank || a.sentence.start - b.sentence.start);
}

/** A passage's terms and its sentences with theirs, each read with the passage's headings. */
interface PassageSentences {
  whole: PassageTerms;
  sentences: ReadonlyArray<{ sentence: Sentence; terms: PassageTerms }>;
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

/**
 * The best sentence, and a second one when it adds topic words the first lacks (a question
 * spanning two clauses of one item).
 */
export function composeContentAnswer(context: ComposeContext, query: ParsedQuery, ranked: readonly ScoredSentence[], lexicon: Lexicon): string {
  const [best, ...rest] = ranked;
  if (!best) return '';
  const chosen = [best];
  const second = rest.find((item) => item.chunk.id === best.chunk.id && item.coverage >= best.coverage * 0.6);
  if (second) {
    const both = passageTerms(`${enclosingHeadings(best.chunk)}\n${best.sentence.text} ${second.sentence.text}`);
    if (topicCoverage(query.topic, query.topicPairs, both, lexicon) > best.coverage + 0.05) chosen.push(second);
  }
  chosen.sort((a, b) => a.sentence.start - b.sentence.start);
  const document = context.registry.documents.find((doc) => doc.id === best.chunk.documentId);
  const label = document ? documentLabel(document) : 'văn bản';
  const task = context.registry.tasks.find((item) => item.documentId === best.chunk.documentId && (best.chunk.address === item.address || best.chunk.address.startsWith(`${item.address}.`)));
  const where = task ? `${placeLabel(best.chunk.address)} (nhiệm vụ “${shortTitle(task, 10)}”)` : `${placeLabel(best.chunk.address)}${headingNote(context, best.chunk)}`;
  const quotes = chosen.map((item) => `“${item.sentence.text}” ${context.citations.cite(item.chunk.documentId, item.chunk.address, item.sentence.text)}`);
  return `Theo ${label}, ${where}: ${quotes.join(' ')}`;
}

/** " (Sở Nội vụ)" for a section headed by a short title, so that the reader sees whose duty the quote is. */
function headingNote(context: ComposeContext, chunk: Chunk): string {
  const document = context.registry.documents.find((doc) => doc.id === chunk.documentId);
  const heading = document?.sections.find((section) => section.address === chunk.address)?.heading?.trim();
  if (!heading || heading.split(/\s+/).length > 12 || chunk.kind !== 'item') return '';
  return ` (${heading})`;
}

/** The abstention: the corpus does not say, and what it does cover. */
export function abstentionAnswer(registry: Registry): string {
  const plan = registry.documents.find((doc) => doc.type === 'ke-hoach') ?? registry.documents[0];
  const name = plan ? `${documentLabel(plan)} “${plan.header.title ?? plan.title}”` : 'các văn bản đã nạp';
  return (
    'Các văn bản đã nạp không đề cập đến nội dung này, nên trợ lý không trả lời để tránh đưa thông tin không có căn cứ. ' +
    `Trợ lý trả lời dựa trên ${name}: các nhiệm vụ, đơn vị chủ trì, đơn vị phối hợp, thời hạn thực hiện và các văn bản được dẫn chiếu. ` +
    'Ví dụ: “Ai chủ trì nhiệm vụ 4?”, “Những nhiệm vụ nào có hạn trong tháng 6/2026?”, “Sở Tài chính làm gì trong Kế hoạch?”.'
  );
}
