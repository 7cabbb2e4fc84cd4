/**
 * Test helper: the REAL server (`startServer`) over the shipped corpus, on a free loopback
 * port, reading the run's shared index (built once by the global setup).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../../common/config.js';
import { startServer, type RunningServer } from '../../server/http/start.js';
import { sharedShippedIndexDir } from '../setup/shared-index.js';
import { silentLogger, testConfig } from './serve.js';

export const SHIPPED_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface RealServer extends RunningServer {
  config: AppConfig;
  /** Stops the server and removes the temporary index. */
  stop(): Promise<void>;
}

/**
 * Starts the real server over the run's shared index of the shipped corpus, or, without one,
 * with its start-up ingest into a temp folder.
 */
export async function startRealServer(env: Record<string, string> = {}): Promise<RealServer> {
  const shared = sharedShippedIndexDir(env);
  const folder = shared ? null : await mkdtemp(path.join(os.tmpdir(), 'plan-assistant-http-'));
  const config = testConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    CORPUS_DIR: SHIPPED_CORPUS,
    INDEX_DIR: shared ?? path.join(folder!, 'index'),
    ...env,
  });
  const running = await startServer(config, { logger: silentLogger(), graceMs: 2_000 });
  return {
    ...running,
    config,
    async stop() {
      await running.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    },
  };
}
