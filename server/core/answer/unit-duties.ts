/**
 * What a unit is asked to do across the corpus: its task assignments, and the sections of
 * "Tổ chức thực hiện" headed with its name ("2. Sở Nội vụ"). With a topic, only the duties
 * whose text covers it best are kept ("UBND xã làm gì trong việc đào tạo" → II.6).
 */
import type { Section, Task } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import { foldedTokens } from '../../../common/text-key.js';
import type { ParsedQuery } from '../query/understand.js';
import { topicCoverage } from '../retrieval/support.js';
import { besideNamedTitle, taskHeadTerms } from '../retrieval/task-finder.js';
import { unsupportedReason } from '../decide/support.js';
import type { UnitDuty } from './list-answers.js';
import { documentById, sectionAt } from '../registry-lookup.js';

/** Least coverage for a topic to narrow the duties; below it, all duties are shown. */
const NARROWING_COVERAGE = 0.3;

/** Every duty of a unit, sections first (they state its overall role), then assignments in task order. */
export function unitDuties(environment: AnswerEnvironment, unitId: string): UnitDuty[] {
  const { registry } = environment;
  const unit = registry.units.find((item) => item.id === unitId);
  const duties: UnitDuty[] = [];
  if (unit) {
    const names = new Set([unit.name, ...unit.aliases].map((name) => foldedTokens(name).join(' ')));
    for (const document of registry.documents) {
      const taskAddresses = new Set(registry.tasks.filter((task) => task.documentId === document.id).map((task) => task.address));
      for (const section of document.sections) {
        if (section.kind !== 'item' || taskAddresses.has(section.address) || !headedByUnit(section, names)) continue;
        duties.push({ kind: 'section', documentId: document.id, section });
      }
    }
  }
  for (const task of registry.tasks) {
    for (const assignment of task.assignments) {
      if (assignment.unitId === unitId) duties.push({ kind: 'assignment', task, assignment });
    }
  }
  // Clauses that bind the unit, beyond the tasks' fields (already above) and the sections quoted whole.
  const quoted = duties.flatMap((duty) => (duty.kind === 'section' ? [`${duty.documentId}#${duty.section.address}`] : []));
  for (const obligation of registry.obligations) {
    if (obligation.taskAddress !== undefined || !obligation.actors.includes(unitId)) continue;
    const key = `${obligation.documentId}#${obligation.address}`;
    if (quoted.some((prefix) => key === prefix || key.startsWith(`${prefix}.`))) continue;
    duties.push({ kind: 'obligation', obligation });
  }
  return duties;
}

/** Whether a section's heading is the unit's name ("1. Ủy ban nhân dân các xã, phường"). */
function headedByUnit(section: Section, names: ReadonlySet<string>): boolean {
  const heading = foldedTokens((section.heading ?? section.text.split('\n')[0]).replace(/^\s*\d+\.\s*/, '')).join(' ');
  return names.has(heading);
}

/** The duties whose text covers the question's topic best (all of them without a topic), with the best coverage. */
export function dutiesForTopic(environment: AnswerEnvironment, query: ParsedQuery, duties: readonly UnitDuty[]): { duties: UnitDuty[]; coverage: number } {
  if (query.topic.length === 0 || duties.length === 0) return { duties: [...duties], coverage: 1 };
  const { lexicon } = environment.query;
  // A section headed by the unit ("3. <unit>: a) …; b) …") competes through its lettered duties, so a topic picks one of them.
  const candidates = duties.flatMap((duty) => dutyParts(environment, duty));
  // A heading that carries the topic ("III. TỔ CHỨC THỰC HIỆN" for "trong tổ chức thực hiện") weighs extra.
  const scored = candidates.map((duty) => {
    const coverage = topicCoverage(query.terms, query.topicPairs, dutyTerms(environment, duty), lexicon);
    const heading = topicCoverage(query.terms, query.topicPairs, headingTerms(environment, duty), lexicon);
    const head = duty.kind === 'assignment' ? topicCoverage(query.topic, query.topicPairs, taskHeadTerms(environment, duty.task), lexicon) : 0;
    return { duty, coverage, rank: coverage + HEADING_BONUS * heading + TASK_HEAD_BONUS * head };
  });
  const best = Math.max(...scored.map((item) => item.coverage));
  if (best < NARROWING_COVERAGE) return { duties: [...duties], coverage: best };
  const top = Math.max(...scored.map((item) => item.rank));
  return { duties: scored.filter((item) => item.rank >= top - 0.01).map((item) => item.duty), coverage: best };
}

/**
 * The question weighed on its topic alone, beside the title of the one document it names: a
 * unit's duties all write the unit's name and the document's type and title words.
 */
function onTopic(environment: AnswerEnvironment, query: ParsedQuery): ParsedQuery {
  const beside = besideNamedTitle(environment, query);
  return { ...beside, terms: beside.topic };
}

