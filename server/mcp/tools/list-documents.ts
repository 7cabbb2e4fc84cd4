/**
 * Tool `list_documents`: the documents in the corpus, and the documents the corpus expects but
 * does not hold (cited by the plan, text not loaded) — so a model never pretends to know them.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ExpectedDocumentStatus } from '../../../ingest/types.js';
import type { DocumentSummary } from '../../core/types.js';
import type { McpDeps } from '../deps.js';
import { vietnameseDate } from '../format.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { readOnlyAnnotations } from './annotations.js';

const outputSchema = {
  documents: z.array(
    z.object({
      id: z.string().describe('Use as documentId in get_document and search_documents.'),
      type: z.string().describe('ke-hoach, chi-thi, nghi-quyet, khung-nang-luc, …'),
      title: z.string(),
      number: z.string().nullable().describe('"18/CT-TTg"; null when the text leaves it blank.'),
      issuer: z.string().nullable(),
      issuedDate: z.string().nullable(),
      file: z.string(),
      sections: z.number(),
    }),
  ),
  missing: z
    .array(
      z.object({
        id: z.string(),
        type: z.string(),
        number: z.string().nullable(),
        date: z.string().nullable(),
        issuer: z.string().nullable(),
        title: z.string(),
      }),
    )
    .describe('Documents the corpus expects (cited or referred to) whose text is not loaded.'),
};

function documentLine(doc: DocumentSummary): string {
  const number = doc.number ? `số ${doc.number}` : 'chưa ghi số';
  const date = doc.issuedDate ? `ngày ${vietnameseDate(doc.issuedDate)}` : 'chưa ghi ngày';
  return ` - ${doc.title} [${doc.id}] — ${number}, ${date}; ${doc.sections} mục.`;
}

function missingLine(doc: ExpectedDocumentStatus): string {
  const facts = [doc.number ? `số ${doc.number}` : null, doc.date ? `ngày ${vietnameseDate(doc.date)}` : null, doc.issuer]
    .filter(Boolean)
    .join(', ');
  return ` - ${doc.title} [${doc.id}]${facts ? ` — ${facts}` : ''}.`;
}

/** Present documents, then the expected ones that are missing. */
export function documentsText(documents: readonly DocumentSummary[], missing: readonly ExpectedDocumentStatus[]): string {
  const parts = [`Văn bản có trong kho (${documents.length}):\n${documents.map(documentLine).join('\n') || ' (chưa có)'}`];
  if (missing.length > 0) {
    parts.push(`Văn bản được dẫn chiếu nhưng chưa có toàn văn trong kho (${missing.length}):\n${missing.map(missingLine).join('\n')}`);
  }
  return parts.join('\n\n');
}

/** Registers `list_documents`. */
export function registerListDocumentsTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'list_documents',
    {
      title: 'Danh sách văn bản',
      description:
        'List the documents loaded in the corpus (id, type, number, date, title, number of sections) and the expected documents ' +
        'that are missing: cited by the plan (e.g. Chỉ thị 18/CT-TTg) but whose text is not available. Never answer from a missing document.',
      inputSchema: {},
      outputSchema,
      annotations: readOnlyAnnotations('Danh sách văn bản'),
    },
    () =>
      runTool('list_documents', deps, () => {
        const { documents, expected } = deps.getAssistant().listDocuments();
        const missing = expected.filter((doc) => !doc.present);
        return toolSuccess(documentsText(documents, missing), {
          documents: documents.map((doc) => ({ ...doc })),
          missing: missing.map((doc) => ({
            id: doc.id,
            type: doc.type,
            number: doc.number,
            date: doc.date,
            issuer: doc.issuer,
            title: doc.title,
          })),
        });
      }),
  );
}
