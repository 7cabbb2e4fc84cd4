/**
 * The shipped corpus's index built once per run by the global setup
 * (test/setup/shipped-index.global.ts), for test files that only read it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the shipped corpus's index, built by the global setup. */
    shippedIndexDir: string;
  }
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHIPPED_CORPUS_DIR = path.join(REPO_ROOT, 'corpus');

/**
 * Settings that change what an index holds: with any of them, a test must build its own.
 * Everything else (a model URL, limits, an API key) may read the shared index.
 */
const INDEX_SETTINGS = ['CORPUS_DIR', 'INDEX_DIR', 'EMBEDDINGS', 'EMBEDDING_MODEL', 'EMBEDDING_DIMENSIONS', 'LOCAL_EMBEDDING_DIMENSIONS'];

/**
 * The shared index folder, or null when there is none (the file runs outside this project's
 * vitest configuration) or `env` asks for an index of another kind.
 */
export function sharedShippedIndexDir(env: Record<string, string> = {}): string | null {
  if (INDEX_SETTINGS.some((name) => name in env)) return null;
  try {
    return inject('shippedIndexDir') ?? null;
  } catch {
    return null;
  }
}
