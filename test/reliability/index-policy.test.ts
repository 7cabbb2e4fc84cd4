/**
 * The one policy for opening the index (server/runtime/open-index.ts), through each of the
 * three real entries, spawned on a temporary CORPUS_DIR / INDEX_DIR: a missing index is built,
 * a stale one (a document added to the corpus) is rebuilt, a damaged one is refused with
 * exit ≠ 0, the file named and `npm run ingest`, and left as it was. The decision alone is
 * unit-tested first.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../ingest/store/index-reader.js';
import { decideIndexAction } from '../../server/runtime/open-index.js';
import { makeWorkspace, REPO_ROOT, spawnTsx, type SpawnedProcess, type Workspace } from './helpers.js';

const SYNTHETIC_DOCUMENT = path.join(REPO_ROOT, 'test', 'fixtures', 'chi-thi-synthetic.txt');

describe('decideIndexAction', () => {
  const status = (exists: boolean, stale: boolean, reasons: string[] = []): IndexStatus => ({ exists, stale, reasons });

  it('builds a missing index, rebuilds a stale one, uses a fresh one', () => {
    expect(decideIndexAction(status(false, true, ['chưa có']), false)).toEqual({ kind: 'build', reasons: ['chưa có'] });
    expect(decideIndexAction(status(true, true, ['tệp mới: a.txt']), true)).toEqual({ kind: 'rebuild', reasons: ['tệp mới: a.txt'] });
    expect(decideIndexAction(status(true, false), true)).toEqual({ kind: 'use' });
  });

  it('does not rebuild over an unreadable manifest: loading it must report the damage', () => {
    expect(decideIndexAction(status(false, true, ['không đọc được']), true)).toEqual({ kind: 'use' });
  });
});

interface EntryRun {
  code: number | string;
  stdout: string;
  stderr: string;
}

/** Resolves when `probe` matches the process's stderr, or when the process exits first. */
function stderrMatchOrExit(spawned: SpawnedProcess, probe: RegExp): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (probe.test(spawned.stderr())) {
        spawned.child.stderr.off('data', check);
        resolve(true);
      }
    };
    spawned.child.stderr.on('data', check);
    void spawned.exited.then(() => resolve(probe.test(spawned.stderr())));
  });
}

/** How each entry is run to its end: served then stopped, or asked once. */
const ENTRIES: Record<string, (env: Record<string, string>) => Promise<EntryRun>> = {
  'start (server/main.ts)': async (env) => {
    const spawned = spawnTsx('server/main.ts', env);
    if (await stderrMatchOrExit(spawned, /"url":"http:[^"]+"/)) {
      const url = /"url":"(http:[^"]+)"/.exec(spawned.stderr())![1];
      const health = await fetch(`${url}/healthz`);
      spawned.child.kill('SIGTERM');
      if (health.status !== 200) return { code: `healthz ${health.status}`, stdout: spawned.stdout(), stderr: spawned.stderr() };
    }
    return { code: await spawned.exited, stdout: spawned.stdout(), stderr: spawned.stderr() };
  },
  'mcp (server/mcp-stdio.ts)': async (env) => {
    const spawned = spawnTsx('server/mcp-stdio.ts', env);
    if (await stderrMatchOrExit(spawned, /MCP stdio: sẵn sàng/)) spawned.child.stdin.end();
    return { code: await spawned.exited, stdout: spawned.stdout(), stderr: spawned.stderr() };
  },
  'ask (server/ask-cli.ts)': async (env) => {
    const spawned = spawnTsx('server/ask-cli.ts', env, ['Ai chủ trì nhiệm vụ 4?']);
    spawned.child.stdin.end();
    const code = await spawned.exited;
    // An answer was printed whenever the index opened.
    if (code === 0 && !spawned.stdout().includes('Nguồn:')) return { code: 'no answer', stdout: spawned.stdout(), stderr: spawned.stderr() };
    return { code, stdout: spawned.stdout(), stderr: spawned.stderr() };
  },
};

const workspaces: Workspace[] = [];
afterAll(() => Promise.all(workspaces.map((workspace) => workspace.remove())));

async function indexedFiles(indexPath: string): Promise<string[]> {
  const manifest = JSON.parse(await fs.readFile(path.join(indexPath, 'manifest.json'), 'utf8')) as { files: Array<{ file: string }> };
  return manifest.files.map((entry) => entry.file);
}

// The three entries run side by side (each on its own workspace); the steps of one run in order.
it.concurrent.for(Object.keys(ENTRIES))('%s: missing → built; stale → rebuilt; damaged → exit ≠ 0 naming the file', { timeout: 120_000 }, async (name, { expect }) => {
  const run = ENTRIES[name];
  const workspace = await makeWorkspace(undefined, 'policy');
  workspaces.push(workspace);
  const env = { ...workspace.env, LOG_LEVEL: 'info', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };

  const missing = await run(env);
  expect(missing.code, missing.stderr).toBe(0);
  expect(missing.stderr).toContain('chưa có chỉ mục: đang chạy ingest');
  expect(await indexedFiles(workspace.indexPath)).not.toContain('chi-thi-synthetic.txt');

  await fs.copyFile(SYNTHETIC_DOCUMENT, path.join(workspace.corpusPath, 'chi-thi-synthetic.txt'));
  const stale = await run(env);
  expect(stale.code, stale.stderr).toBe(0);
  expect(stale.stderr).toContain('chỉ mục cũ hơn kho văn bản: đang chạy ingest');
  expect(await indexedFiles(workspace.indexPath)).toContain('chi-thi-synthetic.txt');

  const chunks = path.join(workspace.indexPath, 'chunks.json');
  await fs.writeFile(chunks, '[{"id": "trun');
  const damaged = await run(env);
  expect(damaged.code).not.toBe(0);
  expect(typeof damaged.code).toBe('number'); // exited by itself, not killed
  expect(damaged.stderr).toContain(chunks);
  expect(damaged.stderr).toContain('npm run ingest');
  expect(damaged.stderr).not.toContain('đang chạy ingest');
  expect(damaged.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(await fs.readFile(chunks, 'utf8')).toBe('[{"id": "trun'); // refused, not rebuilt
});
