/**
 * `npm start`'s entry (server/main.ts) as a real child process: it ingests when the index is
 * missing, serves, stops cleanly with exit 0 on SIGTERM, and refuses a bad configuration or a
 * damaged index with one clear message and exit 1. Nothing goes to stdout.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CORPUS } from './real-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = path.join(ROOT, 'server/main.ts');

interface Child {
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the URL once the server logs that it listens. */
  url: Promise<string>;
}

function startMain(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    // A clean environment: only what the test sets, so a developer's .env or shell cannot leak in.
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), HOST: '127.0.0.1', PORT: '0', WATCH_INDEX: 'false', CORPUS_DIR: SHIPPED_CORPUS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result: Child = {
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
    url: new Promise((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (data: string) => {
        result.stderr += data;
        const match = /"url":"(http:\/\/[^"]+)"/.exec(result.stderr);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${result.stderr}`)));
    }),
  };
  child.stdout.setEncoding('utf8').on('data', (data: string) => (result.stdout += data));
  // Tests of failed starts only await the exit; the refused URL must not count as unhandled.
  result.url.catch(() => undefined);
  return result;
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'plan-assistant-main-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('server/main.ts', () => {
  it('ingests a missing index, serves, and exits 0 on SIGTERM', async () => {
    const child = startMain({ INDEX_DIR: path.join(folder, 'index'), LOG_LEVEL: 'info' });
    const url = await child.url;
    expect(child.stderr).toContain('ingest');
    const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; tasks: number };
    expect(health).toMatchObject({ status: 'ok', tasks: 10 });
    child.kill('SIGTERM');
    expect(await child.exit).toBe(0);
    expect(child.stderr).toContain('máy chủ đã dừng');
    expect(child.stdout).toBe('');
  });

  it('starts on the existing index without ingesting again', async () => {
    const child = startMain({ INDEX_DIR: path.join(folder, 'index'), LOG_LEVEL: 'info' });
    await child.url;
    expect(child.stderr).not.toContain('đang chạy ingest');
    child.kill('SIGINT');
    expect(await child.exit).toBe(0);
  });

  it('refuses a bad configuration, naming the variable', async () => {
    const child = startMain({ INDEX_DIR: path.join(folder, 'index'), PORT: 'abc' });
    expect(await child.exit).toBe(1);
    expect(child.stderr).toContain('PORT');
    expect(child.stdout).toBe('');
  });

  it('refuses a damaged index with a message that names the file and the command', async () => {
    await writeFile(path.join(folder, 'index', 'chunks.json'), '[{"id": "trun');
    const child = startMain({ INDEX_DIR: path.join(folder, 'index'), LOG_LEVEL: 'silent' });
    expect(await child.exit).toBe(1);
    expect(child.stderr).toContain('chunks.json');
    expect(child.stderr).toContain('npm run ingest');
    expect(child.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
