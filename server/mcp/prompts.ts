/**
 * Prompts: `unit_briefing` (what a unit leads and coordinates, with deadlines, and what the
 * other loaded documents ask of it; optionally of one document) and
 * `deadline_review` (what falls due by a date). Each message embeds the data from the task
 * table, so the model writes from the documents and not from memory.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import { ErrorCode, type GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ObligationView, PlanAssistant, TaskView } from '../core/types.js';
import { completeDocumentNumbers, completeDueDates, completeUnitNames } from './completions.js';
import type { McpDeps } from './deps.js';
import { resolveOptionalDocumentRef } from './document-ref.js';
import { formatDate } from '../core/answer/format.js';
import { taskBlock, timelineText } from './format.js';
import { toProtocolError } from './protocol-error.js';
import { isoDateInput } from './schemas.js';
import { canonicalUnitName } from './unit-name.js';

function section(heading: string, tasks: readonly TaskView[]): string {
  return `${heading} (${tasks.length}):\n${tasks.length > 0 ? tasks.map(taskBlock).join('\n\n') : '(không có)'}`;
}

function userMessage(text: string): GetPromptResult['messages'][number] {
  return { role: 'user', content: { type: 'text', text } };
}

/** Obligations outside the task tables (clauses of regulations, addressee blocks), one line each with its document and place. */
function clauses(heading: string, obligations: readonly ObligationView[]): string {
  const lines = obligations.map((item) => {
    const time = item.timeline.text.trim() ? ` (thời hạn: ${timelineText(item.timeline)})` : '';
    return ` - ${item.documentShortName}, ${item.label}: ${item.action}${time}`;
  });
  return `${heading} (${obligations.length}):\n${lines.length > 0 ? lines.join('\n') : '(không có)'}`;
}

/** The briefing request for one unit (of one document when `document` is given), with its duties embedded. */
export function unitBriefingPrompt(assistant: PlanAssistant, unit: string, document?: string): GetPromptResult {
  const documentId = resolveOptionalDocumentRef(assistant, document);
  const lead = assistant.listTasks({ unit, role: 'lead', documentId });
  const coordinating = assistant.listTasks({ unit, role: 'coordinating', documentId });
  const others = assistant.listObligations({ unit, documentId }).filter((item) => item.taskAddress === undefined);
  const name = canonicalUnitName(assistant, unit);
  const text = [
    `Hãy soạn bản tóm tắt công việc của ${name} theo các văn bản trong kho: những nhiệm vụ đơn vị chủ trì, ` +
      'những nhiệm vụ đơn vị phối hợp, những việc các văn bản khác giao, thời hạn của từng việc và việc nào đến hạn sớm nhất. ' +
      'Chỉ dùng dữ liệu dưới đây, ghi văn bản và vị trí (ví dụ “mục II.4”, “Điều 7 khoản 2”) cho mỗi ý, không thêm việc không có trong dữ liệu.',
    section(`Nhiệm vụ ${name} chủ trì`, lead),
    section(`Nhiệm vụ ${name} phối hợp`, coordinating),
    clauses(`Việc các văn bản khác giao cho ${name}`, others),
  ].join('\n\n');
  return { description: `Tóm tắt nhiệm vụ của ${name}`, messages: [userMessage(text)] };
}

/** The review request for a date: dated deadlines up to it, and the recurring tasks beside them. */
export function deadlineReviewPrompt(assistant: PlanAssistant, before: string): GetPromptResult {
  const due = assistant
    .listTasks({ dueBefore: before, kind: 'deadline' })
    .sort((a, b) => (a.timeline.due ?? '').localeCompare(b.timeline.due ?? ''));
  const recurring = assistant.listTasks({ kind: 'recurring' });
  const shown = formatDate(before);
  const text = [
    `Hãy rà soát những nhiệm vụ đến hạn trước hoặc vào ngày ${shown}: với mỗi việc nêu đơn vị chủ trì, đơn vị phối hợp và hạn, ` +
      'sắp theo hạn; sau đó nhắc các việc thực hiện thường xuyên hằng năm. ' +
      'Chỉ dùng dữ liệu dưới đây và ghi địa chỉ mục (ví dụ II.4) cho mỗi ý.',
    section(`Nhiệm vụ có hạn đến ${shown}`, due),
    section('Nhiệm vụ thường xuyên hằng năm', recurring),
  ].join('\n\n');
  return { description: `Nhiệm vụ đến hạn trước ${shown}`, messages: [userMessage(text)] };
}

/** Registers the two prompts, with completion of unit names and due dates. */
export function registerPrompts(server: McpServer, deps: McpDeps): void {
  server.registerPrompt(
    'unit_briefing',
    {
      title: 'Tóm tắt nhiệm vụ của một đơn vị',
      description: 'Brief a unit on everything the loaded documents ask of it (tasks it leads or coordinates, clauses that bind it), with deadlines and sources; optionally of one document.',
      argsSchema: {
        unit: completable(
          z.string().trim().min(1).max(200).describe('The unit, by any name or abbreviation: "Sở Nội vụ", "SNV", "UBND xã".'),
          (value) => completeUnitNames(deps.getAssistant(), value ?? ''),
        ),
        document: completable(
          z.string().trim().min(1).max(200).optional().describe('Only this document: its number ("335/2025/NĐ-CP") or id. Omit for every loaded document.'),
          (value) => completeDocumentNumbers(deps.getAssistant(), value ?? ''),
        ),
      },
    },
    (args) => {
      try {
        return unitBriefingPrompt(deps.getAssistant(), args.unit, args.document);
      } catch (error) {
        throw toProtocolError(error, 'prompt unit_briefing', deps, ErrorCode.InvalidParams);
      }
    },
  );
  server.registerPrompt(
    'deadline_review',
    {
      title: 'Rà soát nhiệm vụ đến hạn',
      description: 'Review what falls due on or before a date (YYYY-MM-DD), with the units in charge, and the recurring tasks.',
      argsSchema: {
        before: completable(isoDateInput('The date, YYYY-MM-DD, e.g. "2026-06-30".'), (value) => completeDueDates(deps.getAssistant(), value ?? '')),
      },
    },
    (args) => {
      try {
        return deadlineReviewPrompt(deps.getAssistant(), args.before);
      } catch (error) {
        throw toProtocolError(error, 'prompt deadline_review', deps, ErrorCode.InvalidParams);
      }
    },
  );
}
