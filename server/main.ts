/**
 * Entry of `npm start`: reads `.env` and the environment, starts the HTTP server (web pages,
 * JSON API, MCP), and stops it gracefully on SIGTERM/SIGINT. SIGHUP reloads the index.
 */
import dotenv from 'dotenv';
import { ConfigError, loadConfig, type AppConfig } from '../common/config.js';
import type { Logger } from 'pino';
import { startServer, type RunningServer } from './http/start.js';
import { createLogger } from './http/request-log.js';
import { isIndexRefusal } from './runtime/open-index.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** Turns the failures a user can fix into one clear line; anything else goes to the generic handler. */
function explainStartFailure(error: unknown, config: AppConfig): never {
  if (isIndexRefusal(error)) fail(error.message);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    fail(`Cổng ${config.PORT} trên ${config.HOST} đang được dùng; đặt biến PORT khác.`);
  }
  throw error;
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = readConfig();
  const logger = createLogger(config);

  // Signals are handled from the first moment: one that arrives while starting stops the
  // server as soon as it is up, instead of killing the process half-way.
  let running: RunningServer | null = null;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping && !running) return;
    if (stopping) process.exit(1); // a second signal while stopping: the user insists
    stopping = true;
    logger.info({ signal }, 'đang dừng máy chủ');
    if (running) closeAndExit(running, logger);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', () => {
    void running?.reload();
  });

  running = await startServer(config, { logger }).catch((error: unknown) => explainStartFailure(error, config));
  if (stopping) closeAndExit(running, logger);
}

function closeAndExit(running: RunningServer, logger: Logger): void {
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'dừng máy chủ thất bại');
      process.exit(1);
    },
  );
}

main().catch((error: unknown) => {
  fail(`Không khởi động được máy chủ: ${error instanceof Error ? error.message : String(error)}`);
});
