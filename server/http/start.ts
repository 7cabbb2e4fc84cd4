/**
 * Builds and starts the whole server: open the index (built when missing or stale, see
 * `server/runtime/open-index.ts`), build the assistant (swappable at run time), MCP over HTTP,
 * the Express app, then listen.
 * `server/main.ts` only reads the environment and calls `startServer`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AppConfig } from '../../common/config.js';
import { createPlanAssistant } from '../core/assistant.js';
import { ConversationStore } from '../core/conversation.js';
import { createMcpHttpHandler } from '../mcp/http.js';
import { createIndexHolder, type IndexHolder, type ReloadResult } from '../runtime/index-holder.js';
import { openIndex } from '../runtime/open-index.js';
import { createApp } from './app.js';
import { closeServerGracefully } from './shutdown.js';

export interface StartOptions {
  logger: Logger;
  /** How long requests in flight may take to finish at shutdown; default 10 s. */
  graceMs?: number;
}

export interface RunningServer {
  /** The address to open, e.g. `http://127.0.0.1:3000`. */
  url: string;
  server: Server;
  holder: IndexHolder;
  /** Loads the index from disk again and swaps it in (SIGHUP). */
  reload(): Promise<ReloadResult>;
  /** Stops accepting, lets requests finish (bounded), closes MCP sessions. */
  close(): Promise<void>;
}

const DEFAULT_GRACE_MS = 10_000;

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** The URL to show: a wildcard bind is reachable at loopback on this machine. */
export function displayUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' || host === '[::]' ? '[::1]' : host;
  const bracketed = shown.includes(':') && !shown.startsWith('[') ? `[${shown}]` : shown;
  return `http://${bracketed}:${port}`;
}

/**
 * Starts the server. Throws `CorpusNotIndexedError` / `IndexMismatchError` when the index
 * cannot be used, and the listen error (e.g. EADDRINUSE) when the port is taken.
 */
export async function startServer(config: AppConfig, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  const started = performance.now();
  const { index: initial, load } = await openIndex(config, logger);
  // One conversation store for every assistant the holder builds: follow-ups survive an index swap.
  const conversations = new ConversationStore({
    maxConversations: config.CONVERSATION_MAX,
    ttlMinutes: config.CONVERSATION_TTL_MINUTES,
  });
  const holder = createIndexHolder({
    config,
    logger,
    load,
    build: (index) => createPlanAssistant({ index, config, conversations }),
    initial,
  });
  const getAssistant = () => holder.get();
  const mcp = createMcpHttpHandler({ getAssistant, config, logger });
  const app = createApp({ getAssistant, config, logger, mcp });
  const server = createServer(app);
  let address: AddressInfo;
  try {
    address = await listen(server, config.HOST, config.PORT);
  } catch (error) {
    await mcp.close();
    throw error;
  }
  if (config.WATCH_INDEX) holder.watch();
  const url = displayUrl(config.HOST, address.port);
  logger.info({ url, ms: Math.round(performance.now() - started) }, `Trợ lý đang chạy tại ${url}`);

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      holder.close();
      const closed = closeServerGracefully(server, options.graceMs ?? DEFAULT_GRACE_MS);
      // Long-lived MCP streams would hold the close up: end their sessions while requests finish.
      await mcp.close();
      const { forced } = await closed;
      logger.info({ forced }, 'máy chủ đã dừng');
    })();
    return closing;
  };
  return { url, server, holder, reload: () => holder.reload(), close };
}
