/**
 * Ahead-of-time build of the entries into `dist/` (see `scripts/bundle.mjs` for what a bundle
 * holds), so a start does not pay tsx's on-the-fly TypeScript transform (about a second here).
 * Plain JavaScript: it runs with bare `node` on a fresh clone.
 *
 * - The build is skipped while every input recorded by the last build is older than it, so an
 *   up-to-date start pays a few milliseconds of `stat` calls and never loads esbuild.
 * - Concurrent starts (tests spawn many) build once: a lock folder, the others wait for it.
 * - Nothing is printed to stdout (the stdio MCP server's stdout carries protocol only).
 *
 * Usage: `node scripts/build.mjs [--force]`; exit code 1 with the errors on stderr on failure.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { outputPathOf } from './bundle.mjs';

export { outputPathOf };

const THIS_FILE = fileURLToPath(import.meta.url);

/** The project root (this file lives in `<root>/scripts/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(THIS_FILE), '..');

/** The built entries, as source paths relative to the project root. */
export const ENTRIES = ['server/main.ts', 'server/mcp-stdio.ts', 'server/ask-cli.ts', 'ingest/cli.ts'];

/** The project's build: its root and entries. Tests pass a small project of their own. */
export const PROJECT = { root: PROJECT_ROOT, entries: ENTRIES };

/** Files that change the output without being bundled sources (relative to the root). */
const SETTINGS_FILES = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json'];
/** The build scripts themselves: a changed bundler setting rebuilds too. */
const SCRIPT_FILES = [THIS_FILE, path.join(path.dirname(THIS_FILE), 'bundle.mjs')];

const STAMP_FILE = '.build-stamp.json';
const LOCK_DIR = '.build-lock';
/** A lock older than this was left by a builder that died; it is taken over. */
const STALE_LOCK_MS = 120_000;

async function modifiedMs(file) {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

async function readStamp(root) {
  try {
    return JSON.parse(await readFile(path.join(root, 'dist', STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Whether `dist/` lacks an entry's bundle, or a recorded input or setting is newer than it. */
export async function isBuildStale({ root, entries } = PROJECT) {
  const stamp = await readStamp(root);
  if (!stamp || stamp.entries?.join('\n') !== entries.join('\n')) return true;
  const outputs = await Promise.all(entries.map((entry) => modifiedMs(outputPathOf(root, entry))));
  if (outputs.some((time) => time === null)) return true;
  const newer = (time) => time !== null && time > stamp.builtAtMs;
  // A missing source (deleted or renamed) also means the bundle no longer matches the sources.
  const sources = await Promise.all(stamp.inputs.map((file) => modifiedMs(path.join(root, file))));
  if (sources.some((time) => time === null || newer(time))) return true;
  const settings = [...SETTINGS_FILES.map((file) => path.join(root, file)), ...SCRIPT_FILES];
  return (await Promise.all(settings.map(modifiedMs))).some(newer);
}

/** Builds every entry now and records when and from which files (the stamp, written last). */
export async function buildNow({ root, entries } = PROJECT) {
  const builtAtMs = Date.now();
  const { bundleEntries } = await import('./bundle.mjs');
  const inputs = await bundleEntries(root, entries);
  const stampFile = path.join(root, 'dist', STAMP_FILE);
  await writeFile(`${stampFile}.tmp`, `${JSON.stringify({ entries, builtAtMs, inputs }, null, 1)}\n`);
  await rename(`${stampFile}.tmp`, stampFile);
}

/** Takes the build lock, or resolves false while another process holds a fresh one. */
async function tryLock(lockDir) {
  try {
    await mkdir(lockDir);
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const since = await modifiedMs(lockDir);
    if (since !== null && Date.now() - since > STALE_LOCK_MS) await rm(lockDir, { recursive: true, force: true });
    return false;
  }
}

/**
 * Builds when the build is stale (or `force`), once across concurrent callers: whoever takes
 * the lock builds; the others wait for it to go, then look again.
 */
export async function ensureBuilt(project = PROJECT, { force = false } = {}) {
  if (!force && !(await isBuildStale(project))) return;
  await mkdir(path.join(project.root, 'dist'), { recursive: true });
  const lockDir = path.join(project.root, 'dist', LOCK_DIR);
  while (!(await tryLock(lockDir))) {
    await sleep(50);
    if (!force && !(await isBuildStale(project))) return;
  }
  try {
    // Another process may have finished a build between our look and taking the lock.
    if (force || (await isBuildStale(project))) await buildNow(project);
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/** A build failure as text for stderr: esbuild's located errors, else the stack. */
export function describeBuildFailure(error) {
  const located = error?.errors?.map((item) => (item.location ? `${item.location.file}:${item.location.line}: ${item.text}` : item.text));
  return `Xây dựng (build) thất bại:\n${located?.length ? located.join('\n') : (error?.stack ?? String(error))}\n`;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  ensureBuilt(PROJECT, { force: process.argv.includes('--force') }).catch((error) => {
    process.stderr.write(describeBuildFailure(error));
    process.exitCode = 1;
  });
}
