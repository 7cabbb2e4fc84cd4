import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedderHandle } from '../../ingest/embed/index.js';
import { NothingToIndexError, runIngest, type IngestSummary } from '../../ingest/pipeline.js';
import { indexStatus, loadIndex } from '../../ingest/store/index-reader.js';
import { loadConfig, type AppConfig } from '../../common/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
const PLAN_ID = 'ke-hoach-cbcc-cap-xa-2026';
const workDir = mkdtempSync(path.join(os.tmpdir(), 'h3-pipeline-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A synthetic second document, written by the test into its temporary corpus. */
function syntheticPlan(deadline: string): string {
  return [
    'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document',
    '',
    'KẾ HOẠCH',
    '',
    'Diễn tập phòng cháy tại trụ sở (giả lập)',
    '',
    'I. NHIỆM VỤ, GIẢI PHÁP',
    '',
    '1. Tổ chức diễn tập phòng cháy, chữa cháy tại trụ sở làm việc.',
    '',
    '- Đơn vị chủ trì thực hiện: Sở Nội vụ.',
    '',
    `- Thời gian thực hiện: Hoàn thành trong tháng ${deadline}.`,
    '',
  ].join('\n');
}

/** A temporary corpus holding the shipped plan and registry (plus extra files), and its config. */
function makeCorpus(name: string, extra: Record<string, string> = {}): AppConfig {
  const base = path.join(workDir, name);
  mkdirSync(path.join(base, 'corpus'), { recursive: true });
  copyFileSync(path.join(ROOT, 'corpus', PLAN_FILE), path.join(base, 'corpus', PLAN_FILE));
  copyFileSync(path.join(ROOT, 'corpus', 'registry.json'), path.join(base, 'corpus', 'registry.json'));
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(base, 'corpus', file), text);
  return loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: 'data/index' }, base);
}

/** A fake embedder that counts the texts it embeds; vectors are a deterministic function of the text. */
class CountingEmbeddings extends Embeddings {
  embedded = 0;
  constructor() {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded += texts.length;
    return texts.map((text) => this.vector(text));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.vector(text);
  }
  private vector(text: string): number[] {
    const vector = new Array<number>(16).fill(0.01);
    for (let i = 0; i < text.length; i += 1) vector[text.charCodeAt(i) % 16] += 1;
    return vector;
  }
}

function countingHandle(): EmbedderHandle & { embeddings: CountingEmbeddings } {
  return { id: 'counting-fake', dimensions: 16, embeddings: new CountingEmbeddings() };
}

describe('runIngest on the shipped corpus', () => {
  const config = makeCorpus('shipped');
  let summary: IngestSummary;
  beforeAll(async () => {
    summary = await runIngest(config);
  });

  it('indexes the plan with its tasks, references and the expected documents present or missing', () => {
    // This corpus holds the plan only: every other registry entry (the regulations shipped beside
    // it, the documents the plan cites) is missing here.
    const entries = (JSON.parse(readFileSync(path.join(ROOT, 'corpus', 'registry.json'), 'utf8')) as { documents: Array<{ id: string; file: string | null }> }).documents;
    expect(summary.totals).toMatchObject({ documents: 1, tasks: 10, references: 5, missing: entries.length - 1 });
    expect(summary.documents).toEqual([expect.objectContaining({ id: PLAN_ID, file: PLAN_FILE, tasks: 10 })]);
    expect(summary.documents[0].sections).toBeGreaterThanOrEqual(25);
    expect(summary.totals.chunks).toBe(summary.documents[0].chunks);
    const status = Object.fromEntries(summary.expected.map((entry) => [entry.id, entry.present]));
    expect(status).toEqual(Object.fromEntries(entries.map((entry) => [entry.id, entry.file === PLAN_FILE])));
    expect(status).toMatchObject({
      [PLAN_ID]: true,
      'chi-thi-18-ct-ttg-2026': false,
      'nghi-quyet-17-nq-tu-2026': false,
      'khung-nang-luc-vtvl-cap-xa': false,
    });
    expect(summary.skipped).toEqual([]);
    expect(summary.embedder).toEqual({ id: 'local-hash-v1', dimensions: 512 });
    expect(summary.sizeBytes).toBeGreaterThan(10_000);
    expect(summary.timings.totalMs).toBeGreaterThanOrEqual(summary.timings.embedMs);
  });

  it('writes an index that loads and answers both searches', async () => {
    const index = await loadIndex(config.indexPath, { config });
    expect(index.registry.tasks).toHaveLength(10);
    expect(index.chunks).toHaveLength(summary.totals.chunks);
    expect(index.searchLexical('khung nang luc', 1)[0].chunkId).toBe(`${PLAN_ID}#II.4`);
    const vectorHits = await index.searchVector('rà soát khung năng lực vị trí việc làm', 3);
    expect(vectorHits.map((hit) => index.chunkById.get(hit.chunkId)?.address)).toContain('II.4');
  });

  it('reports the index fresh, then stale when a file changes, appears or disappears', async () => {
    const corpus = config.corpusPath;
    const fresh = await indexStatus(config.indexPath, corpus);
    expect(fresh).toMatchObject({ exists: true, stale: false, reasons: [] });
    // Same bytes, newer date: still fresh.
    writeFileSync(path.join(corpus, PLAN_FILE), readFileSync(path.join(corpus, PLAN_FILE)));
    expect((await indexStatus(config.indexPath, corpus)).stale).toBe(false);
    writeFileSync(path.join(corpus, 'extra.txt'), syntheticPlan('9/2026'));
    expect((await indexStatus(config.indexPath, corpus)).reasons).toEqual(['tệp mới: extra.txt']);
    unlinkSync(path.join(corpus, 'extra.txt'));
    writeFileSync(path.join(corpus, PLAN_FILE), `${readFileSync(path.join(corpus, PLAN_FILE), 'utf8')}\n`);
    expect((await indexStatus(config.indexPath, corpus)).reasons).toEqual([`tệp đã thay đổi: ${PLAN_FILE}`]);
    unlinkSync(path.join(corpus, PLAN_FILE));
    expect((await indexStatus(config.indexPath, corpus)).reasons).toEqual([`tệp đã bị xóa: ${PLAN_FILE}`]);
    writeFileSync(path.join(corpus, 'registry.json'), `${readFileSync(path.join(corpus, 'registry.json'), 'utf8')}\n`);
    expect((await indexStatus(config.indexPath, corpus)).reasons).toContain('danh mục văn bản registry.json đã thay đổi');
    expect(await indexStatus(path.join(workDir, 'no-index'), corpus)).toMatchObject({ exists: false, stale: true });
  });
});

