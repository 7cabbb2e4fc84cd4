/**
 * Loads an index written by `index-writer.ts` and checks it: every file present and whole,
 * one vector per chunk, built with the embedder and normalizer this program uses. A missing or
 * damaged index is a `CorpusNotIndexedError` naming the file and `npm run ingest`; an index
 * built otherwise is an `IndexMismatchError` saying what it was built with.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { CorpusNotIndexedError, IndexMismatchError } from '../../common/errors.js';
import type { EmbedderSettings } from '../settings.js';
import { expectedEmbedder, restoreEmbedder, type EmbedderHandle, type SavedEmbedder } from '../embed/index.js';
import { NORMALIZER_VERSION } from '../normalize/index.js';
import type { Chunk, CorpusWords, IndexManifest, LoadedIndex } from '../types.js';
import { decodeChunks } from './chunk-codec.js';
import { corpusWords } from './corpus-words.js';
import { INGEST_COMMAND, damagedIndexFile, isObject, readIndexBytes, readIndexJson } from './json-files.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION, isProcessAlive, listSiblings } from './layout.js';
import { postingsOf } from './lexical-postings.js';
import { createLexicalSearcher, loadLexicalIndex } from './lexical-store.js';
import { readRegistryFiles } from './registry-files.js';
import { readVectorIndex } from './vector-files.js';
import { createVectorSearcher, langChainStore } from './vector-store.js';
import { checkedGraph, type GraphFile } from './graph-search.js';

export { indexStatus, type IndexStatus } from './index-status.js';

export interface LoadIndexOptions {
  /** The configuration: the index must have been built with the embedder it names. */
  config?: EmbedderSettings;
  /** An embedder to use as is (tests, tools); its id and size must match the index. */
  embedder?: EmbedderHandle;
}

/**
 * Loads the index at `indexPath`. Without options, the embedder is restored from the index
 * itself (possible for the built-in one); with `config`, a different embedder is refused.
 */
export async function loadIndex(indexPath: string, options: LoadIndexOptions = {}): Promise<LoadedIndex> {
  const folder = await resolveIndexFolder(indexPath);
  const manifest = await readManifest(folder);
  const saved = await readIndexJson<SavedEmbedder>(
    folder,
    INDEX_FILES.embedder,
    (value) => isObject(value) && value.id === manifest.embedder.id && value.dimensions === manifest.embedder.dimensions,
  );
  const embedder = resolveEmbedder(manifest, saved, options);
  const registry = await readRegistryFiles(folder);
  const stored = await readIndexJson<Chunk[]>(folder, INDEX_FILES.chunks, (value) => Array.isArray(value) && value.length === manifest.counts.chunks);
  const chunks = decodeChunks(stored, registry.documents);
  if (!chunks.every(isChunk)) throw damagedIndexFile(path.join(folder, INDEX_FILES.chunks), 'nội dung không đúng cấu trúc');
  const lexicalFile = path.join(folder, INDEX_FILES.lexical);
  const lexicalBytes = await readIndexBytes(folder, INDEX_FILES.lexical);
  let lexical;
  try {
    lexical = loadLexicalIndex(lexicalBytes);
  } catch {
    throw damagedIndexFile(lexicalFile, 'không đúng định dạng hoặc bị cắt cụt');
  }
  if (lexical.index.documentCount !== chunks.length) throw damagedIndexFile(lexicalFile, `${lexical.index.documentCount} mục cho ${chunks.length} đoạn`);
  const vectors = await readVectorIndex(path.join(folder, INDEX_FILES.vectors), chunks.length, manifest.embedder.dimensions);
  // Checked against the native search on the first search (a graph read from another index than the one loaded fails the check).
  const graph = (): Promise<GraphFile | null> =>
    checkedGraph(
      () => readIndexBytes(path.join(folder, INDEX_FILES.vectors), 'hnswlib.index'),
      vectors,
      chunks.map((chunk) => chunk.text),
      (label) => chunks[label].documentId,
      (text) => embedder.embeddings.embedQuery(text),
    );
  const chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  let vectorStore: HNSWLib | null = null;
  let words: CorpusWords | null = null;
  return {
    manifest,
    registry,
    chunks,
    chunkById,
    searchLexical: createLexicalSearcher(lexical, chunks),
    searchVector: createVectorSearcher(vectors, chunks, embedder.embeddings, graph),
    vectorSearchBreadth: vectors.getEf(),
    // Made on first use: only a LangChain consumer needs a document object per chunk.
    get vectorStore() {
      vectorStore ??= langChainStore(vectors, chunks, embedder.embeddings);
      return vectorStore;
    },
    get words() {
      words ??= corpusWords(lexical.index.words, lexical.index.terms, lexical.index.termIds, (term) => postingsOf(lexical.index, term));
      return words;
    },
    embeddings: embedder.embeddings,
  };
}

