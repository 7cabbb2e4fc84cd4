/**
 * The one place where MCP tool outcomes are shaped: a success carries readable Vietnamese text
 * and `structuredContent`; a failure is an `isError` result, never a protocol error, so the
 * model reads what went wrong and can correct its call. Raw errors never reach the client.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DomainError } from '../../common/errors.js';
import type { McpDeps } from './deps.js';

/** Shown for failures we did not foresee; the details go to the log only. */
export const GENERIC_TOOL_ERROR = 'Đã xảy ra lỗi nội bộ khi chạy công cụ này. Vui lòng thử lại sau.';

/** A successful result: the text for people and models, the same data as structured JSON. */
export function toolSuccess(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** An `isError` result with a Vietnamese message. */
export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/**
 * Maps a thrown error to a result: domain errors (not found, invalid input, index problems)
 * keep their Vietnamese message; anything else is logged and replaced by a generic message.
 */
export function failureResult(error: unknown, tool: string, deps: Pick<McpDeps, 'logger'>): CallToolResult {
  if (error instanceof DomainError) return toolError(error.message);
  // The client cancelled the request: nothing went wrong, and nobody reads this result.
  if (error instanceof Error && error.name === 'AbortError') return toolError('Yêu cầu đã bị hủy.');
  deps.logger?.error({ err: error, tool }, 'công cụ MCP gặp lỗi không lường trước');
  return toolError(GENERIC_TOOL_ERROR);
}

/** Runs a tool body and turns any throw into a failure result. */
export async function runTool(
  tool: string,
  deps: Pick<McpDeps, 'logger'>,
  body: () => CallToolResult | Promise<CallToolResult>,
): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    return failureResult(error, tool, deps);
  }
}
