/**
 * Start-up with a missing or damaged index. Missing: the server builds it and serves. Damaged
 * (truncated chunks, garbled manifest, vectors deleted): the real entry `server/main.ts`, spawned,
 * exits non-zero with a message naming the file and `npm run ingest`, and never listens.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildIndex,
  freePort,
  isListening,
  makeWorkspace,
  spawnTsx,
  startQuiet,
  type Workspace,
} from './helpers.js';

const workspaces: Workspace[] = [];
let pristine: Workspace;

beforeAll(async () => {
  pristine = await makeWorkspace();
  workspaces.push(pristine);
  await buildIndex(pristine);
});

afterAll(async () => {
  await Promise.all(workspaces.map((workspace) => workspace.remove()));
});

/** A workspace holding a copy of the pristine index, for one damage. */
async function copyOfPristine(): Promise<Workspace> {
  const workspace = await makeWorkspace();
  workspaces.push(workspace);
  await fs.cp(pristine.indexPath, workspace.indexPath, { recursive: true });
  return workspace;
}

describe('index missing', () => {
  it('startServer builds the index, then serves it', async () => {
    const workspace = await makeWorkspace();
    workspaces.push(workspace);
    await expect(fs.access(workspace.indexPath)).rejects.toThrow();
    const running = await startQuiet(workspace.config());
    try {
      const health = (await (await fetch(`${running.url}/healthz`)).json()) as Record<string, unknown>;
      expect(health.status).toBe('ok');
      expect(health.tasks).toBe(10);
      await fs.access(path.join(workspace.indexPath, 'manifest.json'));
    } finally {
      await running.close();
    }
  });
});

const damages: Array<{ name: string; file: RegExp; damage: (indexPath: string) => Promise<void> }> = [
  {
    name: 'chunks.json truncated',
    file: /chunks\.json/,
    damage: async (indexPath) => {
      const file = path.join(indexPath, 'chunks.json');
      const text = await fs.readFile(file);
      await fs.writeFile(file, text.subarray(0, Math.floor(text.length / 2)));
    },
  },
  {
    name: 'manifest.json corrupt',
    file: /manifest\.json/,
    damage: (indexPath) => fs.writeFile(path.join(indexPath, 'manifest.json'), '{"formatVersion": 1, "counts": {'),
  },
  {
    name: 'vectors/ deleted',
    file: /vectors/,
    damage: (indexPath) => fs.rm(path.join(indexPath, 'vectors'), { recursive: true }),
  },
];

describe('index damaged: npm start refuses to serve', () => {
  it.each(damages)('$name → exit ≠ 0, names the file and npm run ingest, nothing listens', async ({ file, damage }) => {
    const workspace = await copyOfPristine();
    await damage(workspace.indexPath);
    const port = await freePort();
    const server = spawnTsx('server/main.ts', { ...workspace.env, PORT: String(port), LOG_LEVEL: 'info' });
    // A server that wrongly starts would run forever: stop it after a bound, and fail.
    const bound = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
    const code = await server.exited.finally(() => clearTimeout(bound));
    const stderr = server.stderr();
    expect(code, stderr).not.toBe(0);
    expect(stderr).toMatch(file);
    expect(stderr).toContain('npm run ingest');
    // It never got as far as listening (the start line), and nothing answers on its port.
    expect(stderr).not.toContain('đang chạy tại');
    expect(await isListening(port)).toBe(false);
  });
});
