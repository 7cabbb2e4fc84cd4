/**
 * The embedder of an index: chosen from the configuration for a new build, restored from the
 * manifest and `embedder.json` when an index is loaded. Everything else sees only LangChain's
 * `Embeddings` plus the id and size the manifest records.
 */
import type { Embeddings } from '@langchain/core/embeddings';
import type { EmbedderSettings } from '../settings.js';
import type { Chunk } from '../types.js';
import { LOCAL_EMBEDDER_ID, LocalHashEmbeddings, type LocalEmbedderState } from './local-embedder.js';
import { OpenAICompatibleEmbeddings, openAIEmbedderId } from './openai-embedder.js';

export { LocalHashEmbeddings, LOCAL_EMBEDDER_ID, DEFAULT_LOCAL_DIMENSIONS } from './local-embedder.js';
export type { LocalEmbedderState } from './local-embedder.js';
export { OpenAICompatibleEmbeddings, openAIEmbedderId } from './openai-embedder.js';

/** An embedder as the pipeline and the index use it. Only `id`, `dimensions`, `embeddings` are required. */
export interface EmbedderHandle {
  id: string;
  /** Vector size; 0 while unknown (an OpenAI model before its first response). */
  readonly dimensions: number;
  embeddings: Embeddings;
  /** Learns corpus statistics (the local embedder's IDF) before the chunks are embedded. */
  fit?(texts: string[]): void;
  /** What to save in `embedder.json` (the local IDF table), beyond id and dimensions. */
  state?(): LocalEmbedderState | null;
  /**
   * Equal keys mean equal vectors for equal input, which is when a saved vector may be reused.
   * Defaults to `${id}:${dimensions}`.
   */
  stateKey?(): string;
}

/** The content of `embedder.json`. */
export interface SavedEmbedder {
  id: string;
  dimensions: number;
  stateKey: string;
  local: LocalEmbedderState | null;
}

/**
 * What is embedded for a chunk: its heading path, then its text. The path places a short
 * passage ("- Đơn vị chủ trì thực hiện: Sở Nội vụ.") in its task.
 */
export function embeddingInput(chunk: Pick<Chunk, 'context' | 'text'>): string {
  return `${chunk.context}\n${chunk.text}`;
}

/** The embedder a configuration asks for; dimensions undefined when the model decides. */
export function expectedEmbedder(config: EmbedderSettings): { id: string; dimensions: number | undefined } {
  if (config.EMBEDDINGS === 'openai') {
    return { id: openAIEmbedderId(config.EMBEDDING_MODEL), dimensions: config.EMBEDDING_DIMENSIONS };
  }
  return { id: LOCAL_EMBEDDER_ID, dimensions: config.LOCAL_EMBEDDING_DIMENSIONS };
}

/** A fresh embedder for a new build, as the configuration says (`EMBEDDINGS=local|openai`). */
export function createEmbedder(config: EmbedderSettings): EmbedderHandle {
  if (config.EMBEDDINGS === 'openai') return openAIHandle(config);
  return localHandle(new LocalHashEmbeddings({ dimensions: config.LOCAL_EMBEDDING_DIMENSIONS }));
}

/**
 * The embedder an index was built with, from its `embedder.json`. The local one needs nothing
 * else; an OpenAI-compatible one needs the configuration for its endpoint and key.
 */
export function restoreEmbedder(saved: SavedEmbedder, config?: EmbedderSettings): EmbedderHandle {
  if (saved.id === LOCAL_EMBEDDER_ID) return localHandle(LocalHashEmbeddings.fromJSON(saved.local));
  if (config && config.EMBEDDINGS === 'openai' && openAIEmbedderId(config.EMBEDDING_MODEL) === saved.id) {
    return openAIHandle(config, saved.dimensions);
  }
  throw new Error(`Không khôi phục được bộ embedding ${saved.id} từ cấu hình hiện tại`);
}

/** What `embedder.json` records for a handle. */
export function saveEmbedder(handle: EmbedderHandle): SavedEmbedder {
  return { id: handle.id, dimensions: handle.dimensions, stateKey: embedderStateKey(handle), local: handle.state?.() ?? null };
}

/** The reuse key of a handle (see {@link EmbedderHandle.stateKey}). */
export function embedderStateKey(handle: EmbedderHandle): string {
  return handle.stateKey?.() ?? `${handle.id}:${handle.dimensions}`;
}

function localHandle(embeddings: LocalHashEmbeddings): EmbedderHandle {
  return {
    id: embeddings.id,
    dimensions: embeddings.dimensions,
    embeddings,
    fit: (texts) => embeddings.fit(texts),
    state: () => embeddings.toJSON(),
    stateKey: () => `${embeddings.id}:${embeddings.dimensions}:${embeddings.stateKey()}`,
  };
}

/**
 * `knownDimensions` is the size an index recorded; it is not sent to the endpoint (a model that
 * takes no `dimensions` parameter would refuse it), only `EMBEDDING_DIMENSIONS` is.
 */
function openAIHandle(config: EmbedderSettings, knownDimensions?: number): EmbedderHandle {
  const requested = config.EMBEDDING_DIMENSIONS;
  const embeddings = new OpenAICompatibleEmbeddings({
    model: config.EMBEDDING_MODEL,
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    dimensions: requested,
    // Embedding a batch takes longer than one chat answer; never wait less than 30 s.
    timeoutMs: Math.max(config.LLM_TIMEOUT_MS, 30_000),
  });
  if (embeddings.dimensions === 0 && knownDimensions) embeddings.dimensions = knownDimensions;
  return {
    id: embeddings.id,
    get dimensions() {
      return embeddings.dimensions;
    },
    embeddings,
    state: () => null,
    // Vectors of a remote model depend only on the model and the requested size.
    stateKey: () => `${embeddings.id}:${requested ?? 'native'}`,
  };
}
