/**
 * A question's index view (`questionIndex`): a repeated search is served from an earlier one
 * only when that gives exactly what a new search returns, on the shipped index; and the
 * clauses outside the tasks, gathered once per question (`clauseHits`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LoadedIndex } from '../../ingest/types.js';
import { CONTENT_PASSAGES, SPAN_PASSAGES, clauseHits, outsideTasks } from '../../server/core/answer/clauses.js';
import { buildEnvironment } from '../../server/core/environment.js';
import { understandQuery } from '../../server/core/query/understand.js';
import { hybridSearch } from '../../server/core/retrieval/hybrid.js';
import { questionIndex } from '../../server/core/retrieval/search-memo.js';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

let shipped: ShippedIndex;

beforeAll(async () => {
  shipped = await buildShippedIndex();
});
afterAll(() => shipped.cleanup());

/** The index with its two searches counted. */
function counted(index: LoadedIndex): { index: LoadedIndex; calls: { lexical: number; vector: number } } {
  const calls = { lexical: 0, vector: 0 };
  const view = Object.create(index) as LoadedIndex;
  Object.assign(view, {
    searchLexical: (query: string, k: number, documentId?: string) => {
      calls.lexical += 1;
      return index.searchLexical(query, k, documentId);
    },
    searchVector: (query: string, k: number, documentId?: string) => {
      calls.vector += 1;
      return index.searchVector(query, k, documentId);
    },
  });
  return { index: view, calls };
}

const QUERIES = ['tuyển dụng công chức cấp xã', 'khung năng lực vị trí việc làm', 'chuyển đổi số', 'đánh giá chất lượng cán bộ'];

it('answers shallower searches of the same text as fresh searches do, deepest first or last', async () => {
  const documentId = shipped.index.registry.documents[0].id;
  for (const query of QUERIES) {
    for (const order of [[80, 64, 60, 6], [6, 60, 64, 80]]) {
      for (const scope of [undefined, documentId]) {
        const view = questionIndex(shipped.index);
        for (const k of order) {
          expect(view.searchLexical(query, k, scope)).toEqual(shipped.index.searchLexical(query, k, scope));
          expect(await view.searchVector(query, k, scope)).toEqual(await shipped.index.searchVector(query, k, scope));
        }
      }
    }
  }
});

it('searches once when the deepest search comes first, and again for a deeper one', async () => {
  const { index, calls } = counted(shipped.index);
  const view = questionIndex(index);
  const query = QUERIES[0];
  view.searchLexical(query, 64);
  await view.searchVector(query, 64);
  view.searchLexical(query, 60);
  await view.searchVector(query, 60);
  // The vector search is reused only when the 60th and 61st hits are not tied.
  const vector = await shipped.index.searchVector(query, 64);
  expect(calls.lexical).toBe(1);
  expect(calls.vector).toBe(vector[59].score > vector[60].score ? 1 : 2);
  view.searchLexical(query, 80);
  expect(calls.lexical).toBe(2);
  // Another text, or another document, is another search.
  view.searchLexical(QUERIES[1], 10);
  view.searchLexical(query, 10, shipped.index.registry.documents[0].id);
  expect(calls.lexical).toBe(4);
});

it('reuses a vector search only for the same depth when the index does not say how broadly it searches', async () => {
  const { index, calls } = counted(shipped.index);
  Object.defineProperty(index, 'vectorSearchBreadth', { value: undefined });
  const view = questionIndex(index);
  await view.searchVector(QUERIES[2], 64);
  await view.searchVector(QUERIES[2], 64);
  expect(calls.vector).toBe(1);
  await view.searchVector(QUERIES[2], 60);
  expect(calls.vector).toBe(2);
});

it('gathers the clauses outside the tasks once per question, with the hits of a search of each depth', async () => {
  const { index, calls } = counted(shipped.index);
  const environment = buildEnvironment(index);
  const question = { ...environment, index: questionIndex(index) };
  const query = understandQuery('Thời hạn tuyển dụng công chức cấp xã là bao lâu?', environment.query);
  const text = query.terms.join(' ');
  const outside = { filter: outsideTasks(environment) };
  const reads = [CONTENT_PASSAGES, SPAN_PASSAGES, CONTENT_PASSAGES];
  for (const k of reads) {
    expect(await clauseHits(question, query, k)).toEqual(await hybridSearch(shipped.index, text, { k, ...outside }));
  }
  expect(calls.lexical).toBe(1);
  // Another question gathers again.
  await clauseHits({ ...environment, index: questionIndex(index) }, understandQuery('Thời hạn tuyển dụng công chức cấp xã là bao lâu?', environment.query), CONTENT_PASSAGES);
  expect(calls.lexical).toBe(2);
});
