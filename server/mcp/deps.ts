/**
 * What every part of the MCP server receives: a getter for the assistant (the index can be
 * swapped at run time, so never keep the assistant itself) and an optional logger.
 */
import type { Logger } from 'pino';
import type { PlanAssistant } from '../core/types.js';

export interface McpDeps {
  getAssistant: () => PlanAssistant;
  /** Unknown failures are logged here (never to stdout: stdio carries the protocol). */
  logger?: Logger;
}
