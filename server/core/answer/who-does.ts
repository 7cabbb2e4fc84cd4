/**
 * "Đơn vị nào đề xuất nhu cầu đào tạo?" asks who does a thing, and the thing is written in a
 * unit's duty, not in a task's title: the answer is the unit whose duty covers the question's
 * topic (here the commune committees, which coordinate task II.6), whatever its role.
 */
import type { Task, TaskAssignment } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { topicCoverage, type PassageTerms } from '../retrieval/support.js';
import { fieldValue, unitNames } from './format.js';

/** Least topic coverage of a duty for it to answer a "who" question by itself. */
const MIN_DUTY_COVERAGE = 0.8;
/** A duty must say this many words more than its unit's name to describe an action. */
const MIN_EXTRA_WORDS = 3;

export interface DutyMatch {
  task: Task;
  assignment: TaskAssignment;
  coverage: number;
  /** The duty's words, for the decide checks. */
  terms: PassageTerms;
}

/** The assignment whose duty text best covers the topic, when it covers it well; else null. */
export function dutyForTopic(environment: AnswerEnvironment, query: ParsedQuery): DutyMatch | null {
  if (query.topic.length === 0) return null;
  const { lexicon } = environment.query;
  let best: DutyMatch | null = null;
  for (const task of environment.registry.tasks) {
    for (const assignment of task.assignments) {
      if (!describesAction(environment, assignment)) continue;
      const terms = environment.textTerms(`duty:${assignment.source.address}#${assignment.source.span.start}`, () => assignment.duty);
      const coverage = topicCoverage(query.topic, query.topicPairs, terms, lexicon);
      if (!best || coverage > best.coverage) best = { task, assignment, coverage, terms };
    }
  }
  return best && best.coverage >= MIN_DUTY_COVERAGE ? best : null;
}

/** Whether a duty says what the unit does, beyond naming it ("Sở Nội vụ." says nothing). */
function describesAction(environment: AnswerEnvironment, assignment: TaskAssignment): boolean {
  const [name] = unitNames(environment.registry, [assignment.unitId]);
  const words = (text: string): number => text.split(/[\s,;]+/).filter(Boolean).length;
  return words(fieldValue(assignment.duty)) >= words(name) + MIN_EXTRA_WORDS;
}
