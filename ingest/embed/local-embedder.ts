/**
 * The built-in embedder: no download, no network, deterministic. A hashed bag of Vietnamese
 * features (see `hash-features.ts`) weighted by IDF learned from the corpus at ingest,
 * sublinear in term frequency, L2-normalized, so cosine similarity behaves like TF-IDF cosine.
 */
import { createHash } from 'node:crypto';
import { Embeddings } from '@langchain/core/embeddings';
import { featureCounts, signOf } from './hash-features.js';

/** Id recorded in the index manifest; bump when features or weighting change. */
export const LOCAL_EMBEDDER_ID = 'local-hash-v1';

export const DEFAULT_LOCAL_DIMENSIONS = 512;

/** What `embedder.json` holds for the local embedder: enough to embed queries like documents. */
export interface LocalEmbedderState {
  id: string;
  dimensions: number;
  /** Number of texts the IDF was learned from. */
  documentCount: number;
  /** Feature hashes seen in at least two texts, ascending, and their document frequencies. */
  hashes: number[];
  documentFrequencies: number[];
}

/** Features seen once are not stored: a missing feature counts as seen once (or never). */
const MIN_STORED_FREQUENCY = 2;

/** Hashed TF-IDF embeddings behind LangChain's `Embeddings` interface. */
export class LocalHashEmbeddings extends Embeddings {
  readonly id = LOCAL_EMBEDDER_ID;
  readonly dimensions: number;
  private documentCount = 0;
  private documentFrequency = new Map<number, number>();

  constructor(options: { dimensions?: number } = {}) {
    super({});
    this.dimensions = options.dimensions ?? DEFAULT_LOCAL_DIMENSIONS;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 8) {
      throw new Error(`Số chiều embedding không hợp lệ: ${this.dimensions}`);
    }
  }

  /** Learns document frequencies from the texts to be indexed; replaces what was learned before. */
  fit(texts: string[]): void {
    const frequency = new Map<number, number>();
    for (const text of texts) {
      for (const hash of featureCounts(text).keys()) frequency.set(hash, (frequency.get(hash) ?? 0) + 1);
    }
    for (const [hash, count] of frequency) if (count < MIN_STORED_FREQUENCY) frequency.delete(hash);
    this.documentCount = texts.length;
    this.documentFrequency = frequency;
  }

  /** BM25's IDF: near zero for a feature in every text, so boilerplate does not dominate. */
  private idf(hash: number): number {
    if (this.documentCount === 0) return 1;
    const frequency = this.documentFrequency.get(hash) ?? 1;
    return Math.log(1 + (this.documentCount - frequency + 0.5) / (frequency + 0.5));
  }

  /** The embedding of one text, synchronously (queries take microseconds). Empty text → zero vector. */
  embedText(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    for (const feature of featureCounts(text).values()) {
      const value = (1 + Math.log(feature.count)) * feature.weight * this.idf(feature.hash);
      vector[feature.hash % this.dimensions] += signOf(feature.hash) * value;
    }
    let norm = 0;
    for (let i = 0; i < vector.length; i += 1) norm += vector[i] * vector[i];
    norm = Math.sqrt(norm);
    const result = new Array<number>(this.dimensions);
    for (let i = 0; i < vector.length; i += 1) result[i] = norm > 0 ? vector[i] / norm : 0;
    return result;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedText(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }

  /** The learned state, for `embedder.json`. */
  toJSON(): LocalEmbedderState {
    const hashes = [...this.documentFrequency.keys()].sort((a, b) => a - b);
    return {
      id: this.id,
      dimensions: this.dimensions,
      documentCount: this.documentCount,
      hashes,
      documentFrequencies: hashes.map((hash) => this.documentFrequency.get(hash) ?? 0),
    };
  }

  /** A short digest of the state: equal digests embed every text identically. */
  stateKey(): string {
    return createHash('sha256').update(JSON.stringify(this.toJSON())).digest('hex').slice(0, 16);
  }

  /** Restores an embedder saved with `toJSON()`; throws on a state of another shape or id. */
  static fromJSON(state: unknown): LocalHashEmbeddings {
    const value = state as Partial<LocalEmbedderState> | null;
    const valid =
      value !== null &&
      typeof value === 'object' &&
      value.id === LOCAL_EMBEDDER_ID &&
      Number.isInteger(value.dimensions) &&
      Number.isInteger(value.documentCount) &&
      Array.isArray(value.hashes) &&
      Array.isArray(value.documentFrequencies) &&
      value.hashes.length === value.documentFrequencies.length;
    if (!valid) throw new Error('Trạng thái bộ embedding cục bộ không hợp lệ (invalid local embedder state)');
    const embeddings = new LocalHashEmbeddings({ dimensions: value.dimensions });
    embeddings.documentCount = value.documentCount as number;
    const frequencies = value.documentFrequencies as number[];
    embeddings.documentFrequency = new Map((value.hashes as number[]).map((hash, i) => [hash, frequencies[i]]));
    return embeddings;
  }
}
