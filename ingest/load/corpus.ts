/**
 * Walks the corpus folder and loads every document in it. One bad file never stops the rest: it
 * is reported as skipped with its reason, and loading goes on.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedText, SkippedFile } from '../types.js';
import { formatOf, isSkipped, loadFile, relativeCorpusPath } from './load-file.js';
import { extensionOf, skipReasons } from './skip-reasons.js';

/** Options of `loadCorpus`. */
export interface LoadCorpusOptions {
  /** Called before each file is loaded, with its corpus-relative path, 0-based index and total. */
  onFile?: (file: string, index: number, total: number) => void;
}

/** The corpus folder's own files, not documents: the expected-document registry and its readme. */
function isCorpusMetadata(relativePath: string): boolean {
  if (relativePath.includes('/')) return false;
  return relativePath === 'registry.json' || /^readme(\.|$)/i.test(relativePath);
}

/** Hidden files and folders (".git", ".DS_Store") and Office lock files ("~$kế hoạch.docx"). */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** Every candidate file: supported ones to load, the rest to report as unsupported. Sorted. */
async function scanCorpus(corpusDir: string): Promise<{ supported: string[]; unsupported: string[] }> {
  const root = path.resolve(corpusDir);
  const files = (await walk(root)).filter((file) => !isCorpusMetadata(relativeCorpusPath(file, root)));
  // Sort by the relative path's code points: the same order on every machine and locale.
  files.sort((a, b) => compareCodePoints(relativeCorpusPath(a, root), relativeCorpusPath(b, root)));
  return {
    supported: files.filter((file) => formatOf(file) !== null),
    unsupported: files.filter((file) => formatOf(file) === null),
  };
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const full = path.join(folder, entry.name);
    const kind = entry.isSymbolicLink() ? await linkTargetKind(full) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : null;
    if (kind === 'dir') files.push(...(await walk(full)));
    else if (kind === 'file') files.push(full);
  }
  return files;
}

/** Follows a symlink; a dangling one is left out (a linked folder could loop, so only files follow). */
async function linkTargetKind(full: string): Promise<'file' | null> {
  try {
    return (await stat(full)).isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Absolute paths of the files to load, recursively and sorted; skips hidden files, the corpus's
 * `registry.json` and README, and files whose extension is not supported.
 */
export async function listCorpusFiles(corpusDir: string): Promise<string[]> {
  return (await scanCorpus(corpusDir)).supported;
}

/**
 * Loads every document of the corpus. Unsupported files, and files that cannot be read, are in
 * `skipped` with their reason; `registry.json` and the README are silently ignored.
 */
export async function loadCorpus(
  corpusDir: string,
  options: LoadCorpusOptions = {},
): Promise<{ loaded: LoadedText[]; skipped: SkippedFile[] }> {
  const { supported, unsupported } = await scanCorpus(corpusDir);
  const loaded: LoadedText[] = [];
  const skipped: SkippedFile[] = unsupported.map((file) => ({
    file: relativeCorpusPath(file, corpusDir),
    code: 'unsupported',
    reason: skipReasons.unsupported(extensionOf(file)),
  }));
  for (const [index, file] of supported.entries()) {
    options.onFile?.(relativeCorpusPath(file, corpusDir), index, supported.length);
    const result = await loadFile(file, corpusDir);
    if (isSkipped(result)) skipped.push(result);
    else loaded.push(result);
  }
  skipped.sort((a, b) => compareCodePoints(a.file, b.file));
  return { loaded, skipped };
}
