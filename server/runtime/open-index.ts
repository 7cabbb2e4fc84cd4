/**
 * The one policy for opening the index, shared by every entry that answers (`npm start`,
 * `npm run mcp`, `npm run ask`):
 *
 * - no index yet → build it (ingest), then load it;
 * - an index older than the corpus (a file added, changed or removed, another format or
 *   normalizer) → build it again, then load it;
 * - an index that is there but damaged → never rebuilt behind the user's back: loading it fails
 *   with a `CorpusNotIndexedError` naming the file and `npm run ingest`, and the entry exits ≠ 0
 *   (see SECURITY.md, "Index changes at run time").
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../../common/config.js';
import { CorpusNotIndexedError, IndexMismatchError } from '../../common/errors.js';
import { runIngest } from '../../ingest/pipeline.js';
import { indexStatus, loadIndex, type IndexStatus } from '../../ingest/store/index-reader.js';
import { INDEX_FILES } from '../../ingest/store/layout.js';
import type { LoadedIndex } from '../../ingest/types.js';

/** What to do before loading: use the index as it is, build a missing one, rebuild a stale one. */
export type IndexAction = { kind: 'use' } | { kind: 'build' | 'rebuild'; reasons: string[] };

/** What the policy reports while it works (a pino logger fits; the ask CLI passes plain lines). */
export interface IndexOpenLog {
  info(fields: Record<string, unknown>, message: string): void;
}

export interface OpenedIndex {
  index: LoadedIndex;
  /** What was done before loading. */
  action: IndexAction;
  /** Loads the index again from a path with the same checks (for the hot-swapping holder). */
  load: (indexPath: string) => Promise<LoadedIndex>;
}

/**
 * The decision alone, from the index's status and whether its manifest file is on disk. A
 * manifest that is there but unreadable is damage, not absence: the index is used as it is,
 * so that loading it reports the file.
 */
export function decideIndexAction(status: IndexStatus, manifestFilePresent: boolean): IndexAction {
  if (status.exists) return status.stale ? { kind: 'rebuild', reasons: status.reasons } : { kind: 'use' };
  if (manifestFilePresent) return { kind: 'use' };
  return { kind: 'build', reasons: status.reasons };
}

/** Whether `error` is the policy's refusal (damaged index, or built with another embedder). */
export function isIndexRefusal(error: unknown): error is CorpusNotIndexedError | IndexMismatchError {
  return error instanceof CorpusNotIndexedError || error instanceof IndexMismatchError;
}

async function fileExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Applies the policy to `config.indexPath` and `config.corpusPath` and loads the index. Throws
 * `CorpusNotIndexedError` / `IndexMismatchError` (messages name the file and the command) when
 * the index cannot be used, and ingest's own error when a build fails.
 */
export async function openIndex(config: AppConfig, log: IndexOpenLog): Promise<OpenedIndex> {
  const status = await indexStatus(config.indexPath, config.corpusPath);
  const manifestFilePresent = status.exists || (await fileExists(path.join(config.indexPath, INDEX_FILES.manifest)));
  const action = decideIndexAction(status, manifestFilePresent);
  if (action.kind !== 'use') {
    const what = action.kind === 'build' ? 'chưa có chỉ mục' : 'chỉ mục cũ hơn kho văn bản';
    log.info({ reasons: action.reasons, indexPath: config.indexPath }, `${what}: đang chạy ingest`);
    const summary = await runIngest(config);
    log.info(
      { ...summary.totals, missing: summary.expected.filter((doc) => !doc.present).length, ms: summary.timings.totalMs },
      'ingest xong',
    );
  }
  const load = (indexPath: string) => loadIndex(indexPath, { config });
  return { index: await load(config.indexPath), action, load };
}
