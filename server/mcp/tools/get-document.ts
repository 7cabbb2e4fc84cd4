/**
 * Tool `get_document`: the normalized text of a document, or of one section by address, with
 * the outline of addresses beneath it so a model can read further.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Section } from '../../../ingest/types.js';
import type { McpDeps } from '../deps.js';
import { documentIdInput, sectionOutline } from '../schemas.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { readOnlyAnnotations } from './annotations.js';

const inputSchema = {
  documentId: documentIdInput('The document id from list_documents, e.g. "ke-hoach-cbcc-cap-xa-2026".'),
  section: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'A section address: "header", "preamble", "I", "II", "II.4", "II.6.a", "III.closing", "footnote.1", "recipients", "signature". Omit for the whole document.',
    ),
};

const outputSchema = {
  documentId: z.string(),
  documentTitle: z.string(),
  section: sectionOutline.nullable().describe('The section returned, or null for the whole document.'),
  text: z.string().describe('Verbatim normalized text; citation quotes are substrings of it.'),
  sections: z.array(sectionOutline).describe('For a document: every section. For a section: its direct sub-sections.'),
};

function outline(section: Section): { address: string; kind: string; heading: string | null } {
  return { address: section.address, kind: section.kind, heading: section.heading };
}

function outlineText(sections: readonly Section[]): string {
  return sections.length > 0 ? `Các mục: ${sections.map((section) => section.address).join(', ')}\n\n` : '';
}

/** Registers `get_document`. */
export function registerGetDocumentTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'get_document',
    {
      title: 'Đọc văn bản',
      description:
        'Read a document of the corpus, whole or one section by address ("II.4", "footnote.1"). Returns the verbatim text ' +
        'and the addresses of its sections. For a document that is expected but not loaded, the error says so.',
      inputSchema,
      outputSchema,
      annotations: readOnlyAnnotations('Đọc văn bản'),
    },
    (args) =>
      runTool('get_document', deps, () => {
        const assistant = deps.getAssistant();
        const document = assistant.getDocument(args.documentId);
        if (args.section === undefined) {
          const text = `${document.title} [${document.id}]\n${outlineText(document.sections)}${document.text}`;
          return toolSuccess(text, {
            documentId: document.id,
            documentTitle: document.title,
            section: null,
            text: document.text,
            sections: document.sections.map(outline),
          });
        }
        const section = assistant.getSection(document.id, args.section);
        const children = document.sections.filter((item) => item.parent === section.address);
        const heading = `${document.title} [${document.id}] — mục ${section.address}\n`;
        return toolSuccess(`${heading}${outlineText(children)}${section.text}`, {
          documentId: document.id,
          documentTitle: document.title,
          section: outline(section),
          text: section.text,
          sections: children.map(outline),
        });
      }),
  );
}
