/**
 * Tasks against clauses: a passage outside the tasks (a decree's clause) may answer a question
 * better than the task found by its description. Both kinds of candidate compete: these gather
 * the clauses, read them, and decide when the clause wins (the answer stage orchestrates the
 * stages in order; no stage calls back into an earlier one).
 */
import type { Chunk } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { hybridSearch } from '../retrieval/hybrid.js';
import { answerSpan, type AnswerNeed } from '../read/spans.js';
import { preferAnswering, rankSentences } from '../read/rank.js';
import { unsupportedReason } from '../decide/support.js';

/** Passages read for a general question, and for one asking for a span. */
export const CONTENT_PASSAGES = 6;
export const SPAN_PASSAGES = 16;

/** How much more of the topic a clause must cover than the task found by description, to answer instead of it. */
const CLAUSE_MARGIN = 0.1;

/**
 * Whether a passage outside the tasks covers the question's topic clearly better than the
 * task found by its description covers it (`taskCoverage`).
 */
export async function clauseCovers(
  environment: AnswerEnvironment,
  query: ParsedQuery,
  taskCoverage: number,
  within: (chunk: Chunk) => boolean = () => true,
): Promise<boolean> {
  if (taskCoverage >= 1 - CLAUSE_MARGIN) return false;
  const outside = outsideTasks(environment);
  const hits = await hybridSearch(environment.index, query.terms.join(' '), { k: CONTENT_PASSAGES, filter: (chunk) => outside(chunk) && within(chunk) });
  const [best] = rankSentences(query, hits, environment.query.lexicon);
  return best !== undefined && best.coverage > taskCoverage + CLAUSE_MARGIN;
}

/** Whether a passage outside the tasks covers the topic well enough and holds the span the question asks for. */
export async function clauseStates(environment: AnswerEnvironment, query: ParsedQuery, need: AnswerNeed): Promise<boolean> {
  const hits = await hybridSearch(environment.index, query.terms.join(' '), { k: SPAN_PASSAGES, filter: outsideTasks(environment) });
  const [best] = preferAnswering(need, rankSentences(query, hits, environment.query.lexicon));
  return best !== undefined && answerSpan(need, best.sentence.text) !== null && unsupportedReason(query, best.coverage, environment.query.lexicon) === null;
}

/** Passages outside every task item: where a question no task answers may still be answered. */
export function outsideTasks(environment: AnswerEnvironment): (chunk: Chunk) => boolean {
  return (chunk) => !environment.taskByChunkId.has(chunk.id);
}
