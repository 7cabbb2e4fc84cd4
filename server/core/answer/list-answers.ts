/**
 * List answers: the tasks matching a filter, and what one unit is asked to do across the plan.
 * Every task listed is cited, by the line that makes it match (the unit's field, the timeline).
 */
import type { Obligation, Section, Task, TaskAssignment } from '../../../ingest/types.js';
import type { TaskListFilter } from '../intent/types.js';
import { capitalize, documentLabel, fieldValue, formatDate, joinVi, placeLabel, shortTitle, timelineWords, unitNames } from './format.js';
import type { ComposeContext } from './task-answers.js';
import { documentById } from '../registry-lookup.js';

/** The tasks of a filter as a bulleted list with a heading sentence. */
export function composeTaskList(context: ComposeContext, tasks: readonly Task[], filter: TaskListFilter): string {
  const criteria = describeFilter(context, filter);
  if (tasks.length === 0) return `Không có nhiệm vụ nào ${criteria} trong các văn bản đã nạp.`;
  const lines = tasks.map((task) => `- ${capitalize(placeLabel(task.address))}: ${shortTitle(task)} — ${detail(context, task, filter)}`);
  return [`Có ${tasks.length} nhiệm vụ ${criteria}:`, ...lines].join('\n');
}

/** "do Sở Nội vụ chủ trì", "có hạn từ 1/6/2026 đến 30/6/2026", "thực hiện thường xuyên" … */
function describeFilter(context: ComposeContext, filter: TaskListFilter): string {
  const parts: string[] = [];
  if (filter.unitId) {
    const [name] = unitNames(context.registry, [filter.unitId]);
    parts.push(filter.role === 'lead' ? `do ${name} chủ trì` : filter.role === 'coordinating' ? `có ${name} phối hợp` : `có ${name} tham gia (chủ trì hoặc phối hợp)`);
  }
  if (filter.dueAfter && filter.dueBefore) parts.push(`có hạn hoàn thành từ ${formatDate(filter.dueAfter)} đến ${formatDate(filter.dueBefore)}`);
  else if (filter.dueBefore) parts.push(`có hạn hoàn thành đến ${formatDate(filter.dueBefore)}`);
  else if (filter.dueAfter) parts.push(`có hạn hoàn thành từ ${formatDate(filter.dueAfter)}`);
  if (filter.dueMonths) parts.push(`có hạn hoàn thành trong tháng ${filter.dueMonths.join(', ')}`);
  if (filter.kind === 'recurring') parts.push('thực hiện thường xuyên');
  if (filter.kind === 'conditional') parts.push('thực hiện sau một sự kiện (“sau khi …”)');
  if (filter.kind === 'per-authority') parts.push('có thời gian theo quy định của cấp có thẩm quyền');
  if (filter.kind === 'deadline' && !filter.dueAfter && !filter.dueBefore && !filter.dueMonths) parts.push('có hạn hoàn thành cụ thể');
  if (filter.undated) parts.push('không ghi hạn hoàn thành cụ thể (ngày, tháng)');
  if (filter.withoutCoordinating) parts.push('không ghi đơn vị phối hợp');
  return parts.length > 0 ? parts.join(', ') : 'liên quan trong các văn bản đã nạp';
}

/** The words after a listed task, with the citation of the line that qualifies it. */
function detail(context: ComposeContext, task: Task, filter: TaskListFilter): string {
  const parts: string[] = [];
  if (filter.unitId) {
    const assignment = task.assignments.find((item) => item.unitId === filter.unitId && (filter.role === 'any' || item.role === filter.role));
    const role = assignment?.role ?? (task.lead.includes(filter.unitId) ? 'lead' : 'coordinating');
    const source = assignment?.source ?? (role === 'lead' ? task.sources.lead : task.sources.coordinating) ?? task.sources.title;
    const [name] = unitNames(context.registry, [filter.unitId]);
    const duty = assignment ? fieldValue(assignment.duty) : '';
    // The duty's own words when they say more than the unit's name ("… bố trí kinh phí …").
    const wording = duty.length > name.length + 12 ? `: “${duty}”` : '';
    parts.push(`${role === 'lead' ? 'chủ trì' : 'phối hợp'}${wording} ${context.citations.cite(task.documentId, task.address, source.text)}`);
  }
  const timeline = task.sources.timeline;
  if (filter.dueAfter || filter.dueBefore || filter.kind || filter.undated || !filter.unitId) {
    const leads = filter.unitId ? '' : `chủ trì: ${joinVi(unitNames(context.registry, task.lead))}; `;
    const marker = timeline ? context.citations.cite(task.documentId, task.address, timeline.text) : '';
    parts.push(`${leads}thời gian: ${timelineWords(task.timeline)} ${marker}`.trim());
  }
  if (parts.length === 0) parts.push(context.citations.cite(task.documentId, task.address, task.sources.title.text));
  return parts.join('; ');
}

