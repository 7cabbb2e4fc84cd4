/**
 * Test helper: the REAL server (`startServer`) over the shipped corpus, with its index built
 * into a temporary folder by the start-up ingest, on a free loopback port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../../common/config.js';
import { startServer, type RunningServer } from '../../server/http/start.js';
import { silentLogger, testConfig } from './serve.js';

export const SHIPPED_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface RealServer extends RunningServer {
  config: AppConfig;
  /** Stops the server and removes the temporary index. */
  stop(): Promise<void>;
}

/** Starts the real server; the first start ingests the shipped corpus into a temp folder. */
export async function startRealServer(env: Record<string, string> = {}): Promise<RealServer> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'plan-assistant-http-'));
  const config = testConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    CORPUS_DIR: SHIPPED_CORPUS,
    INDEX_DIR: path.join(folder, 'index'),
    ...env,
  });
  const running = await startServer(config, { logger: silentLogger(), graceMs: 2_000 });
  return {
    ...running,
    config,
    async stop() {
      await running.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
