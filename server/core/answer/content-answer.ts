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
import { answerNeed, answerSpan, namesActor, spanPrecision, type AnswerNeed } from '../read/spans.js';
import type { ComposeContext } from './task-answers.js';
import { foldedWords, longestSharedRun } from './shared-run.js';

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

/** How much less of the topic a sentence holding the asked-for span may cover than the best sentence. */
const SPAN_SLACK = 0.15;

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
  for (const item of ranked) {
    if (item.coverage < best.coverage - SPAN_SLACK) continue;
    const span = answerSpan(need, item.sentence.text, counted);
    const value = span === null ? 0 : spanPrecision(need, span);
    if (value === 0 || value < precision) continue;
    const itemRun = questionWords && need === 'who' && value === precision ? longestSharedRun(questionWords, foldedWords(item.sentence.text)) : 0;
    if (value > precision || itemRun > run) {
      holder = item;
      precision = value;
      run = questionWords && need === 'who' ? (itemRun || longestSharedRun(questionWords, foldedWords(item.sentence.text))) : 0;
    }
  }
  return holder ? [holder, ...ranked.filter((item) => item !== holder)] : [...ranked];
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
  const [top, ...rest] = ranked;
  if (!top) return '';
  // "… gồm những gì?" answered by one item of a list: the list's lead-in and all its items answer it.
  const lead = LIST_QUESTION.test(query.key) && !/:\s*$/.test(top.sentence.text) ? leadInBefore(top) : null;
  const best = lead ?? top;
  const chosen = [best];
  const second = lead ? undefined : rest.find((item) => item.chunk.id === best.chunk.id && item.coverage >= best.coverage * 0.6);
  if (second) {
    const both = passageTerms(`${enclosingHeadings(best.chunk)}\n${best.sentence.text} ${second.sentence.text}`);
    if (topicCoverage(query.topic, query.topicPairs, both, lexicon) > best.coverage + 0.05) chosen.push(second);
  }
  chosen.sort((a, b) => a.sentence.start - b.sentence.start);
  const document = context.registry.documents.find((doc) => doc.id === best.chunk.documentId);
  const label = document ? documentLabel(document) : 'văn bản';
  const task = context.registry.tasks.find((item) => item.documentId === best.chunk.documentId && (best.chunk.address === item.address || best.chunk.address.startsWith(`${item.address}.`)));
  const where = task ? `${placeLabel(best.chunk.address)} (nhiệm vụ “${shortTitle(task, 10)}”)` : `${placeLabel(best.chunk.address)}${headingNote(context, best.chunk, answerNeed(query.key) === 'who')}`;
  const last = chosen[chosen.length - 1];
  const items = listItems(last);
  if (items.length > 0) {
    // "… gồm các mức sau:": the lead-in says nothing by itself; the items it introduces are the answer.
    const end = items[items.length - 1].end - last.chunk.span.start;
    const quote = last.chunk.text.slice(last.sentence.start - last.chunk.span.start, end);
    const marker = context.citations.cite(last.chunk.documentId, last.chunk.address, quote);
    return [`Theo ${label}, ${where}: “${last.sentence.text}” ${marker}`, ...items.map((item) => `- ${item.text}`)].join('\n');
  }
  const quotes = chosen.map((item) => `“${item.sentence.text}” ${context.citations.cite(item.chunk.documentId, item.chunk.address, item.sentence.text)}`);
  return `Theo ${label}, ${where}: ${quotes.join(' ')}`;
}

/** "những … nào", "gồm những gì", "bao gồm", "các … nào", "what are": the question asks for a list. */
const LIST_QUESTION = /\b(?:nhung|cac)\b.*\bnao\b|\bgom\b|\bnhung (?:[a-z]+ )?gi\b|\bwhat are\b|\bwhich (?:forms|types|levels|kinds)\b/;

/** Whether the question asks for a list ("những hình thức nào", "gồm những gì", "what are"). */
export function asksForList(query: ParsedQuery): boolean {
  return LIST_QUESTION.test(query.key);
}

/** The sentence ending in ":" that introduces the list `item` belongs to, in the same passage; null when none. */
function leadInBefore(item: ScoredSentence): ScoredSentence | null {
  const before = splitSentences(item.chunk.text, item.chunk.span.start).filter((sentence) => sentence.start < item.sentence.start);
  for (let index = before.length - 1; index >= 0; index -= 1) {
    if (/:\s*$/.test(before[index].text)) return { ...item, sentence: before[index] };
  }
  return null;
}

