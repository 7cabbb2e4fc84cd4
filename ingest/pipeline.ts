/**
 * The ingest pipeline: load → parse → extract (registry) → chunk → embed → write.
 * Reads `corpus/registry.json` for the documents the corpus should hold, reuses what the previous
 * index already computed for unchanged files, and writes the new index atomically.
 */
import path from 'node:path';
import type { IngestSettings } from './settings.js';
import { chunkDocument } from './chunk/index.js';
import { createEmbedder, embedderStateKey, embeddingInput, saveEmbedder, type EmbedderHandle } from './embed/index.js';
import { buildRegistry } from './extract/index.js';
import { loadCorpus } from './load/index.js';
import { NORMALIZER_VERSION } from './normalize/index.js';
import { parseDocument } from './parse/index.js';
import { EXPECTED_REGISTRY_FILE, hashFile, indexedFiles, readExpectedDocuments, shortDigest } from './store/corpus-facts.js';
import { resolveIndexFolder } from './store/index-reader.js';
import { removeStaleBuilds, writeIndex } from './store/index-writer.js';
import { INDEX_FORMAT_VERSION, sizeOnDisk } from './store/layout.js';
import { buildLexicalIndex, serializeLexicalIndex } from './store/lexical-store.js';
import { readPreviousBuild, reusableDocument, reusableVectors } from './store/reuse.js';
import { buildVectorIndex } from './store/vector-store.js';
import type { Chunk, CorpusDocument, DocumentGap, ExpectedDocumentStatus, IndexManifest, Registry, SkippedFile } from './types.js';

/** Progress of a running ingest; `done` of `total` within the stage. */
export interface IngestProgress {
  stage: 'load' | 'parse' | 'embed' | 'write';
  done: number;
  total: number;
  file?: string;
}

export interface RunIngestOptions {
  onProgress?: (event: IngestProgress) => void;
  /** Embed with this instead of the configured embedder (tests, tools). */
  embedder?: EmbedderHandle;
  /** Ignore the previous index: parse and embed everything again. */
  full?: boolean;
  /** Upper bound of a chunk's text in characters. */
  maxChunkChars?: number;
  /** Test hook, forwarded to the writer: a pause before the manifest is written. */
  writeDelayMs?: number;
}

/** No file of the corpus could be turned into a document. */
export class NothingToIndexError extends Error {
  constructor(
    readonly corpusPath: string,
    readonly skipped: SkippedFile[],
  ) {
    super(`Không có văn bản nào để lập chỉ mục trong ${corpusPath}.`);
    this.name = 'NothingToIndexError';
  }
}

/** Vectors are embedded in batches so that progress moves and a remote model gets bounded requests. */
const EMBED_BATCH = 64;

/** Builds the index at `config.indexPath` from the corpus at `config.corpusPath`. */
export async function runIngest(config: IngestSettings, options: RunIngestOptions = {}): Promise<IngestSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const clock = stopwatch();
  const registryFile = path.join(config.corpusPath, EXPECTED_REGISTRY_FILE);
  const expected = await readExpectedDocuments(registryFile);
  // An ingest killed between the two renames of its swap left the previous index in `.old-…`.
  await resolveIndexFolder(config.indexPath).catch(() => null);
  await removeStaleBuilds(config.indexPath);
  const previous = options.full ? null : await readPreviousBuild(config.indexPath);

  const { loaded, skipped } = await loadCorpus(config.corpusPath, {
    onFile: (file, index, total) => progress({ stage: 'load', done: index + 1, total, file }),
  });
  const loadMs = clock.lap();

  let reusedDocuments = 0;
  const documents: CorpusDocument[] = [];
  const expectedKeys = new Map<string, string>();
  // The first entry per file, as a `find` over the list would return.
  const expectedByFile = new Map([...expected].reverse().map((entry) => [entry.file, entry]));
  for (const [index, file] of loaded.entries()) {
    const entry = expectedByFile.get(file.file);
    const expectedKey = shortDigest(JSON.stringify(entry ?? null));
    expectedKeys.set(file.file, expectedKey);
    const reused = reusableDocument(previous, file, expectedKey);
    if (reused) reusedDocuments += 1;
    documents.push(withUniqueId(reused ?? parseDocument(file, entry), documents));
    progress({ stage: 'parse', done: index + 1, total: loaded.length, file: file.file });
  }
  if (documents.length === 0) throw new NothingToIndexError(config.corpusPath, skipped);
  const registry = buildRegistry(documents, expected, skipped);
  const parseMs = clock.lap();

  const chunks = documents.flatMap((document) => chunkDocument(document, { maxChars: options.maxChunkChars }));
  const chunkMs = clock.lap();

  const embedder = options.embedder ?? createEmbedder(config);
  const inputs = chunks.map(embeddingInput);
  embedder.fit?.(inputs);
  const vectors = await reusableVectors(previous, chunks, embedderStateKey(embedder));
  const reusedVectors = vectors.filter(Boolean).length;
  await embedMissing(embedder, inputs, vectors, progress);
  const complete = vectors as number[][];
  const embedMs = clock.lap();

  progress({ stage: 'write', done: 0, total: 1 });
  const vectorIndex = await buildVectorIndex(chunks, complete);
  const lexical = serializeLexicalIndex(buildLexicalIndex(chunks));
  const dimensions = complete[0].length;
  const manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    embedder: { id: embedder.id, dimensions },
    normalizerVersion: NORMALIZER_VERSION,
    files: await indexedFiles(config.corpusPath, loaded, skipped, documents),
    counts: {
      documents: documents.length,
      sections: documents.reduce((sum, document) => sum + document.sections.length, 0),
      tasks: registry.tasks.length,
      references: registry.references.length,
      chunks: chunks.length,
      missing: registry.expected.filter((status) => !status.present).length,
    },
  };
  const cache = {
    expectedRegistryHash: await hashFile(registryFile),
    files: loaded.map((file) => ({ file: file.file, expectedKey: expectedKeys.get(file.file) ?? '' })),
  };
  const saved = { ...saveEmbedder(embedder), dimensions };
  await writeIndex(config.indexPath, { manifest, registry, chunks, lexical, embedder: saved, cache, vectors: vectorIndex }, { delayBeforeManifestMs: options.writeDelayMs });
  progress({ stage: 'write', done: 1, total: 1 });
  const writeMs = clock.lap();

  const timings: IngestTimings = { loadMs, parseMs, chunkMs, embedMs, writeMs, totalMs: clock.total() };
  return summarize({
    indexPath: config.indexPath,
    corpusPath: config.corpusPath,
    manifest,
    registry,
    chunks,
    timings,
    sizeBytes: await sizeOnDisk(config.indexPath),
    reuse: { reusedDocuments, parsedDocuments: documents.length - reusedDocuments, reusedVectors, embeddedVectors: chunks.length - reusedVectors },
  });
}

