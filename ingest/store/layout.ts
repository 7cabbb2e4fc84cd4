/**
 * Where an index lives on disk: its files, and the sibling folders of an atomic swap
 * (`<index>.tmp-<pid>-<ts>` while building, `<index>.old-<pid>-<ts>` during the swap).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Bump when the files change shape; an index of another version must be rebuilt. */
export const INDEX_FORMAT_VERSION = 6;

export const INDEX_FILES = {
  manifest: 'manifest.json',
  registry: 'registry.json',
  texts: 'texts.bin',
  sections: 'sections.json',
  chunks: 'chunks.json',
  lexical: 'lexical.bin',
  embedder: 'embedder.json',
  cache: 'cache.json',
  vectors: 'vectors',
} as const;

/** Files LangChain's `HNSWLib.save` writes inside `vectors/`. */
export const VECTOR_FILES = ['hnswlib.index', 'args.json', 'docstore.json'] as const;

export type SiblingKind = 'tmp' | 'old';

/** A fresh sibling folder name of `indexPath` for a build or a swap by this process. */
export function siblingPath(indexPath: string, kind: SiblingKind, now = Date.now()): string {
  return `${path.resolve(indexPath)}.${kind}-${process.pid}-${now}`;
}

/** A sibling folder found next to an index. */
export interface Sibling {
  path: string;
  kind: SiblingKind;
  pid: number;
  time: number;
}

/** Sibling `.tmp-*` / `.old-*` folders of `indexPath`, newest first. */
export async function listSiblings(indexPath: string): Promise<Sibling[]> {
  const absolute = path.resolve(indexPath);
  const parent = path.dirname(absolute);
  const prefix = `${path.basename(absolute)}.`;
  let names: string[];
  try {
    names = await fs.readdir(parent);
  } catch {
    return [];
  }
  const siblings: Sibling[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(tmp|old)-(\d+)-(\d+)$/.exec(name.slice(prefix.length));
    if (match) siblings.push({ path: path.join(parent, name), kind: match[1] as SiblingKind, pid: Number(match[2]), time: Number(match[3]) });
  }
  return siblings.sort((a, b) => b.time - a.time);
}

/** Whether a process with this id is running (a build folder of a live ingest is not stale). */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Total size in bytes of the files under `target` (0 when missing). */
export async function sizeOnDisk(target: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of await fs.readdir(target)) total += await sizeOnDisk(path.join(target, entry));
  return total;
}
