/**
 * Tool `get_document`: the normalized text of a document, or of one section by address, with
 * the outline of addresses beneath it so a model can read further.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Section } from '../../../ingest/types.js';
import type { McpDeps } from '../deps.js';
import { resolveDocumentRef } from '../document-ref.js';
import { placeName } from '../format.js';
import { sectionAddress } from '../resources.js';
import { documentIdInput, sectionOutline } from '../schemas.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { readOnlyAnnotations } from './annotations.js';

const inputSchema = {
  documentId: documentIdInput('The document to read.'),
  section: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'A section: its address from the outline ("II.4", "dieu.7.khoan.2", "signature") or its label as written ("Điều 7 khoản 2", "mục II.4", "phần chữ ký"). Omit for the whole document.',
    ),
};

const outputSchema = {
  documentId: z.string(),
  documentTitle: z.string(),
  section: sectionOutline.nullable().describe('The section returned, or null for the whole document.'),
  text: z.string().describe('Verbatim normalized text; citation quotes are substrings of it.'),
  sections: z.array(sectionOutline).describe('For a document: every section. For a section: its direct sub-sections.'),
};

function outline(section: Section): { address: string; label: string; kind: string; heading: string | null } {
  return { address: section.address, label: placeName(section.address, section.label), kind: section.kind, heading: section.heading };
}

function outlineText(sections: readonly Section[]): string {
  return sections.length > 0 ? `Các phần: ${sections.map((section) => placeName(section.address, section.label)).join(', ')}\n\n` : '';
}

/** Registers `get_document`. */
export function registerGetDocumentTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'get_document',
    {
      title: 'Đọc văn bản',
      description:
        'Read a document of the corpus, whole or one section by address or label ("II.4", "Điều 7 khoản 2"). Returns the verbatim text ' +
        'and the outline of its sections (address and Vietnamese label). For a document that is expected but not loaded, the error says so.',
      inputSchema,
      outputSchema,
      annotations: readOnlyAnnotations('Đọc văn bản'),
    },
    (args) =>
      runTool('get_document', deps, () => {
        const assistant = deps.getAssistant();
        const document = assistant.getDocument(resolveDocumentRef(assistant, args.documentId));
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
        const section = assistant.getSection(document.id, sectionAddress(document.sections, args.section));
        const children = document.sections.filter((item) => item.parent === section.address);
        const heading = `${document.title} [${document.id}] — ${placeName(section.address, section.label)}\n`;
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