/** Embeds, in batches, the inputs whose vector is still null; fills `vectors` in place. */
async function embedMissing(
  embedder: EmbedderHandle,
  inputs: string[],
  vectors: Array<number[] | null>,
  progress: (event: IngestProgress) => void,
): Promise<void> {
  const missing = vectors.flatMap((vector, index) => (vector ? [] : [index]));
  for (let start = 0; start < missing.length; start += EMBED_BATCH) {
    const batch = missing.slice(start, start + EMBED_BATCH);
    const embedded = await embedder.embeddings.embedDocuments(batch.map((index) => inputs[index]));
    if (embedded.length !== batch.length) throw new Error(`Bộ embedding ${embedder.id} trả về ${embedded.length} vector cho ${batch.length} đoạn`);
    batch.forEach((index, position) => (vectors[index] = embedded[position]));
    progress({ stage: 'embed', done: Math.min(start + EMBED_BATCH, missing.length), total: missing.length });
  }
}

/** Two files that slug to the same id must not overwrite each other: later ones get "-2", "-3" … */
function withUniqueId(document: CorpusDocument, taken: CorpusDocument[]): CorpusDocument {
  if (!taken.some((other) => other.id === document.id)) return document;
  const ids = new Set(taken.map((other) => other.id));
  let n = 2;
  while (ids.has(`${document.id}-${n}`)) n += 1;
  return { ...document, id: `${document.id}-${n}` };
}

function stopwatch(): { lap(): number; total(): number } {
  const start = performance.now();
  let last = start;
  return {
    lap() {
      const now = performance.now();
      const elapsed = Math.round(now - last);
      last = now;
      return elapsed;
    },
    total: () => Math.round(performance.now() - start),
  };
}


/** Time spent per stage, in milliseconds. */
export interface IngestTimings {
  loadMs: number;
  parseMs: number;
  chunkMs: number;
  embedMs: number;
  writeMs: number;
  totalMs: number;
}

/** What an ingest did, for the CLI summary (and `--json`). */
export interface IngestSummary {
  indexPath: string;
  corpusPath: string;
  documents: Array<{
    id: string;
    title: string;
    file: string;
    type: CorpusDocument['type'];
    /** Header facts as read (or null), and the gaps the source leaves. */
    number: string | null;
    issuedDate: string | null;
    issuer: string | null;
    gaps: DocumentGap[];
    sections: number;
    tasks: number;
    chunks: number;
  }>;
  totals: IndexManifest['counts'] & { units: number };
  references: Array<{ number: string; typeText: string; date: string | null; issuer: string | null; loadedAs: string | null }>;
  expected: ExpectedDocumentStatus[];
  skipped: SkippedFile[];
  embedder: IndexManifest['embedder'];
  reuse: { reusedDocuments: number; parsedDocuments: number; reusedVectors: number; embeddedVectors: number };
  timings: IngestTimings;
  /** Bytes of the index folder. */
  sizeBytes: number;
}

function summarize(input: {
  indexPath: string;
  corpusPath: string;
  manifest: IndexManifest;
  registry: Registry;
  chunks: Chunk[];
  timings: IngestTimings;
  sizeBytes: number;
  reuse: IngestSummary['reuse'];
}): IngestSummary {
  const { registry, chunks, manifest } = input;
  // Counted in one pass each: a filter per document was quadratic (29 s at 1,695 documents).
  const tasksOf = countBy(registry.tasks, (task) => task.documentId);
  const chunksOf = countBy(chunks, (chunk) => chunk.documentId);
  return {
    indexPath: input.indexPath,
    corpusPath: input.corpusPath,
    documents: registry.documents.map((document) => ({
      id: document.id,
      title: document.title,
      file: document.file,
      type: document.type,
      number: document.header.number,
      issuedDate: document.header.issuedDate,
      issuer: document.header.issuer,
      gaps: document.header.gaps ?? [],
      sections: document.sections.length,
      tasks: tasksOf.get(document.id) ?? 0,
      chunks: chunksOf.get(document.id) ?? 0,
    })),
    totals: { ...manifest.counts, units: registry.units.length },
    references: registry.references.map(({ number, typeText, date, issuer, loadedAs }) => ({ number, typeText, date, issuer, loadedAs })),
    expected: registry.expected,
    skipped: registry.skipped,
    embedder: manifest.embedder,
    reuse: input.reuse,
    timings: input.timings,
    sizeBytes: input.sizeBytes,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
