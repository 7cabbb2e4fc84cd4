/**
 * The vector index: an hnswlib-node graph, cosine space. Label `i` is chunk `i` of
 * `chunks.json`. Search runs on the graph directly; LangChain's `HNSWLib` (whose documents
 * carry the chunk's text as `pageContent` and { chunkId, documentId, address }) is made from the
 * same graph only when a LangChain consumer asks for it — holding a document object per chunk
 * costs memory and load time that plain search does not need.
 */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { Chunk, IndexHit } from '../types.js';
import { searchGraph, type GraphFile } from './graph-search.js';

/** Metadata of every vector's document in the LangChain store. */
export interface VectorMetadata {
  chunkId: string;
  documentId: string;
  address: string;
}

/**
 * Graph parameters, measured on generated corpora (recall@10 against brute force, 150 queries:
 * 50 questions and 100 passage openings). Construction dominates the ingest's write stage, so
 * its effort is kept low and search breadth raised instead: M 16, efConstruction 24, ef 200
 * gave recall 0.954 at 10k chunks (48/100: 0.960) and 0.809 at 100k (48/100: 0.807 — the
 * generated text repeats, so many neighbours tie), building in 40 s instead of 112 s at 100k.
 * A query costs ~2 ms at 100k. `test/ingest/vector-recall.test.ts` keeps recall ≥ 0.95.
 */
export const GRAPH_M = 16;
export const EF_CONSTRUCTION = 24;
/** A fixed seed makes the graph, hence search results, the same on every build. */
const RANDOM_SEED = 42;
/** Search breadth. */
export const EF_SEARCH = 200;

/** The hnswlib-node class, loaded once (a native module). */
export async function hnswClass(): Promise<typeof HierarchicalNSW> {
  return (await HNSWLib.imports()).HierarchicalNSW;
}

/**
 * Builds the graph from precomputed vectors (one per chunk, same order). The graph is sized
 * once for all vectors instead of growing, and built with a fixed seed.
 */
export async function buildVectorIndex(chunks: Chunk[], vectors: number[][]): Promise<HierarchicalNSW> {
  if (chunks.length === 0 || vectors.length !== chunks.length) {
    throw new Error(`Cần đúng một vector cho mỗi đoạn (${vectors.length} vector, ${chunks.length} đoạn)`);
  }
  const numDimensions = vectors[0].length;
  const HierarchicalNSWClass = await hnswClass();
  const index = new HierarchicalNSWClass('cosine', numDimensions);
  index.initIndex({ maxElements: chunks.length, m: GRAPH_M, efConstruction: EF_CONSTRUCTION, randomSeed: RANDOM_SEED });
  chunks.forEach((chunk, label) => {
    if (vectors[label].length !== numDimensions) throw new Error(`Vector của đoạn ${chunk.id} có số chiều khác ${numDimensions}`);
    index.addPoint(vectors[label], label);
  });
  index.setEf(EF_SEARCH);
  return index;
}

/** The LangChain document of a chunk, as the store holds it and `docstore.json` saves it. */
export function chunkDocument(chunk: Chunk): Document<VectorMetadata> {
  const metadata: VectorMetadata = { chunkId: chunk.id, documentId: chunk.documentId, address: chunk.address };
  return new Document({ pageContent: chunk.text, metadata });
}

/** LangChain's `HNSWLib` over an existing graph (no copy of the graph; one document per chunk). */
export function langChainStore(index: HierarchicalNSW, chunks: Chunk[], embeddings: Embeddings): HNSWLib {
  // Set after construction so that `args` stays plain, as `HNSWLib.load` would leave it.
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: index.getNumDimensions() });
  store._index = index;
  store.docstore = new SynchronousInMemoryDocstore(new Map(chunks.map((chunk, label) => [String(label), chunkDocument(chunk)])));
  return store;
}

/** The stored vector of label `label` (normalized: cosine space stores unit vectors). */
export function storedVector(index: HierarchicalNSW, label: number): number[] {
  return index.getPoint(label);
}

/**
 * A searcher over the graph: embeds the query, returns the k nearest chunks with cosine
 * similarity as score. With `documentId`, hnswlib's filtered search returns the k nearest
 * of that document only (not a top-k cut afterwards, which could leave fewer than k).
 */
export function createVectorSearcher(
  index: HierarchicalNSW,
  chunks: Chunk[],
  embeddings: Embeddings,
  graph: GraphFile | null | (() => Promise<GraphFile | null>) = null,
): (query: string, k: number, documentId?: string) => Promise<IndexHit[]> {
  // A graph given as a check still to run is checked on the first search, not at start-up (~90 ms on the shipped index).
  let checked: Promise<GraphFile | null> | null = typeof graph === 'function' ? null : Promise.resolve(graph);
  return async (query, k, documentId) => {
    checked ??= (graph as () => Promise<GraphFile | null>)().catch(() => null);
    const ready = await checked;
    const limit = Math.min(Math.floor(k), index.getCurrentCount());
    if (!(limit > 0) || query.trim() === '') return [];
    const vector = await embeddings.embedQuery(query);
    // A query without any known feature embeds to zero, which has no direction to compare.
    if (!vector.some((value) => value !== 0)) return [];
    const filter = documentId === undefined ? undefined : (label: number) => chunks[label]?.documentId === documentId;
    // The same search in JavaScript when the graph was read and checked (see graph-search.ts).
    const { neighbors, distances } = ready ? searchGraph(ready, index.getEf(), vector, limit, filter) : index.searchKnn(vector, limit, filter);
    return neighbors.map((label, rank) => ({ chunkId: chunks[label].id, score: 1 - distances[rank] }));
  };
}
