/**
 * Writes an index atomically. Everything is built in a sibling folder `<index>.tmp-<pid>-<ts>`,
 * flushed to disk, `manifest.json` last (a folder without a manifest is never a valid index),
 * then swapped in with two renames: old → `<index>.old-…`, new → `<index>`. Killed at any
 * point, the previous index stays readable; killed between the two renames, the reader
 * puts the `.old-…` folder back (see `index-reader.ts`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { SavedEmbedder } from '../embed/index.js';
import type { Chunk, IndexManifest, Registry } from '../types.js';
import { syncPath, writeFileSynced, writeJsonSynced } from './json-files.js';
import { INDEX_FILES, isProcessAlive, listSiblings, siblingPath } from './layout.js';
import { encodeChunks } from './chunk-codec.js';
import { writeRegistryFiles } from './registry-files.js';
import { writeVectorFiles } from './vector-files.js';

/** Per-file facts kept for the next ingest, to know which parsed documents may be reused. */
export interface IngestCache {
  /** sha256 of `corpus/registry.json` when it was read (null when absent). */
  expectedRegistryHash: string | null;
  /** Per loaded file: a digest of the expected-registry entry it was parsed with. */
  files: Array<{ file: string; expectedKey: string }>;
}

/** Everything an index folder holds. */
export interface IndexContents {
  manifest: IndexManifest;
  registry: Registry;
  chunks: Chunk[];
  /** `lexical.bin`, already serialized. */
  lexical: Uint8Array;
  embedder: SavedEmbedder;
  cache: IngestCache;
  /** The vector graph; label i is chunk i. */
  vectors: HierarchicalNSW;
}

export interface WriteIndexOptions {
  /**
   * Test hook: a pause after the bulk is written and before the manifest, so that a test can
   * kill the process mid-write. Never set in production.
   */
  delayBeforeManifestMs?: number;
}

/** Writes `contents` as the index at `indexPath`, replacing any previous one atomically. */
export async function writeIndex(indexPath: string, contents: IndexContents, options: WriteIndexOptions = {}): Promise<void> {
  const target = path.resolve(indexPath);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const build = siblingPath(target, 'tmp');
  try {
    await writeFolder(build, contents, options);
  } catch (error) {
    await fs.rm(build, { recursive: true, force: true });
    throw error;
  }
  await swapIn(target, build);
}

async function writeFolder(folder: string, contents: IndexContents, options: WriteIndexOptions): Promise<void> {
  await fs.mkdir(folder);
  await writeRegistryFiles(folder, contents.registry);
  await writeJsonSynced(path.join(folder, INDEX_FILES.chunks), encodeChunks(contents.chunks, contents.registry.documents));
  await writeFileSynced(path.join(folder, INDEX_FILES.lexical), contents.lexical);
  await writeJsonSynced(path.join(folder, INDEX_FILES.embedder), contents.embedder);
  await writeJsonSynced(path.join(folder, INDEX_FILES.cache), contents.cache);
  await writeVectorFiles(path.join(folder, INDEX_FILES.vectors), contents.vectors, contents.chunks);
  if (options.delayBeforeManifestMs) await new Promise((resolve) => setTimeout(resolve, options.delayBeforeManifestMs));
  await writeJsonSynced(path.join(folder, INDEX_FILES.manifest), contents.manifest, true);
  await syncPath(folder);
}

/** The two renames, then removal of the old folder (its loss no longer matters). */
async function swapIn(target: string, build: string): Promise<void> {
  const old = siblingPath(target, 'old');
  let movedOld = false;
  try {
    await fs.rename(target, old);
    movedOld = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await fs.rm(build, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await fs.rename(build, target);
  } catch (error) {
    if (movedOld) await fs.rename(old, target).catch(() => undefined);
    await fs.rm(build, { recursive: true, force: true });
    throw error;
  }
  await syncPath(path.dirname(target));
  if (movedOld) await fs.rm(old, { recursive: true, force: true });
}

/**
 * Removes what interrupted ingests left next to `indexPath`: build folders of processes that
 * are gone, and old folders once an index is in place. Returns the removed paths.
 */
export async function removeStaleBuilds(indexPath: string): Promise<string[]> {
  const removed: string[] = [];
  const indexInPlace = await fs
    .access(path.join(indexPath, INDEX_FILES.manifest))
    .then(() => true)
    .catch(() => false);
  for (const sibling of await listSiblings(indexPath)) {
    const stale = sibling.kind === 'tmp' ? !isProcessAlive(sibling.pid) : indexInPlace;
    if (!stale) continue;
    await fs.rm(sibling.path, { recursive: true, force: true });
    removed.push(sibling.path);
  }
  return removed;
}
