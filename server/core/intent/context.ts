/**
 * What every intent rule reads of a question: its parsed form, the previous turn, and the
 * slots derived once from them (task aspects, list filter, document facts, subject unit).
 */
import type { ParsedQuery } from '../query/understand.js';
import { asksPlace, CUES, documentFacts, subjectUnit, taskAspects } from './cues.js';
import { listFilter, narrowsList } from './list-filter.js';
import type { DocumentFact, Intent, TaskAspect, TaskListFilter } from './types.js';

/** What the previous turn of a conversation asked, for follow-ups. */
export interface PreviousTurn {
  intent: Intent;
  unitId: string | null;
  /** Whether the previous answer was about some task(s) a follow-up can refer to. */
  hasTasks: boolean;
}

/** The question and its derived slots, shared by the rules. */
export interface IntentContext {
  query: ParsedQuery;
  previous: PreviousTurn | null;
  /** A task is named by number or address ("nhiệm vụ 4", "mục II.5"). */
  hasTaskRef: boolean;
  /** The task facts asked for (lead, coordinating, deadline, unit-duty, content). */
  aspects: TaskAspect[];
  /** The question asks for a list, and does not point back at the tasks just listed. */
  listCue: boolean;
  /** The question dates a list (a month, a range, a year) rather than an event. */
  datedList: boolean;
  /** The unit the question is about, outside any "sau khi …" condition. */
  unitId: string | null;
  /** The list filter the question would ask for. */
  filter: TaskListFilter;
  /** Whether that filter narrows the list at all. */
  hasFilter: boolean;
  /** The document facts asked for (signer, date, …). */
  facts: DocumentFact[];
}

/** Derives the slots of a parsed question once, for all the rules. */
export function buildIntentContext(query: ParsedQuery, previous: PreviousTurn | null): IntentContext {
  const unitId = subjectUnit(query);
  const filter = listFilter(query, unitId);
  // "Lớp học tháng 7 tổ chức ở đâu?": a month that dates an event asked about by place is not a deadline filter.
  const datedList = Boolean(filter.dueAfter || filter.dueBefore || filter.dueMonths) && !(asksPlace(query) && !query.cues.has(CUES.deadline));
  const asksList = query.cues.has(CUES.list) || query.cues.has(CUES.whichTasks);
  return {
    query,
    previous,
    hasTaskRef: query.taskRefs.numbers.length > 0 || query.taskRefs.addresses.length > 0,
    aspects: taskAspects(query),
    // "Những nhiệm vụ đó có hạn khi nào?" asks about the tasks just listed, not for a new list.
    listCue: asksList && !(query.refersBack && previous?.hasTasks),
    datedList,
    unitId,
    filter,
    hasFilter: narrowsList(filter),
    facts: documentFacts(query),
  };
}
