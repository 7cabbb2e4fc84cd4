/**
 * BM25+ scoring over the flat postings of `lexical-postings.ts`, without per-hit objects.
 *
 * Why: `MiniSearch.search` builds an object (with term and field lists) for every matching
 * chunk and sorts them all; with a common term in 10k chunks that alone takes ~50 ms. This
 * scorer computes the same score — MiniSearch 7's BM25+ with its defaults, field boosts, and
 * its "quality" factor (score × number of query terms matched) — into typed arrays, and keeps
 * only the top k. `test/ingest/store.test.ts` checks that it ranks and scores exactly as
 * `MiniSearch.search` does over the same chunks.
 */
import { LEXICAL_FIELDS, type PostingsIndex } from './lexical-postings.js';

/** MiniSearch 7's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export interface ScoredChunk {
  /** Chunk number (position in `chunks.json`). */
  chunk: number;
  score: number;
}

/** Reusable buffers, sized to the index; safe to share since scoring is synchronous. */
interface Buffers {
  scores: Float64Array;
  matched: Uint16Array;
  lastTerm: Int32Array;
  /** The chunks a search touched, in the order first touched (the first `count` entries). */
  touched: Int32Array;
  /**
   * Per field, each chunk's length term of the BM25 denominator, k × (1 − b + b × length /
   * average): the same expression the loop computed for every posting, computed once per chunk.
   */
  lengthNorms: Float64Array[];
}

function makeBuffers(index: PostingsIndex): Buffers {
  const size = index.documentCount;
  const lengthNorms = index.fields.map(({ lengths, averageLength }) => {
    const norms = new Float64Array(size);
    for (let chunk = 0; chunk < size; chunk += 1) norms[chunk] = BM25.k * (1 - BM25.b + (BM25.b * lengths[chunk]) / averageLength);
    return norms;
  });
  return { scores: new Float64Array(size), matched: new Uint16Array(size), lastTerm: new Int32Array(size).fill(-1), touched: new Int32Array(size), lengthNorms };
}

/**
 * Creates a scorer over `index`. The scorer takes distinct query terms, the field boosts, and an
 * optional chunk-number filter, and returns the k best chunks, best first (ties: index order).
 */
export function createBm25Scorer(
  index: PostingsIndex,
): (terms: string[], boosts: Partial<Record<string, number>>, k: number, accept?: (chunk: number) => boolean) => ScoredChunk[] {
  let buffers: Buffers | null = null;
  return (terms, boosts, k, accept) => {
    const limit = Math.floor(k);
    if (!(limit > 0)) return [];
    const size = index.documentCount;
    buffers ??= makeBuffers(index);
    const { scores, matched, lastTerm, touched, lengthNorms } = buffers;
    let touchedCount = 0;
    for (let termIndex = 0; termIndex < terms.length; termIndex += 1) {
      const id = index.termIds.get(terms[termIndex]);
      if (id === undefined) continue;
      for (let fieldNumber = 0; fieldNumber < LEXICAL_FIELDS.length; fieldNumber += 1) {
        const boost = boosts[LEXICAL_FIELDS[fieldNumber]];
        if (boost === undefined) continue;
        const { offsets, chunks, frequencies } = index.fields[fieldNumber];
        const norms = lengthNorms[fieldNumber];
        const start = offsets[id];
        const end = offsets[id + 1];
        const count = end - start;
        if (count === 0) continue;
        const idf = Math.log(1 + (size - count + 0.5) / (count + 0.5));
        for (let at = start; at < end; at += 1) {
          const chunk = chunks[at];
          const termFrequency = frequencies[at];
          const normalized = termFrequency + norms[chunk];
          const score = idf * (BM25.d + (termFrequency * (BM25.k + 1)) / normalized);
          if (lastTerm[chunk] === -1) touched[touchedCount++] = chunk;
          if (lastTerm[chunk] !== termIndex) {
            matched[chunk] += 1;
            lastTerm[chunk] = termIndex;
          }
          scores[chunk] += boost * score;
        }
      }
    }
    const best = topK(touched, touchedCount, scores, matched, limit, accept);
    const results = best.map((chunk) => ({ chunk, score: scores[chunk] * matched[chunk] }));
    for (let i = 0; i < touchedCount; i += 1) {
      const chunk = touched[i];
      scores[chunk] = 0;
      matched[chunk] = 0;
      lastTerm[chunk] = -1;
    }
    return results;
  };
}

/** The k candidates with the highest score × matched, best first; ties by index order. */
function topK(candidates: Int32Array, count: number, scores: Float64Array, matched: Uint16Array, k: number, accept?: (docId: number) => boolean): number[] {
  // A min-heap of the best k so far (root = the worst kept). Its helpers are module functions,
  // not closures made on every search.
  const heap: number[] = [];
  // The root's final score, kept while the heap is full: most candidates lose to it, and
  // comparing with a number is cheaper than recomputing both sides for each.
  let rootId = -1;
  let rootFinal = 0;
  for (let i = 0; i < count; i += 1) {
    const docId = candidates[i];
    if (heap.length === k) {
      const candidate = scores[docId] * matched[docId];
      if (!(candidate > rootFinal || (candidate === rootFinal && docId < rootId))) continue;
    }
    if (accept && !accept(docId)) continue;
    if (heap.length < k) {
      heap.push(docId);
      siftUp(heap, scores, matched, heap.length - 1);
    } else {
      heap[0] = docId;
      siftDown(heap, scores, matched, 0);
    }
    if (heap.length === k) {
      rootId = heap[0];
      rootFinal = scores[rootId] * matched[rootId];
    }
  }
  return heap.sort((a, b) => (better(scores, matched, a, b) ? -1 : 1));
}

/** Whether chunk `a` ranks before chunk `b`: a higher score × matched, or the same and an earlier chunk. */
function better(scores: Float64Array, matched: Uint16Array, a: number, b: number): boolean {
  const finalA = scores[a] * matched[a];
  const finalB = scores[b] * matched[b];
  return finalA > finalB || (finalA === finalB && a < b);
}

function siftUp(heap: number[], scores: Float64Array, matched: Uint16Array, start: number): void {
  let i = start;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!better(scores, matched, heap[parent], heap[i])) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function siftDown(heap: number[], scores: Float64Array, matched: Uint16Array, start: number): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && better(scores, matched, heap[worst], heap[left])) worst = left;
    if (right < heap.length && better(scores, matched, heap[worst], heap[right])) worst = right;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i], heap[worst]];
    i = worst;
  }
}