describe('incremental ingest', () => {
  it('re-parses and re-embeds only the file that changed', async () => {
    const config = makeCorpus('incremental', { 'synthetic.txt': syntheticPlan('9/2026') });
    const first = countingHandle();
    const built = await runIngest(config, { embedder: first });
    expect(first.embeddings.embedded).toBe(built.totals.chunks);
    expect(built.reuse).toMatchObject({ reusedDocuments: 0, parsedDocuments: 2, reusedVectors: 0 });

    const unchanged = countingHandle();
    const again = await runIngest(config, { embedder: unchanged });
    expect(unchanged.embeddings.embedded).toBe(0);
    expect(again.reuse).toEqual({ reusedDocuments: 2, parsedDocuments: 0, reusedVectors: built.totals.chunks, embeddedVectors: 0 });

    writeFileSync(path.join(config.corpusPath, 'synthetic.txt'), syntheticPlan('10/2026'));
    const edited = countingHandle();
    const after = await runIngest(config, { embedder: edited });
    const syntheticChunks = after.documents.find((doc) => doc.file === 'synthetic.txt')!.chunks;
    expect(after.reuse.parsedDocuments).toBe(1);
    expect(edited.embeddings.embedded).toBeGreaterThan(0);
    expect(edited.embeddings.embedded).toBeLessThanOrEqual(syntheticChunks);
    expect(after.reuse.reusedVectors).toBe(after.totals.chunks - edited.embeddings.embedded);

    // Reused vectors are the right ones: each plan chunk is its own nearest neighbour.
    const index = await loadIndex(config.indexPath, { embedder: edited });
    const chunk = index.chunkById.get(`${PLAN_ID}#II.8`)!;
    const [top] = await index.searchVector(`${chunk.context}\n${chunk.text}`, 1, PLAN_ID);
    expect(top.chunkId).toBe(chunk.id);
    expect(index.registry.documents.find((doc) => doc.file === 'synthetic.txt')?.text).toContain('tháng 10/2026');

    const full = countingHandle();
    await runIngest(config, { embedder: full, full: true });
    expect(full.embeddings.embedded).toBe(after.totals.chunks);
  });

  it('reuses local vectors only while the corpus (hence the IDF) is unchanged', async () => {
    const config = makeCorpus('local-reuse', { 'synthetic.txt': syntheticPlan('9/2026') });
    const first = await runIngest(config);
    expect((await runIngest(config)).reuse.reusedVectors).toBe(first.totals.chunks);
    writeFileSync(path.join(config.corpusPath, 'synthetic.txt'), syntheticPlan('11/2026'));
    const changed = await runIngest(config);
    expect(changed.reuse).toMatchObject({ reusedVectors: 0, embeddedVectors: changed.totals.chunks, reusedDocuments: 1 });
  });

  it('puts back an index left in .old by an ingest killed between its renames, and reuses it', async () => {
    const config = makeCorpus('recover');
    await runIngest(config);
    renameSync(config.indexPath, `${config.indexPath}.old-999999999-${Date.now()}`);
    const summary = await runIngest(config);
    expect(summary.reuse.reusedDocuments).toBe(1);
    expect(readdirSync(path.dirname(config.indexPath))).toEqual(['index']);
  });

  it('refuses a corpus with nothing to index, listing what was skipped', async () => {
    const base = path.join(workDir, 'empty');
    mkdirSync(path.join(base, 'corpus'), { recursive: true });
    writeFileSync(path.join(base, 'corpus', 'blank.txt'), '   \n');
    const config = loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: 'data/index' }, base);
    const error = await runIngest(config).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NothingToIndexError);
    expect((error as NothingToIndexError).skipped.map((file) => file.file)).toEqual(['blank.txt']);
  });
});
