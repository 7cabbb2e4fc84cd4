/**
 * Which tasks a task question is about: the ones it names ("nhiệm vụ 4", "II.4"), else the
 * one its words describe (retrieval over task items, checked for support), else the tasks of
 * the previous turn ("Ai chủ trì?" after "Nhiệm vụ số 6 nói về gì?").
 */
import type { Task } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import { CUES } from '../intent/detect.js';
import type { ParsedQuery } from '../query/understand.js';
import { besideDocumentTitle, findTasksByTopic, taskTerms, type TaskCandidate } from '../retrieval/task-finder.js';
import { unsupportedReason } from '../decide/support.js';
import { taskKey } from '../catalog/task-filter.js';
import { activityAt } from '../read/activities.js';
import type { AskBackChoice } from '../types.js';
import type { TurnMemory } from './respond.js';
import { documentLabel, placeLabel, shortTitle } from './format.js';
import { documentById } from '../registry-lookup.js';

export type Resolution =
  /** `coverage` when the tasks were found by their description (not named, not remembered). */
  | { kind: 'tasks'; tasks: Task[]; coverage?: number }
  /** A task was named that does not exist; the message says which do. */
  | { kind: 'missing'; message: string }
  /** A task number that several documents in play have: the message asks which is meant. */
  | { kind: 'ambiguous'; message: string; choices: AskBackChoice[] }
  /** The description matches no task well enough. */
  | { kind: 'unsupported' }
  /** Nothing names or describes a task, and there is no previous turn. */
  | { kind: 'none' };

/** Topics this short may be a follow-up's leftover ("thực hiện việc này"), not a new description. */
const FOLLOW_UP_TOPIC_WORDS = 2;

/** Resolves the tasks of a task intent. */
export async function resolveTasks(environment: AnswerEnvironment, query: ParsedQuery, previous: TurnMemory | null): Promise<Resolution> {
  const named = namedTasks(environment, query, previous);
  if (named) return named;
  const remembered = previous ? previousTasks(environment, previous) : [];
  if (query.refersBack && remembered.length > 0) return { kind: 'tasks', tasks: remembered };
  if (query.topic.length === 0) return remembered.length > 0 ? { kind: 'tasks', tasks: remembered } : { kind: 'none' };
  if (leftoverOfFollowUp(environment, query, remembered)) return { kind: 'tasks', tasks: remembered };
  const candidates = await findTasksByTopic(environment, query);
  const best = candidates[0];
  const reason = best
    ? (unsupportedReason(query, best.coverage, environment.query.lexicon) ??
      // A term of the task's document title ("chính sách" of "… xây dựng chính sách, pháp luật") names the document, not the task.
      (missesATerm(environment, besideDocumentTitle(environment, query, best.task.documentId), best.task) ? 'missing-term' : null))
    : 'no-candidate';
  if (reason === null) {
    if (!query.cues.has(CUES.whichTasks)) {
      // Two documents with a task on the same matter (two plans' "chuyển đổi số"): each one's, side by side.
      const others = bestOfOtherDocuments(candidates, best);
      return { kind: 'tasks', tasks: [best.task, ...others.map((candidate) => candidate.task)], coverage: best.coverage };
    }
    const close = candidates.filter((candidate) => candidate.coverage >= best.coverage - 0.05 && candidate.coverage >= 0.6);
    return { kind: 'tasks', tasks: sortByAddress(close.map((candidate) => candidate.task)), coverage: best.coverage };
  }
  if ((reason === 'low-coverage' || reason === 'no-candidate') && remembered.length > 0 && query.topic.length <= FOLLOW_UP_TOPIC_WORDS) {
    return { kind: 'tasks', tasks: remembered };
  }
  return { kind: 'unsupported' };
}

/**
 * "Khi nào làm?" after a turn about a task: a lone syllable the previous task also uses is the
 * follow-up's leftover, not a new description — another task that happens to share it
 * ("vị trí việc làm") must not take the conversation over.
 */
function leftoverOfFollowUp(environment: AnswerEnvironment, query: ParsedQuery, remembered: readonly Task[]): boolean {
  if (remembered.length === 0 || query.topic.length > 1) return false;
  return remembered.some((task) => taskTerms(environment, task).syllables.has(query.topic[0]));
}

