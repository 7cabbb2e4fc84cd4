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
import { afterAll, beforeAll, expect } from 'vitest';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { AskResponse, PlanAssistant } from '../../server/core/types.js';
import { citationProblems } from '../eval/scorer.js';
import { loadConfig, type AppConfig } from '../../common/config.js';

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

/**
 * One assistant over the shipped corpus for a whole test file (registers `beforeAll` and
 * `afterAll`). Its `ask` fails the test when any citation is not verbatim at an existing address.
 */
export function useShippedAssistant(): { ask(question: string, conversationId?: string): Promise<AskResponse> } {
  let shipped: ShippedIndex;
  let assistant: PlanAssistant;
  beforeAll(async () => {
    shipped = await buildShippedIndex();
    assistant = createPlanAssistant({ index: shipped.index, config: shipped.config });
  });
  afterAll(() => shipped.cleanup());
  return {
    async ask(question, conversationId) {
      const response = await assistant.ask({ question, conversationId });
      expect(citationProblems(response, shipped.index.registry)).toEqual([]);
      return response;
    },
  };
}
