/**
 * Finding the task a question describes ("ai chủ trì rà soát khung năng lực" → II.4): hybrid
 * retrieval restricted to the chunks of task items, then each candidate task scored by how
 * much of the question's topic its text covers. The coverage decides between close ranks and
 * is the support score of the answer.
 */
import type { CorpusDocument, Task } from '../../../ingest/types.js';
import { documentById } from '../registry-lookup.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { namedLoadedIds } from '../query/document-mentions.js';
import { hybridSearch } from './hybrid.js';
import { topicCoverage, type PassageTerms } from './support.js';
import { foldedTokens } from '../../../common/text-key.js';

export interface TaskCandidate {
  task: Task;
  /** Fused retrieval score of the task's best chunk. */
  score: number;
  /** Share of the topic the task's text covers (0..1). */
  coverage: number;
}

/** Weight of coverage against the normalized retrieval score when ranking candidates. */
const COVERAGE_WEIGHT = 0.6;
/**
 * Extra weight of the topic's coverage by the task's first clause: what a task is about comes
 * first ("Thực hiện việc tuyển dụng …" is the recruitment task; II.2 only mentions recruitment
 * at the end of a list).
 */
const HEAD_WEIGHT = 0.25;

/** The text a question words searches with: topic and genre words, else the whole expanded question. */
export function searchText(query: ParsedQuery): string {
  return query.terms.length > 0 ? query.terms.join(' ') : query.expanded.join(' ');
}

/**
 * Candidate tasks for the question's topic, best first. `allowed` restricts the candidates
 * (the tasks of one unit, say).
 */
export async function findTasksByTopic(environment: AnswerEnvironment, query: ParsedQuery, allowed?: ReadonlySet<Task>): Promise<TaskCandidate[]> {
  const hits = await hybridSearch(environment.index, searchText(query), {
    k: 20,
    filter: (chunk) => {
      const task = environment.taskByChunkId.get(chunk.id);
      return task !== undefined && (!allowed || allowed.has(task));
    },
  });
  const best = new Map<Task, { score: number }>();
  for (const hit of hits) {
    const task = environment.taskByChunkId.get(hit.chunk.id) as Task;
    const entry = best.get(task) ?? { score: 0 };
    entry.score = Math.max(entry.score, hit.score);
    best.set(task, entry);
  }
  const top = Math.max(...[...best.values()].map((entry) => entry.score), Number.EPSILON);
  const candidates = [...best.entries()].map(([task, entry]) => ({
    task,
    score: entry.score,
    coverage: topicCoverage(query.topic, query.topicPairs, taskTerms(environment, task), environment.query.lexicon),
  }));
  const { lexicon } = environment.query;
  // Ranked by the topic beside the words of the task's document title: every task of a plan on
  // "cán bộ, công chức xây dựng chính sách, pháp luật" is about those words, so they cannot tell
  // its tasks apart ("… chủ trì việc ra mắt AI pháp luật" is III.7's launch, not III.1).
  const own = new Map(candidates.map((candidate) => [candidate, ownCoverage(environment, query, candidate)]));
  const rank = (candidate: TaskCandidate): number =>
    COVERAGE_WEIGHT * (own.get(candidate) ?? candidate.coverage) +
    (1 - COVERAGE_WEIGHT) * (candidate.score / top) +
    HEAD_WEIGHT * topicCoverage(query.topic, query.topicPairs, taskHeadTerms(environment, candidate.task), lexicon);
  return candidates.sort((a, b) => rank(b) - rank(a));
}

/**
 * The task's coverage of the topic beside its document's title words; its plain coverage when
 * the topic is all title words (then nothing else tells the tasks apart).
 */
function ownCoverage(environment: AnswerEnvironment, query: ParsedQuery, candidate: TaskCandidate): number {
  const beside = besideDocumentTitle(environment, query, candidate.task.documentId);
  return beside === query ? candidate.coverage : topicCoverage(beside.topic, beside.topicPairs, taskTerms(environment, candidate.task), environment.query.lexicon);
}

/**
 * The question with its topic beside the words of a document's title (and the pairs that keep
 * a word beyond them), when the question names that document; the question itself otherwise,
 * or when the topic holds no title word, or nothing else.
 */
export function besideDocumentTitle(environment: AnswerEnvironment, query: ParsedQuery, documentId: string): ParsedQuery {
  // Only words that name the document the question names ("Trong kế hoạch nâng cao năng lực … của Bắc Ninh, …").
  if (!query.documents.some((mention) => mention.document.document?.id === documentId)) return query;
  // Once per question and document: the task finder asks for every candidate, and the same topic
  // arrays let `topicCoverage` weigh them once.
  const document = documentById(environment.registry.documents, documentId);
  // A document not in the environment has no title words to leave out.
  if (!document) return query;
  let byDocument = besideTitles.get(query);
  if (!byDocument) besideTitles.set(query, (byDocument = new Map()));
  let beside = byDocument.get(document);
  if (!beside) {
    const title = titleWords(document);
    const topic = query.topic.filter((word) => !title.has(word));
    const topicPairs = query.topicPairs.filter((pair) => pair.split(' ').some((word) => !title.has(word)));
    beside = topic.length === 0 || topic.length === query.topic.length ? query : { ...query, topic, topicPairs };
    byDocument.set(document, beside);
  }
  return beside;
}

/**
 * The question without the words of the one loaded document it names, in its topic and its
 * terms: for telling that document's passages apart, which all share its title's words.
 */
export function besideNamedTitle(environment: AnswerEnvironment, query: ParsedQuery): ParsedQuery {
  const named = namedLoadedIds(query.documents);
  if (named.length !== 1) return query;
  const beside = besideDocumentTitle(environment, query, named[0]);
  if (beside === query) return query;
  const document = documentById(environment.registry.documents, named[0]);
  if (!document) return query;
  const title = titleWords(document);
  const keep = (word: string): boolean => !title.has(word) || beside.topic.includes(word);
  return { ...beside, terms: query.terms.filter(keep), contextTerms: query.contextTerms.filter(keep) };
}

/** The question beside each named document's title words, per parsed question (it lives as long as the question). */
const besideTitles = new WeakMap<ParsedQuery, Map<CorpusDocument, ParsedQuery>>();

/** Folded words of each document's title, once per document (a scoped registry is made per question; its documents are not). */
const titleWordsCache = new WeakMap<CorpusDocument, Set<string>>();

function titleWords(document: CorpusDocument): Set<string> {
  let words = titleWordsCache.get(document);
  if (!words) {
    words = new Set(foldedTokens(document.header.title ?? document.title));
    titleWordsCache.set(document, words);
  }
  return words;
}

/** Syllables and pairs of a task's whole text (all its chunks at once). */
export function taskTerms(environment: AnswerEnvironment, task: Task): PassageTerms {
  return environment.textTerms(`task:${task.documentId}#${task.address}`, () => task.text);
}

/** Words of a task's opening kept as its head. */
const HEAD_WORDS = 12;

/**
 * Syllables and pairs of a task's opening words (up to the first ";" and at most
 * {@link HEAD_WORDS} words): what the task is about, before the details.
 */
export function taskHeadTerms(environment: AnswerEnvironment, task: Task): PassageTerms {
  return environment.textTerms(`task-head:${task.documentId}#${task.address}`, () =>
    task.title.split(/[;:]/)[0].split(/\s+/).slice(0, HEAD_WORDS).join(' '),
  );
}
