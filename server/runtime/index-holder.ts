/**
 * Holds the assistant built over the current index and swaps in a new one without restart.
 *
 * A new index is loaded beside the old one and swapped in with one assignment: a request holds
 * the assistant it got from `get()` until it finishes, so a swap never changes the ground under
 * it. A new index that fails to load is refused, and the old one keeps serving.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../../common/config.js';
import type { LoadedIndex } from '../../ingest/types.js';
import type { PlanAssistant } from '../core/types.js';
import { CorpusNotIndexedError } from '../../common/errors.js';
import { watchIndex, type IndexWatcher } from './index-watcher.js';

export interface IndexHolderDeps {
  config: Pick<AppConfig, 'indexPath'>;
  logger: Logger;
  /** Reads the index at a path; throws a domain error naming the file when it cannot. */
  load: (indexPath: string) => Promise<LoadedIndex>;
  /** Builds the assistant over an index (conversations live in a store the closure shares). */
  build: (index: LoadedIndex) => PlanAssistant;
  /** The index already loaded at start, if any; otherwise `get()` throws until a reload succeeds. */
  initial?: LoadedIndex;
  /** Debounce of the file watcher, in ms. */
  debounceMs?: number;
}

export interface ReloadResult {
  ok: boolean;
  /** Why the new index was refused, when `ok` is false. */
  error?: string;
}

export interface IndexHolder {
  /** The current assistant; keep the reference for the whole request. */
  get(): PlanAssistant;
  /** The index behind `get()`. */
  index(): LoadedIndex | null;
  /** Loads the index from disk and swaps it in; on failure keeps the old one. Never throws. */
  reload(): Promise<ReloadResult>;
  /** Watches the index folder and reloads when its manifest changes. */
  watch(): void;
  /** Stops watching. */
  close(): void;
}

/** Counts for logs: what the swap brought. */
function summary(index: LoadedIndex): Record<string, number | string> {
  return { ...index.manifest.counts, builtAt: index.manifest.createdAt };
}

/** The message of anything thrown, for the log and the reload result. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates a holder; pass `initial` to serve at once. */
export function createIndexHolder(deps: IndexHolderDeps): IndexHolder {
  let current: { index: LoadedIndex; assistant: PlanAssistant } | null = deps.initial
    ? { index: deps.initial, assistant: deps.build(deps.initial) }
    : null;
  let running: Promise<ReloadResult> | null = null;
  let again = false;
  let watcher: IndexWatcher | null = null;

  async function loadAndSwap(): Promise<ReloadResult> {
    try {
      const index = await deps.load(deps.config.indexPath);
      const assistant = deps.build(index);
      current = { index, assistant }; // the swap: one assignment
      deps.logger.info(summary(index), 'index reloaded');
      return { ok: true };
    } catch (error) {
      const message = messageOf(error);
      deps.logger.error({ err: message }, 'new index refused; the previous index keeps serving');
      return { ok: false, error: message };
    }
  }

  /** One reload at a time; a request arriving meanwhile runs once more after it (the disk may have changed again). */
  async function runReloads(): Promise<ReloadResult> {
    let result: ReloadResult;
    do {
      again = false;
      result = await loadAndSwap();
    } while (again);
    return result;
  }

  function reload(): Promise<ReloadResult> {
    if (running) {
      again = true;
      return running;
    }
    running = runReloads().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    get() {
      if (!current) {
        throw new CorpusNotIndexedError(
          `Chưa có chỉ mục tại ${path.join(deps.config.indexPath, 'manifest.json')}. Chạy "npm run ingest" để tạo.`,
        );
      }
      return current.assistant;
    },
    index: () => current?.index ?? null,
    reload,
    watch() {
      if (watcher) return;
      watcher = watchIndex({
        indexPath: deps.config.indexPath,
        debounceMs: deps.debounceMs ?? 300,
        logger: deps.logger,
        onChange: async () => {
          // Skip events that did not change the manifest (our own reads, unrelated files).
          const manifest = await readManifestStamp(deps.config.indexPath);
          if (manifest !== null && manifest === stampOf(current?.index)) return;
          await reload();
        },
      });
    },
    close() {
      watcher?.close();
      watcher = null;
    },
  };
}

/** What identifies one build of an index: its manifest's creation time and counts. */
function stampOf(index: LoadedIndex | undefined): string | null {
  return index ? JSON.stringify([index.manifest.createdAt, index.manifest.counts]) : null;
}

/** The stamp of the manifest on disk, or null when it cannot be read (then a reload reports why). */
async function readManifestStamp(indexPath: string): Promise<string | null> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(indexPath, 'manifest.json'), 'utf8')) as LoadedIndex['manifest'];
    return JSON.stringify([manifest.createdAt, manifest.counts]);
  } catch {
    return null;
  }
}
