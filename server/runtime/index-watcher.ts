/**
 * Watches an index folder for a new build, debounced. Two watchers, because an index can be
 * replaced in two ways: written in place (the folder's `manifest.json` changes) or built aside
 * and renamed over the old folder (only the parent folder sees that, and the old folder's
 * watcher goes stale, so it is re-attached after each change).
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export interface IndexWatcherOptions {
  indexPath: string;
  debounceMs: number;
  logger: Logger;
  /** Called once per burst of changes; errors are logged, never thrown. */
  onChange: () => Promise<void>;
}

export interface IndexWatcher {
  close(): void;
}

/** Starts watching; a missing folder is tolerated (it is watched from its parent once created). */
export function watchIndex(options: IndexWatcherOptions): IndexWatcher {
  const parent = path.dirname(options.indexPath);
  const base = path.basename(options.indexPath);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let parentWatcher: FSWatcher | null = null;
  let folderWatcher: FSWatcher | null = null;

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, options.debounceMs);
    timer.unref();
  };

  const fire = () => {
    timer = null;
    attachFolder(); // the folder may be a new one after a rename
    options.onChange().catch((error: unknown) => {
      options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'index watch: reload failed');
    });
  };

  const tryWatch = (target: string, onEvent: (file: string | null) => void): FSWatcher | null => {
    try {
      const watcher = watch(target, { persistent: false }, (_event, file) => onEvent(file === null ? null : String(file)));
      watcher.on('error', () => watcher.close());
      return watcher;
    } catch {
      return null;
    }
  };

  function attachFolder(): void {
    if (closed) return;
    folderWatcher?.close();
    folderWatcher = tryWatch(options.indexPath, (file) => {
      if (file === null || file === 'manifest.json') schedule();
    });
  }

  parentWatcher = tryWatch(parent, (file) => {
    if (file === null || file === base) schedule();
  });
  if (!parentWatcher) options.logger.warn({ folder: parent }, 'index watch: cannot watch the index parent folder');
  attachFolder();

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      parentWatcher?.close();
      folderWatcher?.close();
    },
  };
}
