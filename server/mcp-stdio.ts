/**
 * Entry of `npm run mcp`: the MCP server over stdio, for Claude Desktop and other local
 * clients. stdout carries the protocol and nothing else: dotenv runs quietly, logs and ingest
 * progress go to stderr. Opens the index by the entries' one policy (`runtime/open-index.ts`:
 * built when missing or stale, a damaged one refused with exit 1); swaps in a re-built index
 * while running (WATCH_INDEX). Exits when stdin closes or on
 * SIGTERM/SIGINT.
 */
import dotenv from 'dotenv';
import { pino } from 'pino';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ConfigError, loadConfig, type AppConfig } from '../common/config.js';
import { createPlanAssistant } from './core/assistant.js';
import { createMcpServer } from './mcp/server.js';
import { createIndexHolder } from './runtime/index-holder.js';
import { openIndex } from './runtime/open-index.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // quiet: dotenv 17 otherwise prints a tip on stdout, which would corrupt the protocol.
  dotenv.config({ quiet: true });
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = pino({ level: config.LOG_LEVEL, name: 'mcp-stdio' }, pino.destination({ fd: 2, sync: true }));

  const { index: initial, load } = await openIndex(config, logger);
  const holder = createIndexHolder({
    config,
    logger,
    load,
    build: (index) => createPlanAssistant({ index, config }),
    initial,
  });
  if (config.WATCH_INDEX) holder.watch();

  const mcp = createMcpServer({ getAssistant: () => holder.get(), logger });
  const transport = new StdioServerTransport();

  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'MCP stdio: đang dừng');
    holder.close();
    mcp.cleanup().finally(() => process.exit(0));
  };
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('close', () => stop('stdin closed'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await mcp.server.connect(transport);
  logger.info({ indexPath: config.indexPath }, 'MCP stdio: sẵn sàng');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  fail(`Không khởi động được máy chủ MCP (stdio): ${message}`);
});
