/**
 * Resources: every document (`corpus://documents/{documentId}`), every section
 * (`corpus://documents/{documentId}/sections/{address}`) and the task registry
 * (`corpus://tasks`, JSON). Templates list all their resources and complete their variables.
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { completeAddresses, completeDocumentIds } from './completions.js';
import type { McpDeps } from './deps.js';
import { taskToOutput } from './format.js';
import { RESOURCE_NOT_FOUND, toProtocolError } from './protocol-error.js';

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
        title: doc.title,
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
        const document = deps.getAssistant().getDocument(variable(variables.documentId));
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
          title: section.heading ? `${section.address} — ${section.heading}` : section.address,
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
    { title: 'Mục văn bản', description: 'One section of a document by address ("II.4", "footnote.1"), verbatim.', mimeType: 'text/plain' },
    (uri, variables) =>
      guardedRead('resource section', deps, () => {
        const section = deps.getAssistant().getSection(variable(variables.documentId), variable(variables.address));
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