/** Tasks named by number or address, or a `missing` answer naming the tasks that exist. */
function namedTasks(environment: AnswerEnvironment, query: ParsedQuery, previous: TurnMemory | null): Resolution | null {
  const { numbers, addresses } = query.taskRefs;
  if (numbers.length === 0 && addresses.length === 0) return null;
  const all = environment.registry.tasks;
  const found = all.filter((task) => numbers.includes(task.number) || addresses.includes(task.address));
  const documents = [...new Set(found.map((task) => task.documentId))];
  if (documents.length > 1) {
    // The conversation's tasks name the document meant; else ask back with the choices.
    const talkedOf = new Set((previous?.taskKeys ?? []).map((key) => key.slice(0, key.indexOf('#'))));
    const meant = documents.filter((id) => talkedOf.has(id));
    if (meant.length === 1) return { kind: 'tasks', tasks: sortByAddress(found.filter((task) => task.documentId === meant[0])) };
    const choices = found.map((task) => ({ documentId: task.documentId, section: task.address, label: placeLabel(task.address) }));
    return { kind: 'ambiguous', message: askWhichTask(environment, found), choices };
  }
  if (found.length > 0) return { kind: 'tasks', tasks: sortByAddress(found) };
  const first = all[0];
  const last = all[all.length - 1];
  const asked = [...numbers.map(String), ...addresses].join(', ');
  const owner = first ? documentById(environment.registry.documents, first.documentId) : undefined;
  const single = owner !== undefined && all.every((task) => task.documentId === owner.id);
  const range = first && single ? ` ${documentLabel(owner)} có ${all.length} nhiệm vụ, từ ${placeLabel(first.address)} đến ${placeLabel(last.address)}.` : '';
  return { kind: 'missing', message: `Các văn bản đã nạp không có nhiệm vụ ${asked}.${range}` };
}

/** "Nhiệm vụ 4 có trong 2 văn bản: …; bạn hỏi văn bản nào?" */
function askWhichTask(environment: AnswerEnvironment, tasks: readonly Task[]): string {
  const lines = tasks.map((task) => {
    const document = documentById(environment.registry.documents, task.documentId);
    return `- ${document ? documentLabel(document) : task.documentId}, ${placeLabel(task.address)}: ${shortTitle(task)}`;
  });
  return [`Số nhiệm vụ này có trong ${new Set(tasks.map((task) => task.documentId)).size} văn bản; bạn hỏi văn bản nào?`, ...lines].join('\n');
}

/**
 * Whether the task lacks a whole term of the question that the corpus writes elsewhere: both
 * syllables of a known pair absent ("sắp xếp đơn vị hành chính" is not task II.2, which
 * speaks of "sắp xếp cán bộ" and never of "hành chính").
 */
function missesATerm(environment: AnswerEnvironment, query: ParsedQuery, task: Task): boolean {
  const terms = taskTerms(environment, task);
  return query.topicPairs.some((pair) => {
    if (!environment.query.lexicon.pairs.has(pair)) return false;
    const [left, right] = pair.split(' ');
    return query.topic.includes(left) && query.topic.includes(right) && !terms.syllables.has(left) && !terms.syllables.has(right);
  });
}

/** How much less of the topic another document's task may cover and still be given beside the best. */
const OTHER_DOCUMENT_SLACK = 0.05;

/** The best candidate of each other document that covers the topic about as well as the best one. */
function bestOfOtherDocuments(candidates: readonly TaskCandidate[], best: TaskCandidate): TaskCandidate[] {
  const seen = new Set([best.task.documentId]);
  const others: TaskCandidate[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.task.documentId) || candidate.coverage < best.coverage - OTHER_DOCUMENT_SLACK) continue;
    seen.add(candidate.task.documentId);
    others.push(candidate);
  }
  return others;
}

function previousTasks(environment: AnswerEnvironment, previous: TurnMemory): Task[] {
  const keys = new Set(previous.taskKeys);
  const activities = previous.activities ?? {};
  // A task the previous answer narrowed to one activity stays that activity ("Còn hạn hoàn thành việc đó?").
  return environment.registry.tasks
    .filter((task) => keys.has(taskKey(task)))
    .map((task) => (activities[taskKey(task)] === undefined ? task : activityAt(environment, task, activities[taskKey(task)])));
}

function sortByAddress(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => a.documentId.localeCompare(b.documentId) || a.number - b.number);
}
