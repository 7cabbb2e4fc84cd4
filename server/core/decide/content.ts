/**
 * Stage "decide" for a general question: whether the best sentence read from the gathered
 * passages answers it, in order of the checks below (each says why not), and whether a second
 * document answers it as well. Thresholds and why they hold are in `support.ts`.
 */
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { topicCoverage } from '../retrieval/support.js';
import { answerSpan, type AnswerNeed } from '../read/spans.js';
import { foldedWords } from '../read/shared-run.js';
import { QUESTION_WORDS } from '../query/question-words.js';
import type { KnownDocument } from '../query/document-mentions.js';
import { asksForList, type ScoredSentence } from '../read/rank.js';
import { unloadedOwners } from './unloaded-subject.js';
import { missingYear } from './years.js';
import { MIN_COVERAGE, unanswerableShape, unsupportedReason, writesHead, writesPairs, writesTerms } from './support.js';
import { documentById } from '../registry-lookup.js';

/** What the decide stage says of a general question's candidates. */
export type ContentDecision =
  | { kind: 'answer'; second: ScoredSentence[] | null }
  /** `owners`: the unloaded documents the question asks the content of (the answer says so). */
  | { kind: 'abstain'; reason: string; owners?: KnownDocument[] };

/** Words each side of a figure among which the question's topic must stand. */
const FIGURE_WINDOW = 6;
/**
 * Whether, for a question asking a share ("bao nhiêu phần trăm"), a topic word stands near the
 * figure the sentence answers with; true for other questions and when it holds none (other checks decide).
 */
function figureOnTopic(query: ParsedQuery, text: string, counted: readonly string[] | null): boolean {
  if (!QUESTION_WORDS.shareQuestion.test(query.key)) return true;
  const span = answerSpan('how-many', text, counted);
  if (span === null) return true;
  const at = text.indexOf(span);
  if (at < 0) return true;
  const before = foldedWords(text.slice(0, at)).slice(-FIGURE_WINDOW);
  const after = foldedWords(text.slice(at + span.length)).slice(0, FIGURE_WINDOW);
  const near = new Set([...before, ...foldedWords(span), ...after]);
  const topic = query.topic.filter((word) => !QUESTION_WORDS.figureFrameWords.has(word));
  return topic.length === 0 || topic.some((word) => near.has(word));
}

/** Passages whose coverage counts beside the best sentence's. */
const TOP_PASSAGES = 3;

/** Decides on the ranked sentences of the gathered passages (`hits`, best first). */
export function decideContent(
  environment: AnswerEnvironment,
  query: ParsedQuery,
  hits: ReadonlyArray<{ chunk: { id: string } }>,
  ranked: readonly ScoredSentence[],
  need: AnswerNeed,
  counted: readonly string[] | null,
): ContentDecision {
  const best = ranked[0];
  if (!best) return { kind: 'abstain', reason: 'no-passage' };
  const { lexicon } = environment.query;
  const top = hits.slice(0, TOP_PASSAGES).map((hit) => hit.chunk.id);
  const owners = unloadedOwners(environment, query, top);
  if (owners.length > 0) return { kind: 'abstain', reason: 'unloaded-document', owners };
  const passageCoverage = Math.max(...top.map((id) => topicCoverage(query.topic, query.topicPairs, environment.chunkTerms(id), lexicon)));
  const unsupported = unsupportedReason(query, Math.max(passageCoverage, best.coverage), lexicon) ?? unanswerableShape(query, best.sentence.text);
  if (unsupported) return { kind: 'abstain', reason: unsupported };
  // "Thời hạn … ?" where no sentence covering the topic about as well as the best states a time or a length;
  // "Kỳ thi gồm mấy vòng?", "bao nhiêu cán bộ …?": likewise, a figure of the thing counted.
  if ((need === 'when' || need === 'how-long' || counted) && answerSpan(need, best.sentence.text, counted) === null) return { kind: 'abstain', reason: 'no-span' };
  // "… tỷ lệ số hóa hồ sơ … bao nhiêu phần trăm?" answered by "30% thời gian thực hiện TTHC": the figure is of another thing.
  if (need === 'how-many' && !figureOnTopic(query, best.sentence.text, counted)) return { kind: 'abstain', reason: 'figure-off-topic' };
  const terms = environment.chunkTerms(best.chunk.id);
  // Over several documents a passage shares common words by chance: it must also write the question's word pairs.
  if (environment.registry.documents.length > 1 && !writesPairs(query, terms, lexicon)) return { kind: 'abstain', reason: 'pairs-unwritten' };
  // "Phụ cấp công vụ của công chức cấp xã …": a passage about the possessor alone does not answer for the thing possessed.
  if (!writesHead(query, terms, lexicon)) return { kind: 'abstain', reason: 'head-unwritten' };
  // "… mức tiền thưởng …": a term the question names is written by the passage that answers, not only somewhere.
  if (!writesTerms(query, terms)) return { kind: 'abstain', reason: 'term-unwritten' };
  const document = documentById(environment.registry.documents, best.chunk.documentId);
  if (missingYear(query.question, `${best.chunk.context}\n${best.chunk.text}`, document)) return { kind: 'abstain', reason: 'year-unwritten' };
  return { kind: 'answer', second: secondDocument(environment, query, ranked, need, counted) };
}

/** How much less of the topic another document's best sentence may cover and still be given beside the best. */
const SECOND_DOCUMENT_SLACK = 0.05;

/**
 * The ranking of another document, when its best sentence covers the topic about as well as
 * the best one, holds the span asked for, and its passage writes the question's pairs; else null.
 */
function secondDocument(
  environment: AnswerEnvironment,
  query: ParsedQuery,
  ranked: readonly ScoredSentence[],
  need: AnswerNeed,
  counted: readonly string[] | null,
): ScoredSentence[] | null {
  const [best] = ranked;
  const others = ranked.filter((item) => item.chunk.documentId !== best.chunk.documentId);
  const [first] = others;
  if (!first || first.coverage < Math.max(best.coverage - SECOND_DOCUMENT_SLACK, MIN_COVERAGE)) return null;
  if (need !== 'what' && answerSpan(need, first.sentence.text, counted) === null) return null;
  if (!writesPairs(query, environment.chunkTerms(first.chunk.id), environment.query.lexicon)) return null;
  return others.filter((item) => item.chunk.documentId === first.chunk.documentId);
}

/** "bao nhiêu", "mấy", "how many": a count, which one clause states, not a whole article. */
const COUNT_QUESTION = /\b(?:bao nhieu|may|how many|how much)\b/;

/** Whether an article listed whole may answer: a list question, not a count, a time or an actor ("gồm mấy vòng?"). */
export function articleMayAnswer(query: ParsedQuery, need: AnswerNeed): boolean {
  // "Những người nào không được …?" asks a list of who, which an article lists like any other.
  const listsWho = need === 'who' && NAMES_ITEMS.test(query.key);
  return asksForList(query) && (!COUNT_QUESTION.test(query.key) || NAMES_ITEMS.test(query.key)) && (need === 'what' || need === 'how-many' || listsWho);
}

/** "… mấy mức, gồm những mức nào?": a count that also asks the items by name, which the list answers both. */
const NAMES_ITEMS = /\b(?:nhung|cac) [a-z]+(?: [a-z]+)? nao\b|\bnhung (?:[a-z]+ )?gi\b|\bwhat are\b/;
