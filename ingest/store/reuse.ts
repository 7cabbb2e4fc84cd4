/**
 * Incremental ingest: what the previous index can lend the next build. A parsed document is
 * reused when its file's sha256, the normalizer version and its expected-registry entry are
 * unchanged; a vector is reused when the embedder's state key and the chunk's embedding input
 * are unchanged. For the local embedder the IDF (hence the state key) shifts with any change of
 * the corpus, so its vectors are recomputed — cheap, milliseconds; reuse pays off with a remote
 * model, where each vector is a paid network call.
 */
import path from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import { embeddingInput, type SavedEmbedder } from '../embed/index.js';
import { NORMALIZER_VERSION } from '../normalize/index.js';
import type { Chunk, CorpusDocument, IndexManifest, LoadedText } from '../types.js';
import type { IngestCache } from './index-writer.js';
import { isObject, readIndexJson } from './json-files.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION } from './layout.js';
import { decodeChunks } from './chunk-codec.js';
import { readRegistryFiles } from './registry-files.js';
import { readVectorIndex } from './vector-files.js';
import { storedVector } from './vector-store.js';

/** The previous index, read leniently: anything unreadable means "nothing to reuse". */
export interface PreviousBuild {
  folder: string;
  manifest: IndexManifest;
  documentsByFile: Map<string, { document: CorpusDocument; hash: string; expectedKey: string }>;
  chunks: Chunk[];
  embedder: SavedEmbedder;
}

/** Reads what can be reused from the index at `indexPath`, or null when there is none usable. */
export async function readPreviousBuild(indexPath: string): Promise<PreviousBuild | null> {
  const folder = path.resolve(indexPath);
  try {
    const manifest = await readIndexJson<IndexManifest>(folder, INDEX_FILES.manifest, isObject);
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.normalizerVersion !== NORMALIZER_VERSION) return null;
    const cache = await readIndexJson<IngestCache>(folder, INDEX_FILES.cache, (value) => isObject(value) && Array.isArray(value.files));
    const registry = await readRegistryFiles(folder);
    const chunks = decodeChunks(await readIndexJson<Chunk[]>(folder, INDEX_FILES.chunks, Array.isArray), registry.documents);
    const embedder = await readIndexJson<SavedEmbedder>(folder, INDEX_FILES.embedder, isObject);
    const expectedKeys = new Map(cache.files.map((entry) => [entry.file, entry.expectedKey]));
    const hashes = new Map(manifest.files.map((entry) => [entry.file, entry.hash]));
    const documentsByFile = new Map<string, { document: CorpusDocument; hash: string; expectedKey: string }>();
    for (const document of registry.documents) {
      const hash = hashes.get(document.file);
      const expectedKey = expectedKeys.get(document.file);
      if (hash !== undefined && expectedKey !== undefined) documentsByFile.set(document.file, { document, hash, expectedKey });
    }
    return { folder, manifest, documentsByFile, chunks, embedder };
  } catch {
    return null;
  }
}

/** The previously parsed document of `loaded`, when nothing it was parsed from has changed. */
export function reusableDocument(previous: PreviousBuild | null, loaded: LoadedText, expectedKey: string): CorpusDocument | null {
  const entry = previous?.documentsByFile.get(loaded.file);
  return entry && entry.hash === loaded.hash && entry.expectedKey === expectedKey ? entry.document : null;
}

/**
 * Previous vectors for `chunks` (same order), null where the chunk must be embedded again.
 * Reads the previous vector store only when the embedder state allows any reuse at all.
 */
export async function reusableVectors(
  previous: PreviousBuild | null,
  chunks: Chunk[],
  stateKey: string,
): Promise<Array<number[] | null>> {
  const none = chunks.map(() => null);
  if (!previous || previous.embedder.stateKey !== stateKey) return none;
  const labels = new Map(previous.chunks.map((chunk, label) => [chunk.id, { label, input: embeddingInput(chunk) }]));
  if (!chunks.some((chunk) => labels.get(chunk.id)?.input === embeddingInput(chunk))) return none;
  let store: HierarchicalNSW;
  try {
    store = await readVectorIndex(path.join(previous.folder, INDEX_FILES.vectors), previous.chunks.length, previous.manifest.embedder.dimensions);
  } catch {
    return none;
  }
  return chunks.map((chunk) => {
    const old = labels.get(chunk.id);
    return old && old.input === embeddingInput(chunk) ? storedVector(store, old.label) : null;
  });
}
