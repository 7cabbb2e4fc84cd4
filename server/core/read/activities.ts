/**
 * Stage "read" for tasks: a plan item may hold several activities, each followed by its own
 * field lines ("- Tổ chức tập huấn …" / "Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp" / "Thời
 * gian thực hiện: …", then "- Nâng cao kiến thức … trong chương trình bồi dưỡng …" / "Đơn vị
 * chủ trì: <another unit>"). The task keeps the units of all its fields; a question that describes
 * one activity is answered from that activity's fields, read from the obligations the ingest
 * recorded for each activity (their verbatim sources stay at the item's address).
 */
import type { Obligation, Task, TaskAssignment } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { topicCoverage } from '../retrieval/support.js';
import { foldedWords, longestSharedRun } from './shared-run.js';

/** One activity of an item: its obligations (one per field naming units), sharing one action. */
interface Activity {
  obligations: Obligation[];
}

/** How much better the best activity must cover the topic than the next one to answer alone. */
const ACTIVITY_MARGIN = 0.1;

/**
 * A task's activities (two or more; null when it has fewer), kept per task: the registry's task
 * objects outlive the scoped lists of obligations each question sees, so the grouping is made
 * once per task, not per question.
 */
const activitiesCache = new WeakMap<Task, Activity[] | null>();

function activitiesOf(task: Task, obligations: readonly Obligation[]): Activity[] | null {
  let activities = activitiesCache.get(task);
  if (activities === undefined) {
    const byStart = new Map<number, Activity>();
    for (const obligation of obligations) {
      if (obligation.taskAddress !== task.address || obligation.documentId !== task.documentId) continue;
      const start = obligation.sources.action.span.start;
      const activity = byStart.get(start) ?? { obligations: [] };
      activity.obligations.push(obligation);
      byStart.set(start, activity);
    }
    activities = byStart.size > 1 ? [...byStart.values()] : null;
    activitiesCache.set(task, activities);
  }
  return activities;
}

/**
 * The task as the one activity the question describes (its action as the title, its fields'
 * units, timeline and sources), when one activity covers the topic clearly better than the
 * others; the task unchanged otherwise.
 */
export function activityForTopic(environment: AnswerEnvironment, query: ParsedQuery, task: Task): Task {
  if (query.topic.length === 0) return task;
  const activities = activitiesOf(task, environment.registry.obligations);
  if (!activities) return task;
  const { lexicon } = environment.query;
  const scored = activities
    .map((activity) => {
      const action = activity.obligations[0].sources.action;
      const terms = environment.textTerms(`activity:${task.documentId}#${action.span.start}`, () => action.text);
      return { activity, coverage: topicCoverage(query.topic, query.topicPairs, terms, lexicon) };
    })
    .sort((a, b) => b.coverage - a.coverage);
  const [best, second] = scored;
  if (!best) return task;
  if (best.coverage - (second?.coverage ?? 0) >= ACTIVITY_MARGIN) return asTask(task, best.activity);
  // Activities that cover the topic alike ("tập huấn" read as "đào tạo, bồi dưỡng"): the one
  // writing a clearly longer run of the question's own words is the one described.
  const close = scored.filter((item) => item.coverage > best.coverage - ACTIVITY_MARGIN);
  const words = foldedWords(query.key);
  const runs = close.map((item) => ({ item, run: longestSharedRun(words, foldedWords(item.activity.obligations[0].sources.action.text)) })).sort((a, b) => b.run - a.run);
  const [longest, next] = runs;
  return longest.run - (next?.run ?? 0) >= RUN_MARGIN ? asTask(task, longest.item.activity) : task;
}

/** How many more of the question's words in one run an activity must write to be chosen among alike ones. */
const RUN_MARGIN = 3;

/**
 * The task as the activity whose action starts at `start` (an offset in its document), as a
 * previous turn narrowed it; the task unchanged when it has no such activity.
 */
export function activityAt(environment: AnswerEnvironment, task: Task, start: number): Task {
  const activity = activitiesOf(task, environment.registry.obligations)?.find((item) => item.obligations[0].sources.action.span.start === start);
  return activity ? asTask(task, activity) : task;
}

/** A task narrowed to one activity: same document and address, the activity's words and fields. */
function asTask(task: Task, activity: Activity): Task {
  const [first] = activity.obligations;
  const lead = activity.obligations.filter((obligation) => obligation.role === 'lead');
  const coordinating = activity.obligations.filter((obligation) => obligation.role === 'coordinating');
  const assignments: TaskAssignment[] = activity.obligations.flatMap((obligation) =>
    obligation.role === 'lead' || obligation.role === 'coordinating'
      ? obligation.actors.map((unitId) => ({ unitId, role: obligation.role as TaskAssignment['role'], duty: obligation.sources.actor.text, source: obligation.sources.actor }))
      : [],
  );
  return {
    ...task,
    title: first.sources.action.text,
    lead: [...new Set(lead.flatMap((obligation) => obligation.actors))],
    coordinating: [...new Set(coordinating.flatMap((obligation) => obligation.actors))],
    assignments,
    timeline: first.timeline,
    sources: {
      title: first.sources.action,
      lead: lead[0]?.sources.actor ?? null,
      coordinating: coordinating[0]?.sources.actor ?? null,
      timeline: first.sources.timeline,
    },
  };
}
