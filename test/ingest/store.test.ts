import { mkdtempSync, readFileSync, statSync, rmSync, writeFileSync, truncateSync, unlinkSync, renameSync, mkdirSync, readdirSync, existsSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../ingest/chunk/index.js';
import { LocalHashEmbeddings, embeddingInput, saveEmbedder, createEmbedder, type EmbedderHandle } from '../../ingest/embed/index.js';
import { NORMALIZER_VERSION } from '../../ingest/normalize/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { loadIndex } from '../../ingest/store/index-reader.js';
import { removeStaleBuilds, writeIndex, type IndexContents } from '../../ingest/store/index-writer.js';
import { INDEX_FORMAT_VERSION } from '../../ingest/store/layout.js';
import { COMMON_TERM_MIN_CHUNKS, FIELD_BOOST, buildLexicalIndex, createLexicalSearcher, loadLexicalIndex, queryTerms, serializeLexicalIndex } from '../../ingest/store/lexical-store.js';
import { createBm25Scorer } from '../../ingest/store/lexical-scorer.js';
import { lexicalTerms } from '../../ingest/store/lexical-tokenize.js';
import { buildVectorIndex, createVectorSearcher } from '../../ingest/store/vector-store.js';
import { decodeRegistry, encodeRegistry } from '../../ingest/store/registry-codec.js';
import { buildRegistry } from '../../ingest/extract/index.js';
import type { Chunk, CorpusDocument, ExpectedDocument, Registry } from '../../ingest/types.js';
import { loadConfig } from '../../common/config.js';
import { CorpusNotIndexedError, IndexMismatchError } from '../../common/errors.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
/** A process id that cannot be running (above Linux's pid_max). */
const DEAD_PID = 999_999_999;

function parsePlan(): CorpusDocument {
  const raw = readFileSync(path.join(ROOT, 'corpus', PLAN_FILE), 'utf8');
  const registry = JSON.parse(readFileSync(path.join(ROOT, 'corpus/registry.json'), 'utf8')) as { documents: ExpectedDocument[] };
  return parseDocument({ file: PLAN_FILE, format: 'txt', text: raw, hash: 'h' }, registry.documents.find((entry) => entry.file === PLAN_FILE));
}

/** Index contents for one parsed document, with a minimal registry (the store does not read it). */
async function contentsFor(documents: CorpusDocument[], embedder: EmbedderHandle): Promise<IndexContents> {
  const chunks = documents.flatMap((doc) => chunkDocument(doc));
  const inputs = chunks.map(embeddingInput);
  embedder.fit?.(inputs);
  const vectors = await embedder.embeddings.embedDocuments(inputs);
  const registry: Registry = { documents, tasks: [], obligations: [], units: [], references: [], expected: [], skipped: [] };
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      embedder: { id: embedder.id, dimensions: vectors[0].length },
      normalizerVersion: NORMALIZER_VERSION,
      files: documents.map((doc) => ({ file: doc.file, hash: doc.hash, documentId: doc.id })),
      counts: { documents: documents.length, sections: 0, tasks: 0, references: 0, chunks: chunks.length, missing: 0 },
    },
    registry,
    chunks,
    lexical: serializeLexicalIndex(buildLexicalIndex(chunks)),
    embedder: saveEmbedder(embedder),
    cache: { expectedRegistryHash: null, files: [] },
    vectors: await buildVectorIndex(chunks, vectors),
  };
}

const plan = parsePlan();
const workDir = mkdtempSync(path.join(os.tmpdir(), 'h3-store-'));
const indexPath = path.join(workDir, 'index');
let contents: IndexContents;
let embeddings: LocalHashEmbeddings;

