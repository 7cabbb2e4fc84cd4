/**
 * Tool `ask`: a question in Vietnamese (accents optional) answered from the corpus, with
 * citations whose quotes are verbatim text of the documents.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { AskResponse } from '../../core/types.js';
import type { McpDeps } from '../deps.js';
import { resolveOptionalDocumentRef } from '../document-ref.js';
import { citationLines, placeName } from '../format.js';
import { citationOutput, documentIdInput } from '../schemas.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { readOnlyAnnotations } from './annotations.js';

const inputSchema = {
  question: z
    .string()
    .trim()
    .min(1, 'Câu hỏi không được để trống.')
    .max(2000, 'Câu hỏi dài quá 2000 ký tự.')
    .describe(
      'The question in Vietnamese, as a user would type it; diacritics and trade abbreviations are fine. ' +
        'Examples: "Ai chủ trì rà soát khung năng lực vị trí việc làm?", "thoi han nhiem vu 2", "SNV phối hợp những việc gì?".',
    ),
  conversationId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Pass the conversationId returned by a previous ask to resolve a follow-up such as "Ai phối hợp?" or "còn thời hạn?" against that turn. Omit to start a new conversation.',
    ),
  documentId: documentIdInput('Answer only from this document. Omit to answer from every loaded document.').optional(),
};

const outputSchema = {
  answer: z.string().describe('Vietnamese answer; [n] markers refer to citations[n-1].'),
  citations: z.array(citationOutput),
  abstained: z.boolean().describe('True when the corpus does not answer the question; then no claim is made.'),
  conversationId: z.string(),
  mode: z.enum(['extractive', 'llm']),
  notice: z.string().optional().describe('Why a configured language model was not used, in Vietnamese.'),
};

/** The answer followed by its numbered sources. */
export function askText(response: AskResponse): string {
  const sources = response.citations.length > 0 ? `\n\nNguồn:\n${citationLines(response.citations)}` : '';
  const notice = response.notice ? `\n\nLưu ý: ${response.notice}` : '';
  return `${response.answer}${sources}${notice}`;
}

function structured(response: AskResponse): Record<string, unknown> {
  return {
    answer: response.answer,
    citations: response.citations.map((citation) => ({ ...citation, label: placeName(citation.section, citation.label) })),
    abstained: response.abstained,
    conversationId: response.conversationId,
    mode: response.mode,
    ...(response.notice ? { notice: response.notice } : {}),
  };
}

/** Registers `ask`. */
export function registerAskTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'ask',
    {
      title: 'Hỏi đáp về văn bản',
      description:
        'Answer a question about the Vietnamese official documents in the corpus (plans, directives, resolutions, decrees, laws): ' +
        'who leads a task, who coordinates, the deadline, what a unit must do, what a regulation provides. The answer cites ' +
        'document sections ("mục II.4", "Điều 7 khoản 2") with verbatim quotes; it abstains when the documents do not say. ' +
        'Pass documentId to confine the answer to one document. ' +
        'Show the user the citations. Use list_tasks for tables of tasks and get_task for one task in full.',
      inputSchema,
      outputSchema,
      annotations: readOnlyAnnotations('Hỏi đáp về văn bản', false),
    },
    (args, extra) =>
      runTool('ask', deps, async () => {
        const assistant = deps.getAssistant();
        const documentId = resolveOptionalDocumentRef(assistant, args.documentId);
        const response = await assistant.ask({ question: args.question, conversationId: args.conversationId, documentId }, { signal: extra.signal });
        return toolSuccess(askText(response), structured(response));
      }),
  );
}
