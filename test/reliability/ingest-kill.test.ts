/**
 * A server keeps serving while an ingest next to it (same corpus, same index folder) is killed
 * with SIGKILL mid-write: no request fails, the watcher swaps nothing half-built in, and a later
 * reload still finds the previous index whole. (That the index on disk survives the kill is
 * tested by the index's own suite, test/ingest/interrupted-ingest.test.ts.)
 */
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, buildIndex, makeWorkspace, postJson, spawnTsx, startQuiet, waitFor, type Workspace } from './helpers.js';

let workspace: Workspace | null = null;
afterAll(() => workspace?.remove());

describe('ingest killed next to a running server', () => {
  it('the server answers throughout, and keeps the index it had', async () => {
    workspace = await makeWorkspace();
    await buildIndex(workspace);
    const running = await startQuiet(workspace.config({ WATCH_INDEX: 'true' }));
    try {
      const healthOf = async () => (await (await fetch(`${running.url}/healthz`)).json()) as { documents: number; tasks: number };
      const before = await healthOf();

      await fs.copyFile(path.join(FIXTURES, 'ke-hoach-gia-lap-kiem-thu.txt'), path.join(workspace.corpusPath, 'extra.txt'));
      const ingest = spawnTsx('ingest/cli.ts', { ...workspace.env, INGEST_TEST_DELAY_MS: '60000' });
      const dataDir = path.dirname(workspace.indexPath);
      const statuses: number[] = [];
      const askOnce = async () => {
        statuses.push((await postJson(`${running.url}/api/ask`, { question: 'Ai chủ trì rà soát khung năng lực?' })).status);
        statuses.push((await fetch(`${running.url}/api/tasks`)).status);
      };

      // Mid-write: vectors of the new build on disk, no manifest yet. Keep asking meanwhile.
      await waitFor(async () => {
        await askOnce();
        const name = readdirSync(dataDir).find((entry) => entry.startsWith(`index.tmp-${ingest.child.pid}-`));
        return name && existsSync(path.join(dataDir, name, 'vectors', 'hnswlib.index')) ? name : undefined;
      }, 30_000, 'the ingest to be mid-write');
      ingest.child.kill('SIGKILL');
      expect(await ingest.exited).toBe('SIGKILL');

      for (let i = 0; i < 10; i += 1) await askOnce();
      await new Promise((resolve) => setTimeout(resolve, 600)); // past the watcher's debounce
      expect(await healthOf()).toEqual(before);
      expect(await running.reload()).toEqual({ ok: true });
      expect(await healthOf()).toEqual(before);
      await askOnce();
      expect(statuses.length).toBeGreaterThan(20);
      expect(statuses.every((status) => status === 200)).toBe(true);
    } finally {
      await running.close();
    }
  });
});
