/**
 * Where benchmarks build their indexes and corpora (temporary folders, never `data/index`),
 * and the configuration they run with: extractive mode, no rate limit, quiet, no index watch.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../common/config.js';
import { REPO_ROOT } from './child.js';

/** The shipped corpus. */
export const SHIPPED_CORPUS = path.join(REPO_ROOT, 'corpus');

/** Where the markdown figures go. */
export const BENCHMARKS_FILE = path.join(REPO_ROOT, 'BENCHMARKS.md');

/** Local outputs (git-ignored): raw JSON results, the chart before it is copied to docs. */
export const OUT_DIR = path.join(REPO_ROOT, 'bench', 'out');

/**
 * The environment benchmarks run with. Fixed rather than read from the caller's environment,
 * so a configured language model or a rate limit can never slip into the figures.
 */
export function benchEnvironment(corpusPath: string, indexPath: string): Record<string, string> {
  return {
    CORPUS_DIR: corpusPath,
    INDEX_DIR: indexPath,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    WATCH_INDEX: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    EMBEDDINGS: 'local',
  };
}

/** The configuration of {@link benchEnvironment}. */
export function benchConfig(corpusPath: string, indexPath: string): AppConfig {
  return loadConfig(benchEnvironment(corpusPath, indexPath), REPO_ROOT);
}

/** A fresh temporary folder; the caller removes it with {@link removeFolder}. */
export function makeTempFolder(label: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `plan-bench-${label}-`));
}

export function removeFolder(folder: string): Promise<void> {
  return rm(folder, { recursive: true, force: true });
}