const RECOVERY_WAIT_MS = 2_000;
const RECOVERY_POLL_MS = 50;

/**
 * The folder to read. When `indexPath` is missing because an ingest died between the two
 * renames of its swap, the previous index waits in `<index>.old-…`: put it back. While the
 * swapping ingest is still alive, wait for it to finish instead of racing it.
 */
export async function resolveIndexFolder(indexPath: string): Promise<string> {
  const target = path.resolve(indexPath);
  const deadline = Date.now() + RECOVERY_WAIT_MS;
  for (;;) {
    if (await exists(target)) return target;
    const old = await completeOldFolder(target);
    if (!old) break;
    if (!isProcessAlive(old.pid)) {
      try {
        await fs.rename(old.path, target);
        return target;
      } catch {
        return (await exists(target)) ? target : old.path;
      }
    }
    if (Date.now() > deadline) return old.path;
    await new Promise((resolve) => setTimeout(resolve, RECOVERY_POLL_MS));
  }
  throw new CorpusNotIndexedError(`Chưa có chỉ mục tại ${target}. Hãy chạy ${INGEST_COMMAND} để xây dựng chỉ mục.`);
}

async function completeOldFolder(target: string) {
  for (const sibling of await listSiblings(target)) {
    if (sibling.kind === 'old' && (await exists(path.join(sibling.path, INDEX_FILES.manifest)))) return sibling;
  }
  return null;
}

async function exists(target: string): Promise<boolean> {
  return fs.access(target).then(
    () => true,
    () => false,
  );
}

/** Reads and checks `manifest.json`; an index of another format version must be rebuilt. */
export async function readManifest(folder: string): Promise<IndexManifest> {
  const manifest = await readIndexJson<IndexManifest>(folder, INDEX_FILES.manifest, isManifest);
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexMismatchError(
      `Chỉ mục có định dạng phiên bản ${manifest.formatVersion}, chương trình cần phiên bản ${INDEX_FORMAT_VERSION}; chạy ${INGEST_COMMAND} để xây dựng lại.`,
    );
  }
  if (manifest.normalizerVersion !== NORMALIZER_VERSION) {
    throw new IndexMismatchError(
      `Chỉ mục được xây dựng với bộ chuẩn hóa ${manifest.normalizerVersion}, phiên bản hiện tại là ${NORMALIZER_VERSION}; chạy ${INGEST_COMMAND} để xây dựng lại.`,
    );
  }
  return manifest;
}

/** The embedder to query with, after checking it is the one the index was built with. */
function resolveEmbedder(manifest: IndexManifest, saved: SavedEmbedder, options: LoadIndexOptions): EmbedderHandle {
  const built = manifest.embedder;
  const wanted = options.embedder
    ? { id: options.embedder.id, dimensions: options.embedder.dimensions || undefined }
    : options.config
      ? expectedEmbedder(options.config)
      : null;
  if (wanted && (wanted.id !== built.id || (wanted.dimensions !== undefined && wanted.dimensions !== built.dimensions))) {
    throw mismatch(built, wanted);
  }
  if (options.embedder) return options.embedder;
  try {
    return restoreEmbedder(saved, options.config);
  } catch {
    throw mismatch(built, options.config ? expectedEmbedder(options.config) : { id: 'cấu hình không có bộ embedding này', dimensions: undefined });
  }
}

function mismatch(built: { id: string; dimensions: number }, wanted: { id: string; dimensions: number | undefined }): IndexMismatchError {
  const sameId = built.id === wanted.id;
  const describe = (id: string, dimensions: number | undefined) => (sameId && dimensions !== undefined ? `${id} (${dimensions} chiều)` : id);
  return new IndexMismatchError(
    `Chỉ mục được xây dựng với ${describe(built.id, built.dimensions)}, cấu hình hiện tại là ${describe(wanted.id, wanted.dimensions)}; chạy ${INGEST_COMMAND} để xây dựng lại.`,
  );
}

function isManifest(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.formatVersion === 'number' &&
    typeof value.createdAt === 'string' &&
    isObject(value.embedder) &&
    typeof value.embedder.id === 'string' &&
    typeof value.embedder.dimensions === 'number' &&
    typeof value.normalizerVersion === 'string' &&
    Array.isArray(value.files) &&
    isObject(value.counts) &&
    typeof value.counts.chunks === 'number'
  );
}

function isChunk(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.documentId === 'string' &&
    typeof value.address === 'string' &&
    typeof value.text === 'string' &&
    typeof value.context === 'string' &&
    isObject(value.span)
  );
}
