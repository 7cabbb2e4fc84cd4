/**
 * Hybrid retrieval: reciprocal rank fusion of the lexical and vector lists, a document
 * restriction, and the same ranking through the LangChain retriever.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hybridSearch, LEXICAL_WEIGHT, RRF_K, VECTOR_WEIGHT } from '../../server/core/retrieval/hybrid.js';
import { HybridRetriever } from '../../server/core/retrieval/retriever.js';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

let shipped: ShippedIndex;

beforeAll(async () => {
  shipped = await buildShippedIndex();
});
afterAll(() => shipped.cleanup());

it('fuses the two rankings by reciprocal rank', async () => {
  const query = 'khung năng lực vị trí việc làm';
  // Within the plan its competency-framework task comes first; over every document (the
  // job-position decree defines the framework too) the scores below are checked.
  const inPlan = await hybridSearch(shipped.index, query, { k: 5, documentId: 'ke-hoach-cbcc-cap-xa-2026' });
  expect(inPlan[0].chunk.address).toBe('II.4');
  // The decree's clauses on the framework (and the lead-ins of its khoản) rank beside it.
  const hits = await hybridSearch(shipped.index, query, { k: 8 });
  expect(hits.map((hit) => hit.chunk.id)).toContain('ke-hoach-cbcc-cap-xa-2026#II.4');
  const lexical = shipped.index.searchLexical(query, 30);
  const vector = await shipped.index.searchVector(query, 30);
  for (const hit of hits) {
    const lexicalRank = lexical.findIndex((item) => item.chunkId === hit.chunk.id);
    const vectorRank = vector.findIndex((item) => item.chunkId === hit.chunk.id);
    const expected =
      (lexicalRank >= 0 ? LEXICAL_WEIGHT / (RRF_K + lexicalRank + 1) : 0) + (vectorRank >= 0 ? VECTOR_WEIGHT / (RRF_K + vectorRank + 1) : 0);
    expect(hit.score).toBeCloseTo(expected, 10);
  }
  expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
});

it('restricts to a document and to a filter', async () => {
  expect(await hybridSearch(shipped.index, 'tuyển dụng', { k: 5, documentId: 'khong-co' })).toEqual([]);
  const onlyFootnotes = await hybridSearch(shipped.index, 'Bộ Nội vụ', { k: 5, filter: (chunk) => chunk.kind === 'footnote' });
  expect(onlyFootnotes.length).toBeGreaterThan(0);
  expect(onlyFootnotes.every((hit) => hit.chunk.kind === 'footnote')).toBe(true);
});

it('serves the same passages as a LangChain retriever', async () => {
  const retriever = new HybridRetriever({ index: shipped.index, k: 3 });
  const documents = await retriever.invoke('tuyển dụng công chức');
  const hits = await hybridSearch(shipped.index, 'tuyển dụng công chức', { k: 3 });
  expect(documents.map((document) => document.metadata.address)).toEqual(hits.map((hit) => hit.chunk.address));
  expect(documents[0].pageContent).toBe(hits[0].chunk.text);
});
