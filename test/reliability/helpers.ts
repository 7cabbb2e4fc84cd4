/**
 * Shared plumbing of the reliability tests: a temporary corpus and index, the real server
 * in process or as a spawned `server/main.ts`, and small waiting helpers.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { benchEnvironment } from '../../bench/workspace.js';
import { runIngest } from '../../ingest/pipeline.js';
import { loadConfig, type AppConfig } from '../../common/config.js';
import type { RunningServer } from '../../server/http/start.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHIPPED_CORPUS = path.join(REPO_ROOT, 'corpus');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'reliability', 'fixtures');

export interface Workspace {
  root: string;
  corpusPath: string;
  indexPath: string;
  /** The environment a server or ingest of this workspace runs with (quiet, no limits). */
  env: Record<string, string>;
  config(overrides?: Record<string, string>): AppConfig;
  remove(): Promise<void>;
}

/** A temporary copy of a corpus folder (the shipped one by default) with an index path beside it. */
export async function makeWorkspace(source = SHIPPED_CORPUS, label = 'rel'): Promise<Workspace> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `plan-${label}-`));
  const corpusPath = path.join(root, 'corpus');
  const indexPath = path.join(root, 'data', 'index');
  await fs.cp(source, corpusPath, { recursive: true });
  const env = benchEnvironment(corpusPath, indexPath);
  return {
    root,
    corpusPath,
    indexPath,
    env,
    config: (overrides = {}) => loadConfig({ ...env, ...overrides }, REPO_ROOT),
    remove: () => fs.rm(root, { recursive: true, force: true }),
  };
}

/** Builds the workspace's index in process. */
export async function buildIndex(workspace: Workspace): Promise<void> {
  await runIngest(workspace.config());
}

/** Starts the real server in process on a free loopback port, quiet. Imported lazily: tests of the core alone need none of it. */
export async function startQuiet(config: AppConfig, graceMs = 5_000): Promise<RunningServer> {
  const { startServer } = await import('../../server/http/start.js');
  return startServer(config, { logger: pino({ level: 'silent' }), graceMs });
}

/** A free TCP port on loopback (closed again before returning: race-prone only in theory). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface SpawnedProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Spawns `node --import tsx <script>` from the repository root (what `npx tsx` runs, without the
 * wrapper process, so signals reach the program itself).
 */
export function spawnTsx(script: string, env: Record<string, string>, args: string[] = []): SpawnedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (data: string) => (out += data));
  child.stderr.setEncoding('utf8').on('data', (data: string) => (err += data));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls until `probe` returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The /healthz body once the server answers it, polling. */
export function waitForHealth(baseUrl: string, ms = 20_000): Promise<Record<string, unknown>> {
  return waitFor(
    async () => {
      try {
        const response = await fetch(`${baseUrl}/healthz`);
        return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    },
    ms,
    `${baseUrl}/healthz`,
  );
}

/** An OpenAI-style base URL on a loopback port where nothing listens (connection refused). */
export async function refusedBaseUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/v1`;
}

/** Whether anything accepts connections on the port. */
export async function isListening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  // Loose on purpose: tests read whichever fields the route returns and assert on them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, json: json as Record<string, any>, text };
}

/** Asserts-by-shape helper: is this the SPEC error body? */
export function isErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error as { code?: unknown; message?: unknown } | undefined;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    Object.keys(body as object).length === 1
  );
}

/** A listening server of the real app and assistant, without MCP (for tests of the JSON API alone). */
export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** Loads the workspace's index, builds the real assistant and app, listens on a free loopback port. */
export async function serveApp(config: AppConfig): Promise<ServedApp> {
  const { createServer: createHttpServer } = await import('node:http');
  const { loadIndex } = await import('../../ingest/store/index-reader.js');
  const { createPlanAssistant } = await import('../../server/core/assistant.js');
  const { createApp } = await import('../../server/http/app.js');
  const assistant = createPlanAssistant({ index: await loadIndex(config.indexPath, { config }), config });
  const app = createApp({ getAssistant: () => assistant, config, logger: pino({ level: 'silent' }) });
  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
