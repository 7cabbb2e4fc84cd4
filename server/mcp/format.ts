/**
 * What the MCP tools hand back: plain copies of core views for `structuredContent` (so a new
 * field in the core never leaks unvalidated), and the readable Vietnamese text beside them.
 */
import type { Citation, TaskView, UnitView } from '../core/types.js';
import type { Timeline } from '../../ingest/types.js';
import { formatDate } from '../core/answer/format.js';
import { labelOf, ROLE_TEXT } from '../core/catalog/display.js';
import type { ObligationRole } from '../../ingest/types.js';
import type { TaskOutput, TimelineOutput, UnitOutput } from './schemas.js';

/** A unit as the output schema has it. */
export function unitToOutput(unit: UnitView): UnitOutput {
  return { name: unit.name, aliases: [...unit.aliases], level: unit.level };
}

/** A timeline as the output schema has it; absent optional fields stay absent. */
export function timelineToOutput(timeline: Timeline): TimelineOutput {
  const output: TimelineOutput = { text: timeline.text, kind: timeline.kind };
  if (timeline.due !== undefined) {
    output.due = timeline.due;
    output.dueText = formatDate(timeline.due);
  }
  if (timeline.frequency !== undefined) output.frequency = timeline.frequency;
  if (timeline.trigger !== undefined) output.trigger = timeline.trigger;
  return output;
}

/** A task row as the output schema has it. */
export function taskToOutput(task: TaskView): TaskOutput {
  return {
    documentId: task.documentId,
    address: task.address,
    label: placeName(task.address, task.label),
    number: task.number,
    title: task.title,
    lead: task.lead.map(unitToOutput),
    coordinating: task.coordinating.map(unitToOutput),
    timeline: timelineToOutput(task.timeline),
  };
}

/** A role inside a sentence: "chủ trì", "phối hợp" (the words of the API's `roleText`, lower case). */
export function roleWords(role: ObligationRole): string {
  const text = ROLE_TEXT[role] ?? role;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Unit names joined, or a note that the field names none. */
export function unitNames(units: readonly UnitView[]): string {
  return units.length > 0 ? units.map((unit) => unit.name).join('; ') : '(không ghi)';
}

/** The timeline as written, with the computed due date when there is one. */
export function timelineText(timeline: Timeline): string {
  return timeline.due ? `${timeline.text} (hạn: ${formatDate(timeline.due)})` : timeline.text;
}

/**
 * The Vietnamese name of a place ("mục II.4", "Điều 7 khoản 2", "phần chữ ký"): texts never show
 * a raw address such as "signature" or "dieu.7.khoan.2". A section's stored label wins.
 */
export function placeName(address: string, label?: string): string {
  return labelOf(address, label);
}

/** A task as a short block: address and title, then lead, coordinating units and timeline. */
export function taskBlock(task: TaskView): string {
  return [
    `${placeName(task.address, task.label)}: ${task.title}`,
    `   Chủ trì: ${unitNames(task.lead)}`,
    `   Phối hợp: ${unitNames(task.coordinating)}`,
    `   Thời gian: ${timelineText(task.timeline)}`,
  ].join('\n');
}

/** Numbered sources, matching the [n] markers of an answer. */
export function citationLines(citations: readonly Citation[]): string {
  return citations
    .map((citation, index) => `[${index + 1}] ${citation.documentTitle}, ${placeName(citation.section, citation.label)}: “${citation.quote}”`)
    .join('\n');
}
