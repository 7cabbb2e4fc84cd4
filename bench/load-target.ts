/**
 * The server a load test runs against: the real entry (`server/main.ts`) spawned on a free
 * loopback port over a temporary copy of the corpus, and the index swap done to it mid-run
 * (one synthetic document added, the index rebuilt by the real `ingest/cli.ts`, then SIGHUP).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './child.js';

const SWAP_DOCUMENT = path.join(REPO_ROOT, 'test', 'reliability', 'fixtures', 'ke-hoach-gia-lap-kiem-thu.txt');

export interface SwapReport {
  /** Seconds from the start of the run: rebuild started, new counts visible at /healthz. */
  startedAtSec: number;
  visibleAtSec: number | null;
  documentsBefore: number;
  documentsAfter: number | null;
  /** Whether the new index was built before the load and only renamed in and reloaded under it. */
  prebuilt: boolean;
  error?: string;
}

/** A running server to load, with what a swap needs. */
export interface Target {
  url: string;
  corpusPath?: string;
  env?: Record<string, string>;
  child?: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs `node --import tsx <script>` from the repository root; resolves with the child. */
function spawnTsx(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, script)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function exitOf(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

async function health(url: string): Promise<{ documents: number } | null> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? ((await response.json()) as { documents: number }) : null;
  } catch {
    return null;
  }
}

async function poll<T>(probe: () => Promise<T | null>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`load: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Spawns the real server over a temporary copy of the corpus; it builds its index at start. */
export async function spawnTarget(): Promise<Target> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'plan-load-'));
  const corpusPath = path.join(root, 'corpus');
  await fs.cp(path.join(REPO_ROOT, 'corpus'), corpusPath, { recursive: true });
  const port = await freePort();
  const env = {
    CORPUS_DIR: corpusPath,
    INDEX_DIR: path.join(root, 'index'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    WATCH_INDEX: 'false',
    EMBEDDINGS: 'local',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    API_KEY: '',
  };
  const child = spawnTsx('server/main.ts', env);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (data: string) => (stderr = (stderr + data).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const died = exitOf(child).then((code) => {
    throw new Error(`load: the server exited with ${code} before serving:\n${stderr}`);
  });
  await Promise.race([poll(() => health(url), 60_000, 'the server'), died]);
  died.catch(() => undefined);
  return {
    url,
    corpusPath,
    env,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exitOf(child);
      await fs.rm(root, { recursive: true, force: true });
      if (code !== 0) throw new Error(`load: the server exited with ${code} at shutdown:\n${stderr}`);
    },
  };
}

/** Adds the synthetic document to the target's corpus and builds an index of it with the real CLI into `indexDir`. */
async function rebuild(target: Target, indexDir: string): Promise<void> {
  await fs.copyFile(SWAP_DOCUMENT, path.join(target.corpusPath!, path.basename(SWAP_DOCUMENT)));
  const code = await exitOf(spawnTsx('ingest/cli.ts', { ...target.env!, INDEX_DIR: indexDir, LOG_LEVEL: 'silent' }));
  if (code !== 0) throw new Error(`ingest exited with ${code}`);
}

/**
 * Builds the next index beside the live one before the load starts (for short runs, where a
 * rebuild under load would outlast the run); `swapIndex` then only renames it in and reloads.
 */
export async function prebuildNextIndex(target: Target): Promise<string> {
  const next = `${target.env!.INDEX_DIR}.next`;
  await rebuild(target, next);
  return next;
}

/** Moves a prebuilt index into place the way the index writer does: old folder aside, new one in. */
async function renameIn(prebuilt: string, indexDir: string): Promise<void> {
  await fs.rename(indexDir, `${indexDir}.previous`);
  await fs.rename(prebuilt, indexDir);
}

/**
 * Rebuilds the server's index with the real CLI (or renames in a prebuilt one), sends SIGHUP,
 * and waits until /healthz shows the new counts.
 */
export async function swapIndex(target: Target, startedAt: number, prebuilt?: string): Promise<SwapReport> {
  const since = () => (performance.now() - startedAt) / 1000;
  const before = await poll(() => health(target.url), 10_000, '/healthz');
  const report: SwapReport = { startedAtSec: since(), visibleAtSec: null, documentsBefore: before.documents, documentsAfter: null, prebuilt: Boolean(prebuilt) };
  try {
    if (prebuilt) await renameIn(prebuilt, target.env!.INDEX_DIR);
    else await rebuild(target, target.env!.INDEX_DIR);
    target.child!.kill('SIGHUP');
    const after = await poll(async () => {
      const now = await health(target.url);
      return now && now.documents !== before.documents ? now : null;
    }, 60_000, 'the new index at /healthz');
    report.documentsAfter = after.documents;
    report.visibleAtSec = since();
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  }
  return report;
}
