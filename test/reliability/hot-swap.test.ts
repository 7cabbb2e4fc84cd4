/**
 * Hot index swap on the real server: a rebuilt index is picked up without restart (SIGHUP to the
 * real entry, and the folder watch), requests in flight all finish, a conversation survives the
 * swap, and a broken new index is refused while the old one keeps answering.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline.js';
import {
  FIXTURES,
  buildIndex,
  freePort,
  makeWorkspace,
  postJson,
  spawnTsx,
  startQuiet,
  waitFor,
  waitForHealth,
  type Workspace,
} from './helpers.js';

const EXTRA = 'ke-hoach-gia-lap-kiem-thu.txt';
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function workspaceWithIndex(): Promise<Workspace> {
  const workspace = await makeWorkspace();
  cleanups.push(() => workspace.remove());
  await buildIndex(workspace);
  return workspace;
}

/** Adds the synthetic plan to the corpus and rebuilds the index in place (atomic swap on disk). */
async function rebuildWithExtraDocument(workspace: Workspace): Promise<void> {
  await fs.copyFile(path.join(FIXTURES, EXTRA), path.join(workspace.corpusPath, EXTRA));
  await runIngest(workspace.config());
}

async function documentsAt(url: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { documents: number }).documents;
}

/** Keeps `parallel` asks in flight until stopped; resolves with every status seen. */
function keepAsking(url: string, parallel = 4) {
  let running = true;
  const statuses: number[] = [];
  const loops = Array.from({ length: parallel }, async () => {
    while (running) {
      const result = await postJson(`${url}/api/ask`, { question: 'Ai chủ trì rà soát khung năng lực?' });
      statuses.push(result.status);
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return statuses;
    },
  };
}

describe('hot swap', () => {
  it('SIGHUP to server/main.ts swaps in a rebuilt index while requests keep succeeding', async () => {
    const workspace = await workspaceWithIndex();
    const port = await freePort();
    const server = spawnTsx('server/main.ts', { ...workspace.env, PORT: String(port) });
    cleanups.push(async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await server.exited;
    });
    const url = `http://127.0.0.1:${port}`;
    const before = (await waitForHealth(url)).documents as number;
    const load = keepAsking(url);
    await rebuildWithExtraDocument(workspace);
    server.child.kill('SIGHUP');
    await waitFor(async () => ((await documentsAt(url)) === before + 1 ? true : undefined), 15_000, 'new counts');
    const statuses = await load.stop();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(server.child.exitCode).toBeNull();
  });

  it('the folder watch picks up a rebuilt index without any signal', async () => {
    const workspace = await workspaceWithIndex();
    const running = await startQuiet(workspace.config({ WATCH_INDEX: 'true' }));
    cleanups.push(() => running.close());
    const before = await documentsAt(running.url);
    await rebuildWithExtraDocument(workspace);
    await waitFor(async () => ((await documentsAt(running.url)) === before + 1 ? true : undefined), 10_000, 'new counts');
    const task = await fetch(`${running.url}/api/tasks?documentId=ke-hoach-gia-lap-kiem-thu`);
    expect(task.status).toBe(200);
  });

  it('a conversation started before a swap continues after it', async () => {
    const workspace = await workspaceWithIndex();
    const running = await startQuiet(workspace.config());
    cleanups.push(() => running.close());
    const first = await postJson(`${running.url}/api/ask`, { question: 'Ai chủ trì rà soát khung năng lực vị trí việc làm?' });
    expect(first.status).toBe(200);
    const conversationId = first.json.conversationId as string;
    const fresh = await postJson(`${running.url}/api/ask`, { question: 'Còn thời hạn?' });

    await rebuildWithExtraDocument(workspace);
    expect(await running.reload()).toEqual({ ok: true });
    const followUp = await postJson(`${running.url}/api/ask`, { question: 'Còn thời hạn?', conversationId });
    expect(followUp.status).toBe(200);
    expect(followUp.json.conversationId).toBe(conversationId);
    // Resolved against the previous turn (task II.4, due in June 2026) — unlike the same words without history.
    expect(followUp.json.citations.map((citation: { section: string }) => citation.section)).toContain('II.4');
    expect(followUp.json.answer).toMatch(/6\/2026/);
    expect(followUp.json.answer).not.toBe(fresh.json.answer);
  });

  it('a broken new index is refused, said so, and the old one keeps answering', async () => {
    const workspace = await workspaceWithIndex();
    const running = await startQuiet(workspace.config({ WATCH_INDEX: 'true' }));
    cleanups.push(() => running.close());
    const before = await documentsAt(running.url);

    // A "rebuild" whose chunks are cut short, renamed into place the way the index writer does it.
    const aside = `${workspace.indexPath}.broken`;
    await fs.cp(workspace.indexPath, aside, { recursive: true });
    const manifestFile = path.join(aside, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
    await fs.writeFile(manifestFile, JSON.stringify({ ...manifest, createdAt: new Date().toISOString() }));
    const chunks = await fs.readFile(path.join(aside, 'chunks.json'));
    await fs.writeFile(path.join(aside, 'chunks.json'), chunks.subarray(0, chunks.length >> 1));
    await fs.rm(workspace.indexPath, { recursive: true });
    await fs.rename(aside, workspace.indexPath);

    const result = await running.reload();
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/chunks\.json/);
    expect(await documentsAt(running.url)).toBe(before);
    const answer = await postJson(`${running.url}/api/ask`, { question: 'Ai chủ trì rà soát khung năng lực?' });
    expect(answer.status).toBe(200);
    expect(answer.json.citations.length).toBeGreaterThan(0);
    // The watcher saw the same change; give it its debounce, and it must not have swapped either.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await documentsAt(running.url)).toBe(before);
  });
});
