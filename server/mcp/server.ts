/**
 * The MCP server factory: seven read-only tools, the corpus as resources, two prompts, argument
 * completion and the logging capability. It never connects by itself: the stdio entry and the
 * HTTP handler each connect it to their transport (one server per HTTP session).
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import packageJson from '../../package.json' with { type: 'json' };
import type { McpDeps } from './deps.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { registerAskTool } from './tools/ask.js';
import { registerGetDocumentTool } from './tools/get-document.js';
import { registerGetTaskTool } from './tools/get-task.js';
import { registerListDocumentsTool } from './tools/list-documents.js';
import { registerListTasksTool } from './tools/list-tasks.js';
import { registerListUnitObligationsTool } from './tools/list-unit-obligations.js';
import { registerSearchDocumentsTool } from './tools/search-documents.js';

export type { McpDeps } from './deps.js';

/** What a model reads first: what the corpus is and how to use the tools well. */
export const SERVER_INSTRUCTIONS =
  'This server answers questions about the Vietnamese official documents loaded in its corpus (plans, directives, resolutions, ' +
  'decrees, laws): who leads each task (chủ trì), who coordinates (phối hợp), deadlines (thời hạn), what a regulation requires. ' +
  'Every answer comes from the documents, with places named as Vietnamese readers name them ("mục II.4", "Điều 7 khoản 2") ' +
  'and verbatim quotes; cite them to the user. Use list_documents first to see what is loaded (and what is cited but missing); ' +
  'pass documentId (an id or a number such as "335/2025/NĐ-CP") to confine ask, search_documents, list_tasks, get_task and ' +
  'get_document to one document. Use list_unit_obligations for everything the documents ask of a unit, list_tasks / get_task ' +
  'for the task tables of plans, search_documents and get_document to read sources. Reply to users in Vietnamese.';

/** Builds a fully registered MCP server over the assistant that `deps.getAssistant` returns at each call. */
export function createMcpServer(deps: McpDeps): { server: McpServer; cleanup(): Promise<void> } {
  const server = new McpServer(
    { name: 'plan-assistant', title: 'Trợ lý tra cứu kế hoạch', version: packageJson.version },
    { capabilities: { logging: {} }, instructions: SERVER_INSTRUCTIONS },
  );
  registerAskTool(server, deps);
  registerSearchDocumentsTool(server, deps);
  registerListTasksTool(server, deps);
  registerGetTaskTool(server, deps);
  registerListDocumentsTool(server, deps);
  registerListUnitObligationsTool(server, deps);
  registerGetDocumentTool(server, deps);
  registerResources(server, deps);
  registerPrompts(server, deps);
  return {
    server,
    async cleanup() {
      await server.close();
    },
  };
}
