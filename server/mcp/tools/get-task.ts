/**
 * Tool `get_task`: one task in full, with the verbatim line each field was read from, so a
 * model can quote the document rather than paraphrase it.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { InvalidInputError } from '../../../common/errors.js';
import type { TaskDetail } from '../../core/types.js';
import type { McpDeps } from '../deps.js';
import { resolveOptionalDocumentRef } from '../document-ref.js';
import { placeName, roleWords, taskToOutput, timelineText, unitNames, unitToOutput } from '../format.js';
import { documentIdInput, sourceOutput, taskOutput } from '../schemas.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { readOnlyAnnotations } from './annotations.js';

const inputSchema = {
  address: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('The task address in its document, e.g. "II.4" (item 4 of part II). Give address or number.'),
  number: z.number().int().min(1).max(999).optional().describe('The task number, e.g. 4 for "nhiệm vụ 4". Give address or number.'),
  documentId: documentIdInput('The document holding the task; default: the main plan.').optional(),
};

const outputSchema = {
  ...taskOutput.shape,
  text: z.string().describe('The whole item, verbatim, fields included.'),
  assignments: z.array(
    z.object({
      unit: taskOutput.shape.lead.element,
      role: z.enum(['lead', 'coordinating']),
      duty: z.string().describe('What the field asks of this unit, verbatim.'),
      section: z.string(),
      quote: z.string(),
    }),
  ),
  sources: z.object({
    title: sourceOutput,
    lead: sourceOutput.nullable(),
    coordinating: sourceOutput.nullable(),
    timeline: sourceOutput.nullable(),
  }),
  footnotes: z.array(z.object({ section: z.string(), label: z.string().optional(), text: z.string() })),
};

function sourceLine(source: { section: string; label?: string; quote: string } | null): string {
  return source ? `\n   Nguồn (${placeName(source.section, source.label)}): “${source.quote}”` : '\n   (văn bản không ghi trường này)';
}

/** The task with each field followed by its verbatim source. */
export function taskDetailText(task: TaskDetail): string {
  const lines = [
    `Nhiệm vụ ${task.number} (${placeName(task.address, task.label)}): ${task.title}`,
    `Chủ trì: ${unitNames(task.lead)}${sourceLine(task.sources.lead)}`,
    `Phối hợp: ${unitNames(task.coordinating)}${sourceLine(task.sources.coordinating)}`,
    `Thời gian: ${timelineText(task.timeline)}${sourceLine(task.sources.timeline)}`,
  ];
  if (task.assignments.length > 0) {
    lines.push(`Phân công:\n${task.assignments.map((item) => ` - ${item.unit.name} (${roleWords(item.role)}): ${item.duty}`).join('\n')}`);
  }
  if (task.footnotes.length > 0) {
    lines.push(`Chú thích:\n${task.footnotes.map((note) => ` - ${placeName(note.section)}: ${note.text}`).join('\n')}`);
  }
  return lines.join('\n');
}

function structured(task: TaskDetail): Record<string, unknown> {
  return {
    ...taskToOutput(task),
    text: task.text,
    assignments: task.assignments.map((item) => ({
      unit: unitToOutput(item.unit),
      role: item.role,
      duty: item.duty,
      section: item.section,
      quote: item.quote,
    })),
    sources: {
      title: { ...task.sources.title },
      lead: task.sources.lead && { ...task.sources.lead },
      coordinating: task.sources.coordinating && { ...task.sources.coordinating },
      timeline: task.sources.timeline && { ...task.sources.timeline },
    },
    footnotes: task.footnotes.map((note) => ({ ...note })),
  };
}

/** Registers `get_task`. */
export function registerGetTaskTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'get_task',
    {
      title: 'Chi tiết nhiệm vụ',
      description:
        'Get one task of a plan by address ("II.4") or number (4): title, full text, lead and coordinating units, timeline, ' +
        'what each unit must do, footnotes, and the verbatim source line of every field. Unknown tasks give an error listing the existing addresses.',
      inputSchema,
      outputSchema,
      annotations: readOnlyAnnotations('Chi tiết nhiệm vụ'),
    },
    (args) =>
      runTool('get_task', deps, () => {
        const key = args.address ?? (args.number !== undefined ? String(args.number) : undefined);
        if (key === undefined) throw new InvalidInputError('Cần cho biết địa chỉ nhiệm vụ (ví dụ “II.4”) hoặc số thứ tự (ví dụ 4).');
        const assistant = deps.getAssistant();
        const task = assistant.getTask(key, resolveOptionalDocumentRef(assistant, args.documentId));
        return toolSuccess(taskDetailText(task), structured(task));
      }),
  );
}