/** Most items of a list quoted after its lead-in. */
const LIST_ITEMS = 12;

/**
 * The items a sentence ending in ":" introduces: the lines after it in its passage, up to the
 * next heading-like line; none when the sentence introduces nothing.
 */
function listItems(lead: ScoredSentence): Sentence[] {
  if (!/:\s*$/.test(lead.sentence.text)) return [];
  const { chunk } = lead;
  const rest = chunk.text.slice(lead.sentence.end - chunk.span.start);
  const lines: Sentence[] = [];
  let offset = lead.sentence.end;
  for (const line of rest.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const text = line.trim();
    if (text === '') continue;
    if (/^(?:Điều|Chương|Mục)\s+\d/u.test(text) || lines.length >= LIST_ITEMS) break;
    const lead = start + line.indexOf(text);
    lines.push({ text, start: lead, end: lead + text.length });
  }
  return lines;
}

/** " (Sở Nội vụ)" for a section headed by a short title, so that the reader sees whose duty the quote is. */
function headingNote(context: ComposeContext, chunk: Chunk, actorWanted = false): string {
  const document = context.registry.documents.find((doc) => doc.id === chunk.documentId);
  const heading = document?.sections.find((section) => section.address === chunk.address)?.heading?.trim();
  if (!heading) return '';
  // "Ai phải …?" answered under a heading that names whom the section addresses ("1. Thủ trưởng các sở, …"): the heading says who.
  if (actorWanted && namesActor(heading) && heading.split(/\s+/).length <= ACTOR_HEADING_WORDS) return ` (${heading})`;
  if (heading.split(/\s+/).length > 12 || chunk.kind !== 'item') return '';
  return ` (${heading})`;
}

/** Longest heading quoted as the actor a section addresses. */
const ACTOR_HEADING_WORDS = 24;

/** Most documents an abstention names one by one; beyond it they are counted by type. */
const LISTED_DOCUMENTS = 4;

/**
 * The abstention: the loaded documents do not say, and what they do cover — built from the
 * registry (each document by name, and whether it sets tasks or clauses of duties), never
 * from fixed examples.
 */
export function abstentionAnswer(registry: Registry): string {
  const lead = 'Các văn bản đã nạp không đề cập đến nội dung này, nên trợ lý không trả lời để tránh đưa thông tin không có căn cứ.';
  if (registry.documents.length === 0) return `${lead} Chưa có văn bản nào được nạp.`;
  const counts = countsByDocument(registry);
  const covered = registry.documents.slice(0, LISTED_DOCUMENTS).map((document) => {
    const tasks = counts.tasks.get(document.id) ?? 0;
    const duties = counts.duties.get(document.id) ?? 0;
    const what = tasks > 0 ? `${tasks} nhiệm vụ với đơn vị chủ trì, phối hợp và thời hạn` : duties > 0 ? `${duties} quy định về trách nhiệm của các cơ quan, đơn vị` : `${document.sections.length} mục`;
    return `${documentLabel(document)} “${shortText(document.header.title ?? document.title)}” (${what})`;
  });
  const more = registry.documents.length - covered.length;
  const rest = more > 0 ? ` và ${more} văn bản khác (xem danh sách văn bản)` : '';
  return `${lead} Trợ lý trả lời dựa trên: ${covered.join('; ')}${rest}.`;
}

/**
 * Tasks and obligations per document, counted once per registry: an abstention names what each
 * document covers, and filtering every task per abstention cost ~200 ms at 100k chunks.
 */
const countsCache = new WeakMap<Registry, { tasks: Map<string, number>; duties: Map<string, number> }>();

function countsByDocument(registry: Registry): { tasks: Map<string, number>; duties: Map<string, number> } {
  let counts = countsCache.get(registry);
  if (!counts) {
    counts = { tasks: new Map(), duties: new Map() };
    for (const task of registry.tasks) counts.tasks.set(task.documentId, (counts.tasks.get(task.documentId) ?? 0) + 1);
    for (const obligation of registry.obligations) counts.duties.set(obligation.documentId, (counts.duties.get(obligation.documentId) ?? 0) + 1);
    countsCache.set(registry, counts);
  }
  return counts;
}

function shortText(text: string, words = 14): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ');
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')} …`;
}
