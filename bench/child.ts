/**
 * Runs a bench probe in a fresh Node process (with tsx), so memory and start-up figures belong
 * to that probe alone and not to whatever the harness loaded before.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (probes run there, as `npm` scripts do). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Node arguments that load TypeScript through tsx in one process (no `npx` wrapper process). */
export function tsxNodeArgs(script: string, extra: string[] = []): string[] {
  return ['--import', 'tsx', ...extra, path.resolve(REPO_ROOT, script)];
}

/**
 * Spawns `node --import tsx <script> <args>` and returns the JSON object the probe printed as
 * the last line of its stdout. Rejects with the probe's stderr when it fails.
 */
export function runProbe<T>(
  script: string,
  args: string[],
  options: { env?: Record<string, string>; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...tsxNodeArgs(script, options.nodeArgs), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 15 * 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${script} exited with ${code ?? signal}:\n${stderr.slice(-4000)}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}

/** Resident set size of a process in bytes, from /proc (Linux); null where unavailable. */
export async function residentSetSize(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system) a process has used, in milliseconds, from /proc (Linux, clock ticks
 * of 10 ms); null where unavailable. Unlike requests per second, it does not depend on what
 * else the machine runs.
 */
export async function processCpuMs(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A server running in a child process. */
export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Spawns a server probe that prints `{ "url": … }` on its first stdout line once it listens,
 * and resolves when it does. `stop()` sends SIGTERM to that child (by its pid) and waits for it.
 */
export function spawnServerProbe(script: string, args: string[], env: Record<string, string> = {}): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...tsxNodeArgs(script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      stdout += data;
      const line = stdout.split('\n').find((candidate) => candidate.trim().startsWith('{'));
      if (!line) return;
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        pid: child.pid ?? -1,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening:\n${stderr.slice(-4000)}`)));
  });
}
