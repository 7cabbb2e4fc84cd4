/**
 * Selecting tasks by unit and role, due dates and timeline kind: one function serves the task
 * table (`listTasks`) and the list questions ("Những nhiệm vụ nào Sở Nội vụ chủ trì?").
 */
import type { Task, TaskRole, TimelineKind } from '../../../ingest/types.js';

export interface TaskSelection {
  unitId?: string | null;
  role?: TaskRole | 'any';
  /** Inclusive ISO bounds on `timeline.due`; a task without a due date never passes a bound. */
  dueAfter?: string | null;
  dueBefore?: string | null;
  kind?: TimelineKind | null;
  /** Months (1–12) the due date must fall in, any year. */
  dueMonths?: number[];
  /** Only tasks without a due date. */
  undated?: boolean;
  /** Only tasks without a coordinating unit. */
  withoutCoordinating?: boolean;
  documentId?: string | null;
}

/** Whether a unit holds a role in a task ("any": lead or coordinating). */
export function unitHasRole(task: Task, unitId: string, role: TaskRole | 'any'): boolean {
  const leads = task.lead.includes(unitId);
  const coordinates = task.coordinating.includes(unitId);
  if (role === 'lead') return leads;
  if (role === 'coordinating') return coordinates;
  return leads || coordinates || task.assignments.some((assignment) => assignment.unitId === unitId);
}

/** The tasks that pass every given criterion, in document order. */
export function selectTasks(tasks: readonly Task[], selection: TaskSelection): Task[] {
  return tasks.filter((task) => {
    if (selection.documentId && task.documentId !== selection.documentId) return false;
    if (selection.unitId && !unitHasRole(task, selection.unitId, selection.role ?? 'any')) return false;
    if (selection.kind && task.timeline.kind !== selection.kind) return false;
    if (selection.undated && task.timeline.due) return false;
    if (selection.withoutCoordinating && task.coordinating.length > 0) return false;
    if (selection.dueMonths && !selection.dueMonths.includes(Number(task.timeline.due?.slice(5, 7)))) return false;
    if (selection.dueAfter || selection.dueBefore) {
      const due = task.timeline.due;
      if (!due) return false;
      if (selection.dueAfter && due < selection.dueAfter) return false;
      if (selection.dueBefore && due > selection.dueBefore) return false;
    }
    return true;
  });
}

/** The key a task is remembered under ("ke-hoach-…#II.4"). */
export function taskKey(task: Task): string {
  return `${task.documentId}#${task.address}`;
}
