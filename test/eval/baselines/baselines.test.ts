import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../../ingest/embed/index.js';
import { parseDocument } from '../../../ingest/parse/index.js';
import type { CorpusDocument, Registry } from '../../../ingest/types.js';
import {
  addressAt,
  createBm25Baseline,
  createLangchainRagBaseline,
  paragraphPassages,
  recursiveChunkPassages,
  splitParagraphs,
} from './index.js';

const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';

/** The shipped plan, parsed by the real parser; the registry holds only what the baselines read. */
function planRegistry(): { registry: Registry; plan: CorpusDocument } {
  const text = readFileSync(new URL(`../../../corpus/${PLAN_FILE}`, import.meta.url), 'utf8');
  const plan = parseDocument({ file: PLAN_FILE, format: 'txt', text, hash: 'test' });
  return { registry: { documents: [plan], tasks: [], obligations: [], units: [], references: [], expected: [], skipped: [] }, plan };
}

describe('paragraph passages', () => {
  it('splits on blank lines and keeps offsets into the text', () => {
    const text = '\n\nMột dòng\nnối tiếp\n\n  \n Hai \n';
    expect(splitParagraphs(text)).toEqual([
      { text: 'Một dòng\nnối tiếp', start: 2 },
      { text: 'Hai', start: text.indexOf('Hai') },
    ]);
  });

  it('addresses each paragraph of the plan by the innermost section containing it', () => {
    const { registry, plan } = planRegistry();
    const passages = paragraphPassages(registry);
    for (const passage of passages) expect(plan.text.slice(passage.start, passage.start + passage.text.length)).toBe(passage.text);
    const lead4 = passages.find((passage) => passage.text.startsWith('- Đơn vị chủ trì thực hiện: Sở Nội vụ.'));
    expect(lead4?.address).toBe('II.4');
    const bullet = passages.find((passage) => passage.text.startsWith('+ Sở Tài chính'));
    expect(bullet?.address).toBe('II.10.a');
    const ii6 = plan.sections.find((section) => section.address === 'II.6')!;
    expect(addressAt(plan, ii6.span.start)).toBe('II.6');
  });
});

describe('BM25 baseline', () => {
  it('answers with the top paragraph verbatim and cites its section', async () => {
    const { registry, plan } = planRegistry();
    const baseline = createBm25Baseline(registry);
    const response = await baseline.answer('rà soát hoàn thiện tiêu chuẩn tiêu chí khung năng lực vị trí việc làm');
    expect(response.abstained).toBe(false);
    expect(response.citations).toHaveLength(1);
    expect(response.citations[0].section).toBe('II.4');
    expect(plan.text).toContain(response.citations[0].quote);
    expect(response.answer).toContain(response.citations[0].quote);
  });

  it('ranks at most k addresses and abstains only when nothing matches', async () => {
    const baseline = createBm25Baseline(planRegistry().registry);
    expect((await baseline.rank('Sở Nội vụ', 5)).length).toBe(5);
    const nothing = await baseline.answer('zzzqqq');
    expect(nothing.abstained).toBe(true);
    expect(nothing.citations).toEqual([]);
  });
});

describe('LangChain RAG baseline', () => {
  let registry: Registry;
  let plan: CorpusDocument;
  let embeddings: LocalHashEmbeddings;

  beforeAll(async () => {
    ({ registry, plan } = planRegistry());
    embeddings = new LocalHashEmbeddings({ dimensions: 256 });
    embeddings.fit((await recursiveChunkPassages(registry)).map((passage) => passage.text));
  });

  it('locates every 1000/200 chunk verbatim, in order, covering the text', async () => {
    const passages = await recursiveChunkPassages(registry);
    expect(passages.length).toBeGreaterThan(plan.text.length / 1000);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(1000);
      expect(plan.text.slice(passage.start, passage.start + passage.text.length)).toBe(passage.text);
    }
    // In order, and no text outside every chunk but whitespace (the splitter drops nothing).
    const covered = new Array<boolean>(plan.text.length).fill(false);
    for (let i = 0; i < passages.length; i += 1) {
      if (i > 0) expect(passages[i].start).toBeGreaterThan(passages[i - 1].start);
      covered.fill(true, passages[i].start, passages[i].start + passages[i].text.length);
    }
    const uncovered = plan.text.split('').filter((char, position) => !covered[position] && char.trim() !== '');
    expect(uncovered).toEqual([]);
  });

  it('answers with the nearest chunk over the given embedder', async () => {
    const baseline = await createLangchainRagBaseline(registry, embeddings);
    const question = 'tuyển dụng để bổ sung nguồn nhân lực cho các cơ quan, đơn vị chính quyền địa phương cấp xã';
    const response = await baseline.answer(question);
    expect(response.abstained).toBe(false);
    expect(plan.text).toContain(response.citations[0].quote);
    expect(response.citations[0].quote).toContain('tuyển dụng');
    const ranked = await baseline.rank(question, 5);
    expect(ranked.length).toBe(5);
    expect(ranked).toContain('II.8');
  });
});
