/**
 * Tool `search_documents`: ranked passages of the corpus for a query, each with its document,
 * address and score, for a model that wants to read the sources itself.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { SearchHit } from '../../core/types.js';
import type { McpDeps } from '../deps.js';
import { resolveOptionalDocumentRef } from '../document-ref.js';
import { placeName } from '../format.js';
import { documentIdInput } from '../schemas.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { readOnlyAnnotations } from './annotations.js';

const inputSchema = {
  query: z
    .string()
    .trim()
    .min(1, 'Cần nhập từ khóa tìm kiếm.')
    .max(500, 'Từ khóa dài quá 500 ký tự.')
    .describe('Words to look for, Vietnamese with or without diacritics. Examples: "khung năng lực vị trí việc làm", "tuyen dung cong chuc".'),
  k: z.number().int().min(1, 'k phải từ 1 đến 20.').max(20, 'k phải từ 1 đến 20.').optional().describe('How many passages to return, 1–20; default 5.'),
  documentId: documentIdInput('Only search this document. Omit to search the whole corpus.').optional(),
};

const outputSchema = {
  hits: z.array(
    z.object({
      documentId: z.string(),
      documentTitle: z.string(),
      address: z.string().describe('Section address, e.g. "II.4"; read it whole with get_document.'),
      label: z.string().describe('The section as Vietnamese readers name it: "mục II.4", "Điều 7 khoản 2".'),
      text: z.string().describe('The passage, verbatim.'),
      score: z.number().describe('Relevance; higher is better; comparable within one call only.'),
    }),
  ),
};

/** Numbered passages with their address and score. */
export function searchText(query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `Không tìm thấy đoạn văn bản nào khớp với “${query}”.`;
  const blocks = hits.map(
    (hit, index) => `[${index + 1}] ${hit.documentTitle} — ${placeName(hit.address, hit.label)} (điểm ${hit.score.toFixed(3)})\n${hit.text}`,
  );
  return `${hits.length} đoạn khớp với “${query}”:\n\n${blocks.join('\n\n')}`;
}

/** Registers `search_documents`. */
export function registerSearchDocumentsTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'search_documents',
    {
      title: 'Tìm đoạn văn bản',
      description:
        'Search the corpus (Vietnamese administrative documents) and return the best-matching passages, each with its ' +
        'document id, section address and its Vietnamese label ("mục II.4", "Điều 7 khoản 2") and score. Pass documentId (an id or a number such as "335/2025/NĐ-CP") to search one document. Use it to read sources before answering, or when ask abstains.',
      inputSchema,
      outputSchema,
      annotations: readOnlyAnnotations('Tìm đoạn văn bản'),
    },
    (args) =>
      runTool('search_documents', deps, async () => {
        const assistant = deps.getAssistant();
        const documentId = resolveOptionalDocumentRef(assistant, args.documentId);
        const hits = await assistant.search(args.query, { k: args.k ?? 5, documentId });
        return toolSuccess(searchText(args.query, hits), { hits: hits.map((hit) => ({ ...hit, label: placeName(hit.address, hit.label) })) });
      }),
  );
}
