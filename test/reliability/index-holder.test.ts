/**
 * The index holder in isolation: the loader reads a real manifest from a temp folder, the
 * assistant is a stand-in that reports which index it was built over. The same holder over
 * the real loader and server is exercised in hot-swap.test.ts.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { IndexManifest, LoadedIndex } from '../../ingest/types.js';
import type { PlanAssistant } from '../../server/core/types.js';
import { createIndexHolder, type IndexHolder } from '../../server/runtime/index-holder.js';

const silent = pino({ level: 'silent' });
let root: string;
let indexPath: string;
let holder: IndexHolder | null = null;
let loads = 0;

function manifest(documents: number): IndexManifest {
  return {
    formatVersion: 1,
    createdAt: new Date(Date.now() + documents).toISOString(),
    embedder: { id: 'local', dimensions: 8 },
    normalizerVersion: '1',
    files: [],
    counts: { documents, sections: 0, tasks: 0, references: 0, chunks: 0, missing: 0 },
  };
}

async function writeIndex(target: string, documents: number): Promise<void> {
  await fs.mkdir(target, { recursive: true });
  await fs.writeFile(path.join(target, 'manifest.json'), JSON.stringify(manifest(documents)));
}

async function load(dir: string): Promise<LoadedIndex> {
  loads += 1;
  const text = await fs.readFile(path.join(dir, 'manifest.json'), 'utf8');
  return { manifest: JSON.parse(text) as IndexManifest } as LoadedIndex;
}

/** A stand-in assistant: its stats say which index it was built over. */
function build(index: LoadedIndex): PlanAssistant {
  return { stats: () => ({ documents: index.manifest.counts.documents }) } as unknown as PlanAssistant;
}

const documentsOf = (assistant: PlanAssistant) => assistant.stats().documents;

async function until(condition: () => boolean, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'index-holder-'));
  indexPath = path.join(root, 'index');
  await writeIndex(indexPath, 1);
  loads = 0;
});

afterEach(async () => {
  holder?.close();
  holder = null;
  await fs.rm(root, { recursive: true, force: true });
});

async function openHolder(debounceMs = 50): Promise<IndexHolder> {
  holder = createIndexHolder({ config: { indexPath }, logger: silent, load, build, initial: await load(indexPath), debounceMs });
  return holder;
}

describe('reload', () => {
  it('swaps in a new index while a request keeps the assistant it started with', async () => {
    const h = await openHolder();
    const inFlight = h.get();
    await writeIndex(indexPath, 2);
    expect(await h.reload()).toEqual({ ok: true });
    expect(documentsOf(h.get())).toBe(2);
    expect(documentsOf(inFlight)).toBe(1);
  });

  it('refuses a broken index, says why, and keeps serving the old one', async () => {
    const h = await openHolder();
    await fs.writeFile(path.join(indexPath, 'manifest.json'), '{"formatVersion": 1, "coun');
    const result = await h.reload();
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/JSON/);
    expect(documentsOf(h.get())).toBe(1);
  });

  it('runs one load at a time and once more for requests that came during it', async () => {
    const h = await openHolder();
    await writeIndex(indexPath, 3);
    const results = await Promise.all([h.reload(), h.reload(), h.reload()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(loads - 1).toBe(2); // the first reload, then one more for the two that waited
    expect(documentsOf(h.get())).toBe(3);
  });

  it('throws a domain error naming the command when nothing is loaded yet', () => {
    holder = createIndexHolder({ config: { indexPath }, logger: silent, load, build });
    expect(() => holder!.get()).toThrow(/npm run ingest/);
  });
});

describe('watch', () => {
  it('picks up a manifest rewritten in place', async () => {
    const h = await openHolder();
    h.watch();
    await writeIndex(indexPath, 4);
    await until(() => documentsOf(h.get()) === 4);
  });

  it('picks up a folder built aside and renamed over the old one, then the next one too', async () => {
    const h = await openHolder();
    h.watch();
    for (const documents of [5, 6]) {
      const aside = path.join(root, `index.tmp-${documents}`);
      await writeIndex(aside, documents);
      await fs.rm(indexPath, { recursive: true });
      await fs.rename(aside, indexPath);
      await until(() => documentsOf(h.get()) === documents);
    }
  });

  it('does not reload for unrelated files, and stops on close', async () => {
    const h = await openHolder();
    h.watch();
    await fs.writeFile(path.join(root, 'other.txt'), 'x');
    await fs.writeFile(path.join(indexPath, 'chunks.json'), '[]');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(loads).toBe(1);
    h.close();
    await writeIndex(indexPath, 7);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(documentsOf(h.get())).toBe(1);
  });
});