/**
 * One thing a unit is asked to do: a task assignment, a section named after the unit ("2. Sở
 * Nội vụ" in "Tổ chức thực hiện"), or an obligation read from a clause ("Bộ Nội vụ có trách
 * nhiệm …", a directive's addressee block).
 */
export type UnitDuty =
  | { kind: 'assignment'; task: Task; assignment: TaskAssignment }
  | { kind: 'section'; documentId: string; section: Section }
  | { kind: 'obligation'; obligation: Obligation };

/** The document a duty stands in. */
export function dutyDocumentId(duty: UnitDuty): string {
  return duty.kind === 'assignment' ? duty.task.documentId : duty.kind === 'section' ? duty.documentId : duty.obligation.documentId;
}

const ROLE_WORDS: Readonly<Record<Obligation['role'], string>> = {
  lead: 'chủ trì',
  coordinating: 'phối hợp',
  responsible: 'trách nhiệm',
  approves: 'phê duyệt',
  'reports-to': 'báo cáo',
  implements: 'thực hiện',
};

/** What a unit is asked to do, one bullet per duty, each cited, grouped by document. */
export function composeUnitDuties(context: ComposeContext, unitId: string, duties: readonly UnitDuty[]): string {
  const [name] = unitNames(context.registry, [unitId]);
  if (duties.length === 0) return `Các văn bản đã nạp không giao nhiệm vụ nào cho ${name}.`;
  const documentIds = [...new Set(duties.map(dutyDocumentId))];
  return documentIds
    .map((documentId) => {
      const own = duties.filter((duty) => dutyDocumentId(duty) === documentId);
      const document = documentById(context.registry.documents, documentId);
      const label = document ? documentLabel(document) : 'văn bản';
      return [`Theo ${label}, ${name} được giao ${own.length} việc:`, ...own.map((duty) => dutyLine(context, duty))].join('\n');
    })
    .join('\n\n');
}

function dutyLine(context: ComposeContext, duty: UnitDuty): string {
  if (duty.kind === 'section') {
    const body = sectionBody(duty.section);
    const marker = context.citations.cite(duty.documentId, duty.section.address, body);
    return `- ${capitalize(placeLabel(duty.section.address))} (${duty.section.path[0] ?? 'tổ chức thực hiện'}): “${body}” ${marker}`;
  }
  if (duty.kind === 'obligation') {
    const { obligation } = duty;
    const marker = context.citations.cite(obligation.documentId, obligation.sources.action.address, obligation.sources.action.text);
    return `- ${capitalize(placeLabel(obligation.address))} (${ROLE_WORDS[obligation.role]}): “${obligation.sources.action.text.trim()}” ${marker}`;
  }
  const { task, assignment } = duty;
  const role = assignment.role === 'lead' ? 'chủ trì' : 'phối hợp';
  const marker = context.citations.cite(task.documentId, task.address, assignment.source.text);
  return `- ${capitalize(placeLabel(task.address))} (${role}) — ${shortTitle(task, 10)}: “${fieldValue(assignment.duty)}” ${marker}`;
}

/** A section's text without its heading line ("2. Sở Nội vụ"): a verbatim slice of it. */
export function sectionBody(section: Section): string {
  const text = section.text.trim();
  const firstBreak = text.indexOf('\n');
  if (!section.heading || firstBreak < 0) return text;
  const body = text.slice(firstBreak + 1).trim();
  return body === '' ? text : body;
}
