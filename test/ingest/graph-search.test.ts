/**
 * The vector graph searched in JavaScript (ingest/store/graph-search.ts) gives exactly what
 * hnswlib-node's native search gives: the same neighbours in the same order with the same
 * distances, with and without a filter, at depths below and above the search breadth, on sparse
 * queries like the local embedder's, and with duplicate vectors (ties of distance).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HierarchicalNSW } from 'hnswlib-node';
import { checkedGraph, readGraphFile, searchGraph, type GraphFile } from '../../ingest/store/graph-search.js';
import { buildVectorIndex } from '../../ingest/store/vector-store.js';
import type { Chunk } from '../../ingest/types.js';
import { seededRandom } from './seeded-random.js';

const random = seededRandom;

const DIMENSIONS = 64;

/** Sparse non-negative vectors (a few hashed features each), like the local embedder's. */
function sparseVector(next: () => number, features: number): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (let i = 0; i < features; i += 1) vector[Math.floor(next() * DIMENSIONS)] += 1 + Math.floor(next() * 3);
  return vector;
}

let folder: string;
let native: HierarchicalNSW;
let graph: GraphFile;
let chunks: Chunk[];
const next = random(11);

beforeAll(async () => {
  const vectors: number[][] = [];
  for (let i = 0; i < 600; i += 1) {
    // Every fifth vector repeats an earlier one: equal distances must leave the same ties.
    vectors.push(i % 5 === 4 ? [...vectors[i - 3]] : sparseVector(next, 12));
  }
  chunks = vectors.map((_, i) => ({ id: `c${i}`, documentId: i % 3 === 0 ? 'a' : 'b' }) as Chunk);
  native = await buildVectorIndex(chunks, vectors);
  folder = await mkdtemp(path.join(tmpdir(), 'graph-search-'));
  const file = path.join(folder, 'hnswlib.index');
  await native.writeIndex(file);
  const read = readGraphFile(await readFile(file), DIMENSIONS);
  if (!read) throw new Error('the index file was not read');
  graph = read;
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the graph searched in JavaScript', () => {
  it('returns the native search results exactly', () => {
    const inA = (label: number) => chunks[label].documentId === 'a';
    let searches = 0;
    for (let q = 0; q < 60; q += 1) {
      const query = sparseVector(next, q % 4 === 0 ? 3 : 6);
      for (const k of [1, 7, 40, 200, 260]) {
        for (const allowed of [undefined, inA]) {
          const theirs = native.searchKnn(query, k, allowed);
          const mine = searchGraph(graph, native.getEf(), query, k, allowed);
          expect(mine.neighbors).toEqual(theirs.neighbors);
          expect(mine.distances).toEqual(theirs.distances);
          searches += 1;
        }
      }
    }
    expect(searches).toBeGreaterThan(500);
  });

  it('is used only after it matched the native search on the passages, and not for a graph it cannot read', async () => {
    const texts = chunks.map((chunk) => chunk.id);
    const embed = async (text: string) => sparseVector(random(Number(text.slice(1)) + 1), 5);
    const checked = await checkedGraph(async () => readFile(path.join(folder, 'hnswlib.index')), native, texts, (label) => chunks[label].documentId, embed);
    expect(checked).not.toBeNull();
    const truncated = await checkedGraph(async () => (await readFile(path.join(folder, 'hnswlib.index'))).subarray(0, 1000), native, texts, (label) => chunks[label].documentId, embed);
    expect(truncated).toBeNull();
  });
});
