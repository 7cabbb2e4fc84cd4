/**
 * The shipped corpus's index, loaded: the one the global setup built for the whole run (the
 * real plan, the real pipeline, no state shared with the developer's `data/index`), or, for a
 * configuration that changes the index, one built into a temporary folder for the caller.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { loadIndex } from '../../ingest/store/index-reader.js';
import type { LoadedIndex } from '../../ingest/types.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { AskResponse, PlanAssistant } from '../../server/core/types.js';
import { citationProblems } from '../eval/scorer.js';
import { loadConfig, type AppConfig } from '../../common/config.js';
import { REPO_ROOT, SHIPPED_CORPUS_DIR, sharedShippedIndexDir } from '../setup/shared-index.js';
import { buildRealDocsCorpus, ingestedCorpus, type RealCorpus } from '../mcp/real-index.js';


export interface ShippedIndex {
  index: LoadedIndex;
  config: AppConfig;
  cleanup(): Promise<void>;
}

/** Loads the shared index of `corpus/` (or ingests one into a temp folder); `env` adds configuration (model URL, bounds). */
export async function buildShippedIndex(env: Record<string, string> = {}): Promise<ShippedIndex> {
  const shared = sharedShippedIndexDir(env);
  if (shared) {
    const config = loadConfig({ CORPUS_DIR: SHIPPED_CORPUS_DIR, INDEX_DIR: shared, ...env }, REPO_ROOT);
    return { index: await loadIndex(config.indexPath, { config }), config, cleanup: async () => undefined };
  }
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'plan-core-'));
  const config = loadConfig({ CORPUS_DIR: SHIPPED_CORPUS_DIR, INDEX_DIR: path.join(folder, 'index'), ...env }, REPO_ROOT);
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

/**
 * One assistant over the plan and the seven real documents (test/fixtures/real-docs) for a
 * whole test file, ingested into a temporary folder; its `ask` fails the test when any citation
 * is not verbatim at an existing address.
 */
export function useRealDocsAssistant(): { ask(question: string, conversationId?: string): Promise<AskResponse> } {
  let corpus: RealCorpus;
  beforeAll(async () => {
    corpus = await buildRealDocsCorpus();
  }, 120_000);
  afterAll(() => corpus.cleanup());
  return {
    async ask(question, conversationId) {
      const response = await corpus.assistant.ask({ question, conversationId });
      expect(citationProblems(response, corpus.index.registry)).toEqual([]);
      return response;
    },
  };
}

/**
 * One assistant over the plan alone (a temporary corpus holding the plan and corpus/registry.json),
 * for tests of how the plan is read when no other document competes; `ask` checks citations.
 */
export function usePlanOnlyAssistant(): { ask(question: string, conversationId?: string): Promise<AskResponse> } {
  let corpus: RealCorpus;
  beforeAll(async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'plan-only-'));
    const corpusDir = path.join(root, 'corpus');
    await fs.mkdir(corpusDir);
    const registry = JSON.parse(await fs.readFile(path.join(SHIPPED_CORPUS_DIR, 'registry.json'), 'utf8')) as { documents: Array<{ type: string; file: string | null }> };
    const plan = registry.documents.find((document) => document.type === 'ke-hoach' && document.file);
    if (!plan?.file) throw new Error('corpus/registry.json lists no plan with a file');
    await fs.copyFile(path.join(SHIPPED_CORPUS_DIR, plan.file), path.join(corpusDir, plan.file));
    await fs.copyFile(path.join(SHIPPED_CORPUS_DIR, 'registry.json'), path.join(corpusDir, 'registry.json'));
    corpus = await ingestedCorpus(root, corpusDir);
  }, 60_000);
  afterAll(() => corpus.cleanup());
  return {
    async ask(question, conversationId) {
      const response = await corpus.assistant.ask({ question, conversationId });
      expect(citationProblems(response, corpus.index.registry)).toEqual([]);
      return response;
    },
  };
}
