/**
 * Errors of resource reads and prompt requests, which (unlike tool calls) can only fail as
 * JSON-RPC errors: domain errors keep their Vietnamese message and get the fitting code;
 * anything else is logged and replaced by a generic message.
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { DomainError, NotFoundError } from '../../common/errors.js';
import type { McpDeps } from './deps.js';

/** The code the MCP specification gives an unknown resource. */
export const RESOURCE_NOT_FOUND = -32002;

/** Maps a thrown error to an `McpError`; `notFoundCode` differs between resources and prompts. */
export function toProtocolError(error: unknown, where: string, deps: Pick<McpDeps, 'logger'>, notFoundCode: number): McpError {
  if (error instanceof McpError) return error;
  if (error instanceof NotFoundError) return new McpError(notFoundCode, error.message);
  if (error instanceof DomainError) return new McpError(ErrorCode.InvalidParams, error.message);
  deps.logger?.error({ err: error, where }, 'yêu cầu MCP gặp lỗi không lường trước');
  return new McpError(ErrorCode.InternalError, 'Đã xảy ra lỗi nội bộ. Vui lòng thử lại sau.');
}