/** A unit's duties on the question's topic when the topic is supported and tells them apart; all of them otherwise. */
export function topicalDuties(environment: AnswerEnvironment, query: ParsedQuery, duties: UnitDuty[]): UnitDuty[] {
  if (query.topic.length === 0) return duties;
  const found = dutiesForTopic(environment, onTopic(environment, query), duties);
  return unsupportedReason(query, found.coverage, environment.query.lexicon) ? duties : found.duties;
}

/**
 * "<unit> chủ trì việc gì liên quan đến <topic>?": the unit's tasks, or the lettered items inside
 * them, that cover the topic best, when the topic tells them apart; null to list every task.
 */
export function tasksForTopic(environment: AnswerEnvironment, query: ParsedQuery, unitId: string, tasks: readonly Task[]): { duties: UnitDuty[]; tasks: Task[] } | null {
  const duties: UnitDuty[] = tasks.flatMap((task) => task.assignments.filter((assignment) => assignment.unitId === unitId).map((assignment) => ({ kind: 'assignment' as const, task, assignment })));
  const found = dutiesForTopic(environment, onTopic(environment, query), duties);
  if (unsupportedReason(query, found.coverage, environment.query.lexicon)) return null;
  const narrowed = found.duties.length < duties.length || found.duties.some((duty) => duty.kind !== 'assignment');
  if (!narrowed) return null;
  const chosen = tasks.filter((task) => found.duties.some((duty) => (duty.kind === 'assignment' ? duty.task === task : duty.kind === 'section' && duty.documentId === task.documentId && duty.section.parent === task.address)));
  return { duties: found.duties, tasks: chosen };
}

/**
 * What a duty is made of, for a topic to pick from: a section's obligations, or a task whose
 * item holds lettered items ("2. <unit>: a) …; d) Chủ trì … đánh giá …") through those items.
 */
function dutyParts(environment: AnswerEnvironment, duty: UnitDuty): UnitDuty[] {
  if (duty.kind === 'section') return dutiesUnder(environment, duty.documentId, duty.section.address, duty);
  if (duty.kind !== 'assignment') return [duty];
  const document = documentById(environment.registry.documents, duty.task.documentId);
  const items = (document?.sections ?? []).filter((section) => section.parent === duty.task.address && section.kind === 'item');
  return items.length > 1 && document ? items.map((section) => ({ kind: 'section' as const, documentId: document.id, section })) : [duty];
}

/** The obligations read from a section's lettered items, or the section itself when it has none. */
function dutiesUnder(environment: AnswerEnvironment, documentId: string, address: string, section: UnitDuty): UnitDuty[] {
  const inside = environment.registry.obligations.filter(
    (obligation) => obligation.documentId === documentId && obligation.taskAddress === undefined && obligation.address.startsWith(`${address}.`),
  );
  return inside.length > 0 ? inside.map((obligation) => ({ kind: 'obligation' as const, obligation })) : [section];
}

/** Weight of the topic's coverage by a duty's heading path, when ranking duties. */
const HEADING_BONUS = 0.5;
/** Weight of the topic's coverage by the first clause of a duty's task (what the task is about). */
const TASK_HEAD_BONUS = 0.25;

function dutyTerms(environment: AnswerEnvironment, duty: UnitDuty) {
  if (duty.kind === 'obligation') {
    const { obligation } = duty;
    return environment.textTerms(`obligation:${obligation.id}`, () => `${sectionPath(environment, obligation.documentId, obligation.address).join('\n')}\n${obligation.action}`);
  }
  if (duty.kind === 'section') {
    return environment.textTerms(`section:${duty.documentId}#${duty.section.address}`, () => `${duty.section.path.join('\n')}\n${duty.section.text}`);
  }
  return environment.textTerms(`task:${duty.task.documentId}#${duty.task.address}`, () => duty.task.text);
}

function headingTerms(environment: AnswerEnvironment, duty: UnitDuty) {
  if (duty.kind === 'obligation') {
    const { obligation } = duty;
    return environment.textTerms(`obligation-path:${obligation.id}`, () => sectionPath(environment, obligation.documentId, obligation.address).join('\n'));
  }
  if (duty.kind === 'section') {
    return environment.textTerms(`section-path:${duty.documentId}#${duty.section.address}`, () => duty.section.path.join('\n'));
  }
  const document = documentById(environment.registry.documents, duty.task.documentId);
  const section = document ? sectionAt(document, duty.task.address) : undefined;
  return environment.textTerms(`task-path:${duty.task.documentId}#${duty.task.address}`, () => (section?.path ?? []).slice(0, -1).join('\n'));
}

/** The heading path of a section ("Điều 26. Trách nhiệm thi hành" above its clauses). */
function sectionPath(environment: AnswerEnvironment, documentId: string, address: string): string[] {
  const document = documentById(environment.registry.documents, documentId);
  return (document ? sectionAt(document, address) : undefined)?.path ?? [];
}
