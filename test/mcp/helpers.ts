/**
 * Test helpers for the MCP server: an in-process client over `InMemoryTransport`, a logger
 * that keeps its lines, and the text of a tool result.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { pino, type Logger } from 'pino';
import type { PlanAssistant } from '../../server/core/types.js';
import { createMcpServer } from '../../server/mcp/server.js';

/** A pino logger writing JSON lines into an array instead of a stream. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

/** A connected client and server in one process; `close` ends both. */
export async function connectInMemory(
  getAssistant: () => PlanAssistant,
  logger?: Logger,
): Promise<{ client: Client; close(): Promise<void> }> {
  const { server, cleanup } = createMcpServer({ getAssistant, logger });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'mcp-test-client', version: '1.0.0' });
  await client.connect(clientTransport);
  return {
    client,
    async close() {
      await client.close();
      await cleanup();
    },
  };
}

/** The text contents of a tool result, joined. */
export function resultText(result: unknown): string {
  const content = (result as CallToolResult).content ?? [];
  return content.map((item) => (item.type === 'text' ? item.text : '')).join('\n');
}

/** Calls a tool and returns the result typed as a tool result. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The text of the first content of a resource read ('' for a binary one). */
export function resourceText(result: ReadResourceResult): string {
  const first = result.contents[0];
  return first && 'text' in first ? first.text : '';
}
