/**
 * What a question asks, before any task is looked up. Detection is pure (words → intent);
 * resolving the tasks a question is about (by number, by retrieval, from the conversation)
 * happens afterwards.
 */
import type { TimelineKind, TaskRole } from '../../../ingest/types.js';
import type { KnownDocument } from '../query/document-mentions.js';

/** The facts of a task a question can ask for. */
export type TaskAspect = 'lead' | 'coordinating' | 'deadline' | 'content' | 'unit-duty';

/** The facts of a document a question can ask for. */
export type DocumentFact =
  | 'issuer'
  | 'province'
  | 'signer'
  | 'date'
  | 'number'
  | 'recipients'
  | 'bases'
  | 'references'
  | 'title'
  | 'type'
  | 'overview'
  /** When it takes effect and what it replaces, where a clause states it. */
  | 'effective'
  /** The documents it replaces or repeals, from the clauses that say so. */
  | 'replaces'
  /** The parts of the document and how many tasks it sets. */
  | 'structure';

export interface TaskListFilter {
  unitId: string | null;
  role: TaskRole | 'any';
  /** Inclusive ISO bounds. */
  dueAfter: string | null;
  dueBefore: string | null;
  kind: TimelineKind | null;
  /** Months (1–12) of the due date in any year ("trong tháng 6" with no year). */
  dueMonths?: number[];
  /** Only tasks without a due date ("chưa có thời hạn cụ thể"). */
  undated?: boolean;
  /** Only tasks without a coordinating unit ("không có đơn vị phối hợp"). */
  withoutCoordinating?: boolean;
}

export type Intent =
  /**
   * Facts of one or more tasks; `unitId` for "what does unit X do in task N". `weak` when only
   * a question word suggested it ("Ai tổng hợp, báo cáo …?"): if no task fits, the question is
   * answered as a general one.
   */
  | { kind: 'task'; aspects: TaskAspect[]; unitId: string | null; weak?: boolean }
  /** Tasks matching a filter (unit and role, due dates, timeline kind), or all tasks. */
  | { kind: 'task-list'; filter: TaskListFilter }
  /** What a unit is asked to do across the plan (no task named). */
  | { kind: 'unit-duties'; unitId: string }
  | { kind: 'document-fact'; facts: DocumentFact[] }
  /** A cited or expected document: what the corpus says of it. `content` when the question asks what its text says. */
  | { kind: 'reference'; documents: KnownDocument[]; content: boolean; issuerUnitId: string | null }
  /** Anything else: retrieval and the best sentences, or abstention. */
  | { kind: 'content' };

/** Intent names reported in `AskResponse.intent`. */
export function intentName(intent: Intent): string {
  switch (intent.kind) {
    case 'task':
      return intent.aspects.includes('unit-duty') ? 'unit-duty' : intent.aspects[0] === 'coordinating' ? 'coordinating' : intent.aspects[0];
    case 'task-list':
      return 'task-list';
    case 'unit-duties':
      return 'unit-duty';
    case 'document-fact':
      return 'document-fact';
    case 'reference':
      return intent.content ? 'reference-content' : 'reference';
    case 'content':
      return 'content';
  }
}
