/**
 * Tool `list_tasks`: the task table of the plans, filtered by unit (any alias), role,
 * due dates and timeline kind.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { TaskFilter, TaskView } from '../../core/types.js';
import type { McpDeps } from '../deps.js';
import { formatDate } from '../../core/answer/format.js';
import { taskBlock, taskToOutput } from '../format.js';
import { documentIdInput, isoDateInput, taskOutput } from '../schemas.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { canonicalUnitName } from '../unit-name.js';
import { resolveOptionalDocumentRef } from '../document-ref.js';
import { readOnlyAnnotations } from './annotations.js';

export const TIMELINE_KINDS = ['deadline', 'recurring', 'conditional', 'per-authority', 'unspecified'] as const;

const inputSchema = {
  unit: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'A unit, by any name or abbreviation, with or without diacritics: "Sở Nội vụ", "so noi vu", "SNV", "UBND xã", "Sở Tài chính".',
    ),
  role: z
    .enum(['lead', 'coordinating', 'any'])
    .optional()
    .describe('With unit: "lead" = tasks it leads (chủ trì / thực hiện), "coordinating" = tasks it coordinates on (phối hợp), "any" (default) = both.'),
  dueBefore: isoDateInput('Only deadlines on or before this date, YYYY-MM-DD, e.g. "2026-06-30".').optional(),
  dueAfter: isoDateInput('Only deadlines on or after this date, YYYY-MM-DD, e.g. "2026-01-01".').optional(),
  kind: z
    .enum(TIMELINE_KINDS)
    .optional()
    .describe(
      'Timeline kind: "deadline" (a date, e.g. "Hoàn thành trong tháng 6/2026"), "recurring" ("Thường xuyên hàng năm"), ' +
        '"conditional" ("Sau khi …"), "per-authority" ("Theo quy định của cấp có thẩm quyền"), "unspecified".',
    ),
  documentId: documentIdInput('Only tasks of this document.').optional(),
};

const outputSchema = {
  count: z.number(),
  tasks: z.array(taskOutput),
};

/** The filter as a Vietnamese phrase, so the text says what was asked. */
function describeFilter(filter: TaskFilter, unitName: string | null): string {
  const parts: string[] = [];
  if (unitName) {
    const role = filter.role === 'lead' ? 'chủ trì' : filter.role === 'coordinating' ? 'phối hợp' : 'chủ trì hoặc phối hợp';
    parts.push(`${unitName} ${role}`);
  }
  if (filter.dueAfter) parts.push(`hạn từ ${formatDate(filter.dueAfter)}`);
  if (filter.dueBefore) parts.push(`hạn đến ${formatDate(filter.dueBefore)}`);
  if (filter.kind) parts.push(`loại thời hạn ${filter.kind}`);
  if (filter.documentId) parts.push(`văn bản ${filter.documentId}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** A heading with the count, then one block per task. */
export function tasksText(tasks: readonly TaskView[], filter: TaskFilter, unitName: string | null): string {
  const about = describeFilter(filter, unitName);
  if (tasks.length === 0) return `Không có nhiệm vụ nào${about}.`;
  return `${tasks.length} nhiệm vụ${about}:\n\n${tasks.map(taskBlock).join('\n\n')}`;
}

/** Registers `list_tasks`. */
export function registerListTasksTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'list_tasks',
    {
      title: 'Danh sách nhiệm vụ',
      description:
        'List the tasks ("nhiệm vụ, giải pháp") of the plans in the corpus with their address, lead units, coordinating units ' +
        'and timeline. Filter by unit and role, by deadline range and by timeline kind. Without filters, returns every task.',
      inputSchema,
      outputSchema,
      annotations: readOnlyAnnotations('Danh sách nhiệm vụ'),
    },
    (args) =>
      runTool('list_tasks', deps, () => {
        const assistant = deps.getAssistant();
        const filter: TaskFilter = {
          unit: args.unit,
          role: args.role,
          dueBefore: args.dueBefore,
          dueAfter: args.dueAfter,
          kind: args.kind,
          documentId: resolveOptionalDocumentRef(assistant, args.documentId),
        };
        const tasks = assistant.listTasks(filter);
        const unitName = filter.unit ? canonicalUnitName(assistant, filter.unit) : null;
        return toolSuccess(tasksText(tasks, filter, unitName), { count: tasks.length, tasks: tasks.map(taskToOutput) });
      }),
  );
}
