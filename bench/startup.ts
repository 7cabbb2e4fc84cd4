/**
 * Start-up with a built index, two ways: in a fresh process, the time to import the core, load
 * the index and build the assistant (the probe); and the wall time from spawning the real server
 * entry (`server/main.ts`: bundled as `npm start` runs it, or through tsx) to its first 200 on
 * `/healthz`, with the server's memory then.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { REPO_ROOT, residentSetSize, runProbe, tsxNodeArgs } from './child.js';
import { median } from './stats.js';
import { benchEnvironment, SHIPPED_CORPUS } from './workspace.js';

export interface ProbeStartup {
  importMs: number;
  loadMs: number;
  createMs: number;
  firstAskMs: number;
  readyMs: number;
  rssBytes: number;
}

/** Medians over `runs` fresh processes of the in-process start-up probe. */
export async function measureProbeStartup(indexPath: string, runs: number): Promise<ProbeStartup> {
  const samples: ProbeStartup[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await runProbe<ProbeStartup>('bench/probes/startup-probe.ts', [indexPath]));
  const pick = (key: keyof ProbeStartup) => median(samples.map((sample) => sample[key]));
  return {
    importMs: pick('importMs'),
    loadMs: pick('loadMs'),
    createMs: pick('createMs'),
    firstAskMs: pick('firstAskMs'),
    readyMs: pick('readyMs'),
    rssBytes: pick('rssBytes'),
  };
}

/** A free loopback port (asked of the OS, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, or rejects after `timeoutMs`. */
async function waitForOk(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`server exited before ${url} answered`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

export interface SpawnedStartup {
  /** Spawn to first 200 on /healthz. */
  wallMs: number;
  /** Resident memory of the server process right after that (only for the single-process launch). */
  rssBytes: number | null;
}

/**
 * How the server is launched: `built` is what `npm start` runs (`node scripts/run.mjs
 * server/main.ts`, the esbuild bundle, without npm's own process); `node` runs the sources
 * through tsx in one process; `npx` runs `npx tsx server/main.ts`, npm and tsx's process included.
 */
export type Launcher = 'built' | 'node' | 'npx';

function launchCommand(launcher: Launcher): [string, string[]] {
  if (launcher === 'built') return [process.execPath, ['scripts/run.mjs', 'server/main.ts']];
  if (launcher === 'node') return [process.execPath, tsxNodeArgs('server/main.ts')];
  return ['npx', ['tsx', 'server/main.ts']];
}

/**
 * Spawns the server entry and times it to the first 200 on `/healthz`. The `built` and `node`
 * launches are one process, so its RSS is the server's; `npx` reports none.
 */
export async function measureSpawnedStartup(indexPath: string, launcher: Launcher): Promise<SpawnedStartup> {
  const port = await freePort();
  const env = { ...process.env, ...benchEnvironment(SHIPPED_CORPUS, indexPath), PORT: String(port) };
  const [command, args] = launchCommand(launcher);
  const startedAt = performance.now();
  // `detached` puts npx, tsx and the server in one process group, so one signal stops them all.
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (data: string) => (stderr += data));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForOk(`http://127.0.0.1:${port}/healthz`, 30_000, () => child.exitCode === null).catch((error: Error) => {
      throw new Error(`${error.message}\n${stderr.slice(-2000)}`);
    });
    const wallMs = performance.now() - startedAt;
    const rssBytes = launcher !== 'npx' && child.pid ? await residentSetSize(child.pid) : null;
    return { wallMs, rssBytes };
  } finally {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

/** Brings the esbuild bundle up to date, so that no timed start pays for a build. */
async function ensureBundleBuilt(): Promise<void> {
  // @ts-expect-error: a plain JavaScript module without type declarations.
  const { ensureBuilt } = (await import('../scripts/build.mjs')) as { ensureBuilt: () => Promise<void> };
  await ensureBuilt();
}

/** Medians of `runs` spawned start-ups. */
export async function measureSpawnedStartups(indexPath: string, launcher: Launcher, runs: number): Promise<SpawnedStartup> {
  if (launcher === 'built') await ensureBundleBuilt();
  const samples: SpawnedStartup[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await measureSpawnedStartup(indexPath, launcher));
  const rss = samples.map((sample) => sample.rssBytes).filter((value): value is number => value !== null);
  return { wallMs: median(samples.map((sample) => sample.wallMs)), rssBytes: rss.length ? median(rss) : null };
}
