/**
 * The vector searcher given the JavaScript graph as a check still to run (index-reader.ts):
 * the check runs once, on the first search, and a check that fails or throws leaves the native
 * search answering, with the same hits.
 */
import { describe, expect, it } from 'vitest';
import { buildVectorIndex, createVectorSearcher } from '../../ingest/store/vector-store.js';
import type { Chunk } from '../../ingest/types.js';
import { seededRandom } from './seeded-random.js';

/** Embeds "q<n>" as the n-th stored vector, so a search has a known nearest passage. */
function fixture(vectors: number[][]) {
  return { embedQuery: async (text: string) => vectors[Number(text.slice(1))], embedDocuments: async () => [] } as never;
}

describe('the graph check, deferred to the first search', () => {
  it('runs once, and a failing or throwing check leaves the native search', async () => {
    const next = seededRandom(11);
    const vectors = Array.from({ length: 200 }, () => Array.from({ length: 16 }, () => next() + 0.01));
    const chunks = vectors.map((_, i) => ({ id: `d#${i}`, documentId: 'd' }) as Chunk);
    const native = await buildVectorIndex(chunks, vectors);
    const plain = createVectorSearcher(native, chunks, fixture(vectors));
    let runs = 0;
    const failing = createVectorSearcher(native, chunks, fixture(vectors), async () => {
      runs += 1;
      return null;
    });
    const throwing = createVectorSearcher(native, chunks, fixture(vectors), async () => {
      throw new Error('index folder gone');
    });
    for (const query of ['q3', 'q42', 'q199']) {
      const expected = await plain(query, 5);
      expect(expected[0].chunkId).toBe(`d#${query.slice(1)}`);
      expect(await failing(query, 5)).toEqual(expected);
      expect(await throwing(query, 5)).toEqual(expected);
    }
    expect(runs).toBe(1);
  });
});
