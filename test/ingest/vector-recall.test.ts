import { describe, expect, it } from 'vitest';
import { buildVectorIndex } from '../../ingest/store/vector-store.js';
import type { Chunk } from '../../ingest/types.js';
import { seededRandom } from './seeded-random.js';

const random = seededRandom;

/** Unit vectors around a few hundred topics, like passages of many plans on shared subjects. */
function clusteredVectors(count: number, dimensions: number, next: () => number): number[][] {
  const centres = Array.from({ length: 300 }, () => Array.from({ length: dimensions }, () => next() - 0.5));
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(next() * centres.length)];
    const vector = centre.map((value) => value + (next() - 0.5) * 0.6);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

describe('vector graph parameters', () => {
  it('find at least 95% of the true 10 nearest neighbours', async () => {
    const next = random(7);
    const vectors = clusteredVectors(4000, 64, next);
    const chunks = vectors.map((_, i) => ({ id: `d#${i}`, documentId: 'd' }) as Chunk);
    const graph = await buildVectorIndex(chunks, vectors);
    const queries = clusteredVectors(100, 64, next);
    let found = 0;
    for (const query of queries) {
      const similarity = vectors.map((vector) => vector.reduce((sum, value, i) => sum + value * query[i], 0));
      const truth = new Set([...similarity.keys()].sort((a, b) => similarity[b] - similarity[a]).slice(0, 10));
      found += graph.searchKnn(query, 10).neighbors.filter((label) => truth.has(label)).length;
    }
    expect(found / (10 * queries.length)).toBeGreaterThanOrEqual(0.95);
  });
});
