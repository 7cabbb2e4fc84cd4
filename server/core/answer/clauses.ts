/**
 * Tasks against clauses: a passage outside the tasks (a decree's clause) may answer a question
 * better than the task found by its description. Both kinds of candidate compete: these gather
 * the clauses, read them, and decide when the clause wins (the answer stage orchestrates the
 * stages in order; no stage calls back into an earlier one).
 */
import type { Chunk, LoadedIndex } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { hybridSearch, type PassageHit } from '../retrieval/hybrid.js';
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
  within?: (chunk: Chunk) => boolean,
): Promise<boolean> {
  if (taskCoverage >= 1 - CLAUSE_MARGIN) return false;
  // Within a part of the corpus (one document's clauses, another's), the search is its own.
  const outside = outsideTasks(environment);
  const hits = within
    ? await hybridSearch(environment.index, query.terms.join(' '), { k: CONTENT_PASSAGES, filter: (chunk) => outside(chunk) && within(chunk) })
    : await clauseHits(environment, query, CONTENT_PASSAGES);
  const [best] = rankSentences(query, hits, environment.query.lexicon);
  return best !== undefined && best.coverage > taskCoverage + CLAUSE_MARGIN;
}

/** Whether a passage outside the tasks covers the topic well enough and holds the span the question asks for. */
export async function clauseStates(environment: AnswerEnvironment, query: ParsedQuery, need: AnswerNeed): Promise<boolean> {
  const hits = await clauseHits(environment, query, SPAN_PASSAGES);
  const [best] = preferAnswering(need, rankSentences(query, hits, environment.query.lexicon));
  return best !== undefined && answerSpan(need, best.sentence.text) !== null && unsupportedReason(query, best.coverage, environment.query.lexicon) === null;
}

/**
 * The clauses a question gathered, by the index view it searched (one per scope) and the number
 * of passages read. Keyed by the parsed question, made once per question: nothing outlives it.
 */
const gathered = new WeakMap<ParsedQuery, Map<LoadedIndex, Map<number, Promise<PassageHit[]>>>>();

/**
 * The `k` passages outside the tasks that best match the question's topic. A question reads
 * them up to three times (`clauseCovers`, `clauseStates`, the content answer), at two depths:
 * the deepest read ({@link SPAN_PASSAGES}) is gathered first, so the question's index view
 * (`questionIndex`) serves the shallower read's searches from that one gathering, and each
 * depth's ranking is kept for the rest of the question. Same hits as a search of `k` alone.
 */
export function clauseHits(environment: AnswerEnvironment, query: ParsedQuery, k: number): Promise<PassageHit[]> {
  const { index } = environment;
  let byIndex = gathered.get(query);
  if (!byIndex) gathered.set(query, (byIndex = new Map()));
  let byDepth = byIndex.get(index);
  if (!byDepth) byIndex.set(index, (byDepth = new Map()));
  const known = byDepth.get(k);
  if (known) return known;
  const first = k < SPAN_PASSAGES ? clauseHits(environment, query, SPAN_PASSAGES) : Promise.resolve([]);
  const hits = first.then(() => hybridSearch(index, query.terms.join(' '), { k, filter: outsideTasks(environment) }));
  byDepth.set(k, hits);
  return hits;
}

/** Passages outside every task item: where a question no task answers may still be answered. */
export function outsideTasks(environment: AnswerEnvironment): (chunk: Chunk) => boolean {
  return (chunk) => !environment.taskByChunkId.has(chunk.id);
}
