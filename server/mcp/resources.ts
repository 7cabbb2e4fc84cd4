/**
 * Resources: every document (`corpus://documents/{documentId}`), every section
 * (`corpus://documents/{documentId}/sections/{address}`) and the task registry
 * (`corpus://tasks`, JSON). Templates list all their resources and complete their variables.
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { completeAddresses, completeDocumentIds } from './completions.js';
import type { McpDeps } from './deps.js';
import { placeName, taskToOutput } from './format.js';
import { documentShortName } from '../core/catalog/obligations.js';
import type { DocumentSummary } from '../core/types.js';
import type { Section } from '../../ingest/types.js';
import { foldForMatch } from '../../ingest/normalize/index.js';
import { RESOURCE_NOT_FOUND, toProtocolError } from './protocol-error.js';
import { resolveDocumentRef } from './document-ref.js';

export const DOCUMENT_URI_TEMPLATE = 'corpus://documents/{documentId}';
export const SECTION_URI_TEMPLATE = 'corpus://documents/{documentId}/sections/{address}';
export const TASKS_URI = 'corpus://tasks';

/** The URI of a document. Ids are slugs, but encode anyway: a dropped-in file may be named freely. */
export function documentUri(documentId: string): string {
  return `corpus://documents/${encodeURIComponent(documentId)}`;
}

/** The URI of a section; dots in addresses ("II.6.a") are fine in a URI and stay as they are. */
export function sectionUri(documentId: string, address: string): string {
  return `${documentUri(documentId)}/sections/${encodeURIComponent(address)}`;
}

/** A template variable, decoded; a malformed escape is kept as written (and then not found). */
function variable(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value.join(',') : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** "NĐ 335/2025, Điều 7 khoản 2 — heading": the document's short name and the section's Vietnamese label, never its address. */
export function sectionTitle(doc: Pick<DocumentSummary, 'type' | 'number'>, section: Section): string {
  const place = `${documentShortName(doc.type, doc.number)}, ${placeName(section.address, section.label)}`;
  const heading = section.heading?.trim();
  return heading ? `${place} — ${heading}` : place;
}

/** The address of a section named by address or by its label ("Điều 7 khoản 2", "dieu 7 khoan 2"); as given when neither matches. */
export function sectionAddress(sections: readonly Section[], wanted: string): string {
  if (sections.some((section) => section.address === wanted)) return wanted;
  const key = foldForMatch(wanted);
  return sections.find((section) => foldForMatch(placeName(section.address, section.label)) === key)?.address ?? wanted;
}

/** Runs a read and maps its failure to a JSON-RPC error. */
async function guardedRead(where: string, deps: McpDeps, read: () => ReadResourceResult): Promise<ReadResourceResult> {
  try {
    return read();
  } catch (error) {
    throw toProtocolError(error, where, deps, RESOURCE_NOT_FOUND);
  }
}

function registerDocumentResource(server: McpServer, deps: McpDeps): void {
  const template = new ResourceTemplate(DOCUMENT_URI_TEMPLATE, {
    list: () => ({
      resources: deps.getAssistant().listDocuments().documents.map((doc) => ({
        uri: documentUri(doc.id),
        name: doc.id,
        title: `${documentShortName(doc.type, doc.number)} — ${doc.title}`,
        mimeType: 'text/plain',
      })),
    }),
    complete: { documentId: (value) => completeDocumentIds(deps.getAssistant(), value) },
  });
  server.registerResource(
    'document',
    template,
    { title: 'Văn bản', description: 'The normalized text of a document of the corpus; citation quotes are substrings of it.', mimeType: 'text/plain' },
    (uri, variables) =>
      guardedRead('resource document', deps, () => {
        const assistant = deps.getAssistant();
        const document = assistant.getDocument(resolveDocumentRef(assistant, variable(variables.documentId)));
        return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: document.text }] };
      }),
  );
}

function registerSectionResource(server: McpServer, deps: McpDeps): void {
  const template = new ResourceTemplate(SECTION_URI_TEMPLATE, {
    list: () => {
      const assistant = deps.getAssistant();
      const resources = assistant.listDocuments().documents.flatMap((doc) =>
        assistant.getDocument(doc.id).sections.map((section) => ({
          uri: sectionUri(doc.id, section.address),
          name: `${doc.id}/${section.address}`,
          title: sectionTitle(doc, section),
          mimeType: 'text/plain',
        })),
      );
      return { resources };
    },
    complete: {
      documentId: (value) => completeDocumentIds(deps.getAssistant(), value),
      address: (value, context) => completeAddresses(deps.getAssistant(), value, context?.arguments?.documentId),
    },
  });
  server.registerResource(
    'section',
    template,
    { title: 'Mục văn bản', description: 'One section of a document by address or Vietnamese label ("II.4", "Điều 7 khoản 2"), verbatim.', mimeType: 'text/plain' },
    (uri, variables) =>
      guardedRead('resource section', deps, () => {
        const assistant = deps.getAssistant();
        const documentId = resolveDocumentRef(assistant, variable(variables.documentId));
        const address = sectionAddress(assistant.getDocument(documentId).sections, variable(variables.address));
        const section = assistant.getSection(documentId, address);
        return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: section.text }] };
      }),
  );
}

function registerTasksResource(server: McpServer, deps: McpDeps): void {
  server.registerResource(
    'tasks',
    TASKS_URI,
    {
      title: 'Danh mục nhiệm vụ',
      description: 'Every task of the plans with lead and coordinating units and timeline, as JSON.',
      mimeType: 'application/json',
    },
    (uri) =>
      guardedRead('resource tasks', deps, () => {
        const tasks = deps.getAssistant().listTasks().map(taskToOutput);
        return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ tasks }, null, 2) }] };
      }),
  );
}

/** Registers the document, section and task-registry resources. */
export function registerResources(server: McpServer, deps: McpDeps): void {
  registerTasksResource(server, deps);
  registerDocumentResource(server, deps);
  registerSectionResource(server, deps);
}
