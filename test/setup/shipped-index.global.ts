/**
 * Vitest global setup: the shipped corpus is ingested ONCE per test run, into a temporary
 * folder, before any worker starts; test files read it through `sharedShippedIndexDir()`
 * (test/setup/shared-index.ts) instead of each building its own. Tests only read this index;
 * a test that writes an index builds its own in its own folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../common/config.js';
import { runIngest } from '../../ingest/pipeline.js';
import { REPO_ROOT, SHIPPED_CORPUS_DIR } from './shared-index.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'plan-shipped-'));
  const indexDir = path.join(folder, 'index');
  await runIngest(loadConfig({ CORPUS_DIR: SHIPPED_CORPUS_DIR, INDEX_DIR: indexDir }, REPO_ROOT));
  project.provide('shippedIndexDir', indexDir);
  return () => rm(folder, { recursive: true, force: true });
}
