/**
 * The shipped corpus ingested into a temporary folder, once per test file: the real plan,
 * the real pipeline, no state shared with the developer's `data/index`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest } from '../../ingest/pipeline.js';
import { loadIndex } from '../../ingest/store/index-reader.js';
import type { LoadedIndex } from '../../ingest/types.js';
import { loadConfig, type AppConfig } from '../../server/config.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ShippedIndex {
  index: LoadedIndex;
  config: AppConfig;
  cleanup(): Promise<void>;
}

/** Ingests `corpus/` into a temp folder and loads it; `env` adds configuration (model URL, bounds). */
export async function buildShippedIndex(env: Record<string, string> = {}): Promise<ShippedIndex> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'plan-core-'));
  const config = loadConfig({ CORPUS_DIR: path.join(REPO, 'corpus'), INDEX_DIR: path.join(folder, 'index'), ...env }, REPO);
  await runIngest(config);
  const index = await loadIndex(config.indexPath, { config });
  return { index, config, cleanup: () => fs.rm(folder, { recursive: true, force: true }) };
}
