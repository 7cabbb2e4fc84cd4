/**
 * BM25+ scoring over a MiniSearch index, without MiniSearch's per-hit objects.
 *
 * Why: `MiniSearch.search` builds an object (with term and field lists) for every matching
 * chunk and sorts them all; with a common term in 10k chunks that alone takes ~50 ms. This
 * scorer reads the same postings and computes the same score — MiniSearch 7's BM25+ with its
 * defaults, field boosts, and its "quality" factor (score × number of query terms matched) —
 * into typed arrays, and keeps only the top k. `test/ingest/store.test.ts` checks that it
 * ranks and scores exactly as `MiniSearch.search` does.
 *
 * It reads MiniSearch's internal fields (`_index`, `_fieldIds`, …): the version is pinned
 * (7.2.0) and they are the documented shape of its serialized form.
 */
import type MiniSearch from 'minisearch';

interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined } & Iterable<[string, Map<number, Map<number, number>>]>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _documentIds: Map<number, string>;
  _documentCount: number;
  _nextId: number;
}

/** MiniSearch 7's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export interface ScoredChunk {
  id: string;
  score: number;
}

/** Reusable buffers, grown to the index size; safe to share since scoring is synchronous. */
interface Buffers {
  scores: Float64Array;
  matched: Uint16Array;
  lastTerm: Int32Array;
}

/**
 * Creates a scorer over `index`. The scorer takes distinct query terms, the field boosts, and an
 * optional chunk-id filter, and returns the k best chunks, best first (ties: index order).
 */
export function createBm25Scorer<T>(
  index: MiniSearch<T>,
): (terms: string[], boosts: Record<string, number>, k: number, accept?: (id: string) => boolean) => ScoredChunk[] {
  const internals = index as unknown as MiniSearchInternals;
  let buffers: Buffers | null = null;
  return (terms, boosts, k, accept) => {
    const limit = Math.floor(k);
    if (!(limit > 0)) return [];
    const size = internals._nextId;
    if (!buffers || buffers.scores.length < size) {
      buffers = { scores: new Float64Array(size), matched: new Uint16Array(size), lastTerm: new Int32Array(size).fill(-1) };
    }
    const { scores, matched, lastTerm } = buffers;
    const touched: number[] = [];
    terms.forEach((term, termIndex) => {
      const fields = internals._index.get(term);
      if (!fields) return;
      for (const [field, boost] of Object.entries(boosts)) {
        const fieldId = internals._fieldIds[field];
        const postings = fields.get(fieldId);
        if (!postings) continue;
        const idf = Math.log(1 + (internals._documentCount - postings.size + 0.5) / (postings.size + 0.5));
        const averageLength = internals._avgFieldLength[fieldId];
        for (const [docId, termFrequency] of postings) {
          if (!internals._documentIds.has(docId)) continue;
          const fieldLength = internals._fieldLength.get(docId)![fieldId];
          const normalized = termFrequency + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / averageLength);
          const score = idf * (BM25.d + (termFrequency * (BM25.k + 1)) / normalized);
          if (lastTerm[docId] === -1) touched.push(docId);
          if (lastTerm[docId] !== termIndex) {
            matched[docId] += 1;
            lastTerm[docId] = termIndex;
          }
          scores[docId] += boost * score;
        }
      }
    });
    const best = topK(touched, scores, matched, limit, accept ? (docId) => accept(internals._documentIds.get(docId)!) : undefined);
    const results = best.map((docId) => ({ id: internals._documentIds.get(docId)!, score: scores[docId] * matched[docId] }));
    for (const docId of touched) {
      scores[docId] = 0;
      matched[docId] = 0;
      lastTerm[docId] = -1;
    }
    return results;
  };
}

/** The k candidates with the highest score × matched, best first; ties by index order. */
function topK(candidates: number[], scores: Float64Array, matched: Uint16Array, k: number, accept?: (docId: number) => boolean): number[] {
  const final = (docId: number) => scores[docId] * matched[docId];
  const better = (a: number, b: number) => final(a) > final(b) || (final(a) === final(b) && a < b);
  // A min-heap of the best k so far (root = the worst kept).
  const heap: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[parent], heap[i])) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && better(heap[worst], heap[left])) worst = left;
      if (right < heap.length && better(heap[worst], heap[right])) worst = right;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  };
  for (const docId of candidates) {
    if (heap.length === k && !better(docId, heap[0])) continue;
    if (accept && !accept(docId)) continue;
    if (heap.length < k) {
      heap.push(docId);
      siftUp(heap.length - 1);
    } else {
      heap[0] = docId;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}

/** Terms with at least `minimum` postings over all fields, with their counts (read off the index, no re-tokenizing). */
export function postingCounts<T>(index: MiniSearch<T>, minimum: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [term, fields] of (index as unknown as MiniSearchInternals)._index) {
    let postings = 0;
    for (const docs of fields.values()) postings += docs.size;
    if (postings >= minimum) counts.set(term, postings);
  }
  return counts;
}