beforeAll(async () => {
  const embedder = createEmbedder(loadConfig({}));
  embeddings = embedder.embeddings as LocalHashEmbeddings;
  contents = await contentsFor([plan], embedder);
  await writeIndex(indexPath, contents);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A copy of the good index to damage. */
function copyIndex(name: string): string {
  const copy = path.join(workDir, name);
  cpSync(indexPath, copy, { recursive: true });
  return copy;
}

describe('lexical tokenizer', () => {
  it('folds syllables, adds pairs within a clause and the pieces of document numbers', () => {
    const terms = lexicalTerms('Khung năng lực; Chỉ thị số 18/CT-TTg');
    expect(terms).toEqual(expect.arrayContaining(['khung', 'nang', 'luc', 'khung nang', 'nang luc', '18/ct-ttg', '18', 'ct', 'ttg', 'so 18/ct-ttg']));
    expect(terms).not.toContain('luc chi');
    expect(lexicalTerms('khung nang luc')).toEqual(lexicalTerms('KHUNG NĂNG LỰC'));
  });
});

describe('lexical scoring', () => {
  it('scores and ranks exactly as MiniSearch.search does', () => {
    // The reference: MiniSearch itself, over the same chunks, fields and terms.
    const reference = new MiniSearch<Chunk>({ fields: ['text', 'context'], storeFields: [], tokenize: lexicalTerms, processTerm: (term) => term });
    reference.addAll(contents.chunks);
    const score = createBm25Scorer(buildLexicalIndex(contents.chunks).index);
    const idOf = (hit: { chunk: number; score: number }) => ({ id: contents.chunks[hit.chunk].id, score: hit.score });
    for (const query of ['khung nang luc vi tri viec lam', 'Sở Nội vụ phối hợp', 'thời gian thực hiện hoàn thành tháng 6/2026', 'tuyển dụng công chức', 'zzz']) {
      const terms = queryTerms(query, new Map());
      const expected = reference.search(terms.join(' '), { tokenize: () => terms, boost: FIELD_BOOST });
      const actual = score(terms, FIELD_BOOST, 1000).map(idOf);
      expect(actual.map((hit) => hit.id).slice(0, 5), query).toEqual(expected.map((hit) => hit.id).slice(0, 5));
      expect(actual).toHaveLength(expected.length);
      const expectedScore = new Map(expected.map((hit) => [hit.id, hit.score]));
      for (const hit of actual) expect(hit.score).toBeCloseTo(expectedScore.get(hit.id)!, 9);
    }
    expect(score(['khung'], FIELD_BOOST, 2, (chunk) => contents.chunks[chunk].id.endsWith('#II.4')).map((hit) => idOf(hit).id)).toEqual([`${plan.id}#II.4`]);
  });

  it('records common terms and drops the most common ones of a query beyond the postings budget', () => {
    const chunks: Chunk[] = Array.from({ length: COMMON_TERM_MIN_CHUNKS + 5 }, (_, i) => {
      const text = `cán bộ công chức mục ${i}${i === 7 ? ' tinh giản biên chế' : ''}`;
      return { id: `d#p.${i}`, documentId: 'd', address: `p.${i}`, text, span: { start: 0, end: text.length }, context: '', kind: 'paragraph' };
    });
    const lexical = loadLexicalIndex(serializeLexicalIndex(buildLexicalIndex(chunks)));
    expect(lexical.commonTerms.get('can bo')).toBe(chunks.length);
    expect(lexical.commonTerms.has('tinh')).toBe(false);
    const search = createLexicalSearcher(lexical, chunks);
    expect(search('cán bộ tinh giản biên chế', 1)[0].chunkId).toBe('d#p.7');
    // With frequencies past the budget, the rare terms stay and the common ones go.
    const huge = new Map([['can', 90_000], ['bo', 90_000], ['can bo', 80_000], ['bo tinh', 10]]);
    const kept = queryTerms('cán bộ tinh giản', huge);
    expect(kept).toEqual(expect.arrayContaining(['tinh', 'gian', 'tinh gian', 'bo tinh']));
    expect(kept).not.toContain('can bo');
    expect(queryTerms('cán bộ', huge).length).toBeGreaterThanOrEqual(3);
  });
});

describe('searchers on the shipped plan', () => {
  it('lexical search puts II.4 first for "khung nang luc" and respects the document filter', () => {
    const chunkById = new Map(contents.chunks.map((chunk) => [chunk.id, chunk]));
    const search = createLexicalSearcher(buildLexicalIndex(contents.chunks), contents.chunks);
    const hits = search('khung nang luc', 5);
    expect(chunkById.get(hits[0].chunkId)?.address).toBe('II.4');
    expect(hits[0].score).toBeGreaterThan(hits[1]?.score ?? 0);
    expect(search('khung nang luc', 5, plan.id)[0].chunkId).toBe(hits[0].chunkId);
    expect(search('khung nang luc', 5, 'another-document')).toEqual([]);
    expect(search('', 5)).toEqual([]);
  });

  it('vector search ranks II.4 in the top 3 for "rà soát khung năng lực vị trí việc làm"', async () => {
    const chunkById = new Map(contents.chunks.map((chunk) => [chunk.id, chunk]));
    const search = createVectorSearcher(contents.vectors, contents.chunks, embeddings);
    const hits = await search('rà soát khung năng lực vị trí việc làm', 3);
    expect(hits).toHaveLength(3);
    expect(hits.map((hit) => chunkById.get(hit.chunkId)?.address)).toContain('II.4');
    expect(hits[0].score).toBeGreaterThan(0);
    expect(hits[0].score).toBeLessThanOrEqual(1.0001);
    expect(await search('rà soát khung năng lực', 3, 'another-document')).toEqual([]);
    // Punctuation only: no feature, a zero vector, no direction to compare.
    expect(await search(' ,.; ', 3)).toEqual([]);
  });
});

describe('registry.json encoding', () => {
  it('drops the texts that are slices of the document and restores them exactly', () => {
    const expected = (JSON.parse(readFileSync(path.join(ROOT, 'corpus/registry.json'), 'utf8')) as { documents: ExpectedDocument[] }).documents;
    const registry = buildRegistry([plan], expected, []);
    expect(registry.tasks.length).toBe(10);
    const stored = JSON.stringify(encodeRegistry(registry));
    expect(decodeRegistry(JSON.parse(stored) as Registry)).toEqual(registry);
    expect(stored.length).toBeLessThan(JSON.stringify(registry).length * 0.75);
    // A text that is not its slice is kept as is.
    const edited: Registry = { ...registry, documents: [{ ...plan, sections: plan.sections.map((section, i) => (i === 0 ? { ...section, text: 'khác' } : section)) }] };
    expect(decodeRegistry(JSON.parse(JSON.stringify(encodeRegistry(edited))) as Registry).documents[0].sections[0].text).toBe('khác');
  });
});

describe('index on disk', () => {
  it('round-trips: what is loaded equals what was written and searches the same', async () => {
    const loaded = await loadIndex(indexPath);
    expect(loaded.manifest).toEqual(contents.manifest);
    expect(loaded.chunks).toEqual(contents.chunks);
    expect(loaded.registry).toEqual(contents.registry);
    expect(loaded.chunkById.get(`${plan.id}#II.4`)?.address).toBe('II.4');
    expect(loaded.searchLexical('khung nang luc', 3)[0].chunkId).toBe(`${plan.id}#II.4`);
    const before = createVectorSearcher(contents.vectors, contents.chunks, embeddings);
    const query = 'tuyển dụng công chức';
    expect((await loaded.searchVector(query, 5)).map((hit) => hit.chunkId)).toEqual((await before(query, 5)).map((hit) => hit.chunkId));
    expect(await loaded.embeddings.embedQuery(query)).toEqual(await embeddings.embedQuery(query));
    expect(readdirSync(workDir).filter((name) => name.startsWith('index.'))).toEqual([]);
  });

  it('gives LangChain a vector store over the loaded graph, made on first use', async () => {
    const loaded = await loadIndex(indexPath);
    const [[top, distance]] = await loaded.vectorStore.similaritySearchWithScore('khung năng lực vị trí việc làm', 1);
    const [hit] = await loaded.searchVector('khung năng lực vị trí việc làm', 1);
    expect(top.metadata.chunkId).toBe(hit.chunkId);
    expect(1 - distance).toBeCloseTo(hit.score, 9);
    expect(top.pageContent).toBe(loaded.chunkById.get(hit.chunkId)?.text);
    expect(loaded.vectorStore).toBe(loaded.vectorStore);
  });

  it('writes vectors that LangChain itself can load', async () => {
    const loaded = await loadIndex(indexPath);
    const store = await HNSWLib.load(path.join(indexPath, 'vectors'), loaded.embeddings);
    const [top] = await store.similaritySearch('khung năng lực vị trí việc làm', 1);
    expect(top.metadata).toMatchObject({ documentId: plan.id });
    expect(plan.text).toContain(top.pageContent);
  });

  it('replaces an index atomically and leaves no sibling folder behind', async () => {
    const target = path.join(workDir, 'swap');
    await writeIndex(target, contents);
    const smaller = { ...contents, manifest: { ...contents.manifest, createdAt: '2000-01-01T00:00:00.000Z' } };
    await writeIndex(target, smaller);
    expect((await loadIndex(target)).manifest.createdAt).toBe('2000-01-01T00:00:00.000Z');
    expect(readdirSync(workDir).filter((name) => name.startsWith('swap.'))).toEqual([]);
  });

  it('says to run ingest when there is no index', async () => {
    const missing = path.join(workDir, 'nothing-here');
    const error = await loadIndex(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusNotIndexedError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain('chạy `npm run ingest`');
  });

  const damages: Array<[string, string, (dir: string) => void]> = [
    ['a truncated chunks.json', 'chunks.json', (dir) => truncateSync(path.join(dir, 'chunks.json'), 100)],
    ['a truncated manifest.json', 'manifest.json', (dir) => truncateSync(path.join(dir, 'manifest.json'), 10)],
    ['a missing manifest.json', 'manifest.json', (dir) => unlinkSync(path.join(dir, 'manifest.json'))],
    ['a truncated lexical.bin', 'lexical.bin', (dir) => truncateSync(path.join(dir, 'lexical.bin'), 50)],
    ['a lexical.bin cut before its last postings', 'lexical.bin', (dir) => truncateSync(path.join(dir, 'lexical.bin'), statSync(path.join(dir, 'lexical.bin')).size - 4)],
    ['a missing vectors file', 'hnswlib.index', (dir) => unlinkSync(path.join(dir, 'vectors', 'hnswlib.index'))],
    ['a truncated vectors file', 'hnswlib.index', (dir) => truncateSync(path.join(dir, 'vectors', 'hnswlib.index'), 1000)],
    ['a truncated docstore.json', 'docstore.json', (dir) => truncateSync(path.join(dir, 'vectors', 'docstore.json'), 200)],
    [
      'one chunk fewer than vectors',
      'chunks.json',
      (dir) => {
        const file = path.join(dir, 'chunks.json');
        writeFileSync(file, JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as Chunk[]).slice(1)));
      },
    ],
  ];
  it.each(damages)('refuses %s with CorpusNotIndexedError naming %s', async (label, fileName, damage) => {
    const copy = copyIndex(`damaged-${label.replace(/\W+/g, '-')}`);
    damage(copy);
    const error = await loadIndex(copy).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusNotIndexedError);
    expect((error as Error).message).toContain(fileName);
    expect((error as Error).message).toContain('npm run ingest');
  });

  it('refuses an index built with another embedder or size, saying what it was built with', async () => {
    const otherSize = await loadIndex(indexPath, { config: loadConfig({ LOCAL_EMBEDDING_DIMENSIONS: '256' }) }).catch((caught: unknown) => caught);
    expect(otherSize).toBeInstanceOf(IndexMismatchError);
    expect((otherSize as Error).message).toBe(
      'Chỉ mục được xây dựng với local-hash-v1 (512 chiều), cấu hình hiện tại là local-hash-v1 (256 chiều); chạy `npm run ingest` để xây dựng lại.',
    );
    const openai = await loadIndex(indexPath, { config: loadConfig({ EMBEDDINGS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }) }).catch((caught: unknown) => caught);
    expect(openai).toBeInstanceOf(IndexMismatchError);
    expect((openai as Error).message).toContain('Chỉ mục được xây dựng với local-hash-v1, cấu hình hiện tại là openai:text-embedding-3-small');
    expect((await loadIndex(indexPath, { config: loadConfig({}) })).chunks.length).toBe(contents.chunks.length);
  });

  it('recovers an index left in an .old folder by an ingest killed between its two renames', async () => {
    const target = copyIndex('recover');
    const old = `${target}.old-${DEAD_PID}-${Date.now()}`;
    renameSync(target, old);
    // The new build, complete or not, is not the one to trust: the previous index is.
    mkdirSync(`${target}.tmp-${DEAD_PID}-${Date.now()}`);
    const loaded = await loadIndex(target);
    expect(loaded.searchLexical('khung nang luc', 1)[0].chunkId).toBe(`${plan.id}#II.4`);
    expect(existsSync(path.join(target, 'manifest.json'))).toBe(true);
    expect(existsSync(old)).toBe(false);
  });

  it('removes build folders of dead processes but not those of live ones', async () => {
    const target = path.join(workDir, 'stale');
    await writeIndex(target, contents);
    const dead = `${target}.tmp-${DEAD_PID}-1`;
    const live = `${target}.tmp-${process.pid}-2`;
    const old = `${target}.old-${DEAD_PID}-3`;
    for (const dir of [dead, live, old]) mkdirSync(dir);
    const removed = await removeStaleBuilds(target);
    expect(removed.sort()).toEqual([dead, old].sort());
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });
  });
});
