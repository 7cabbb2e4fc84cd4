/**
 * The REAL assistant over the shipped corpus, for the must-show MCP tests: the run's shared
 * index (or one ingested into a temporary folder), loaded, the assistant built. No language model (the environment is not read).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest } from '../../ingest/pipeline.js';
import { loadIndex } from '../../ingest/store/index-reader.js';
import type { LoadedIndex } from '../../ingest/types.js';
import { loadConfig, type AppConfig } from '../../common/config.js';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { PlanAssistant } from '../../server/core/types.js';
import { sharedShippedIndexDir } from '../setup/shared-index.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
/** The seven real documents, byte for byte (the README beside them is not a document). */
export const REAL_DOCS_DIR = path.join(REPO_ROOT, 'test/fixtures/real-docs');

/** The question every face must answer with "Sở Nội vụ" and a citation of II.4. */
export const MUST_SHOW_QUESTION = 'Ai chủ trì rà soát khung năng lực vị trí việc làm?';
export const PLAN_ID = 'ke-hoach-cbcc-cap-xa-2026';

export interface RealCorpus {
  assistant: PlanAssistant;
  /** The loaded index the assistant answers from (its registry checks citations). */
  index: LoadedIndex;
  config: AppConfig;
  indexDir: string;
  cleanup(): Promise<void>;
}

/** The assistant over the index of `corpus/`: the run's shared one, or one built in a temporary folder. */
export async function buildRealCorpus(): Promise<RealCorpus> {
  const shared = sharedShippedIndexDir();
  if (shared) {
    const config = loadConfig({ CORPUS_DIR, INDEX_DIR: shared, WATCH_INDEX: 'false' }, REPO_ROOT);
    const index = await loadIndex(config.indexPath, { config });
    return { assistant: createPlanAssistant({ index, config }), index, config, indexDir: shared, cleanup: async () => undefined };
  }
  return ingestedCorpus(await mkdtemp(path.join(tmpdir(), 'mcp-real-')), CORPUS_DIR);
}

/**
 * The assistant over `corpusDir`, ingested into `root`/index; `cleanup` removes `root`
 * (and the corpus with it, when it lies under `root`).
 */
export async function ingestedCorpus(root: string, corpusDir: string): Promise<RealCorpus> {
  const indexDir = path.join(root, 'index');
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, WATCH_INDEX: 'false' }, REPO_ROOT);
  await runIngest(config);
  const index = await loadIndex(config.indexPath, { config });
  return {
    assistant: createPlanAssistant({ index, config }),
    index,
    config,
    indexDir,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * The assistant over a temporary copy of `corpus/` with the seven real documents beside the
 * plan, ingested into a temporary index; `corpusDir` is that copy, for spawned servers.
 */
export async function buildRealDocsCorpus(): Promise<RealCorpus & { corpusDir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'mcp-realdocs-'));
  const corpusDir = path.join(root, 'corpus');
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  // A real document the corpus already ships (under any name) is not copied twice.
  const files = (await readdir(corpusDir, { withFileTypes: true })).filter((entry) => entry.isFile());
  const shipped = new Set(await Promise.all(files.map(async (entry) => (await readFile(path.join(corpusDir, entry.name))).toString('base64'))));
  for (const file of await readdir(REAL_DOCS_DIR)) {
    if (file.toLowerCase() === 'readme.md') continue;
    const bytes = await readFile(path.join(REAL_DOCS_DIR, file));
    if (!shipped.has(bytes.toString('base64'))) await writeFile(path.join(corpusDir, file), bytes);
  }
  return { ...(await ingestedCorpus(root, corpusDir)), corpusDir };
}
