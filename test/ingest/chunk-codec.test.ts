import { describe, expect, it } from 'vitest';
import { decodeChunks, encodeChunks } from '../../ingest/store/chunk-codec.js';
import type { Chunk, CorpusDocument } from '../../ingest/types.js';

const text = 'Mục I. Sở Nội vụ chủ trì. Mục II. UBND cấp xã phối hợp.';
const doc = { id: 'd', text } as CorpusDocument;
const chunk = (id: string, start: number, end: number, chunkText = text.slice(start, end)): Chunk => ({
  id,
  documentId: 'd',
  address: id,
  text: chunkText,
  span: { start, end },
  context: 'Kế hoạch › I',
  kind: 'paragraph',
});

describe('chunks.json encoding', () => {
  it('drops only texts that are slices of their document and restores them exactly', () => {
    const chunks = [chunk('I', 0, 25), chunk('II', 26, text.length), chunk('x', 0, 5, 'khác hẳn'), { ...chunk('y', 0, 5), documentId: 'other' }];
    const stored = JSON.parse(JSON.stringify(encodeChunks(chunks, [doc]))) as Chunk[];
    expect(stored.map((c) => 'text' in c)).toEqual([false, false, true, true]);
    expect(decodeChunks(stored, [doc])).toEqual(chunks);
  });

  it('leaves a chunk of an unknown document without text, for the reader to refuse', () => {
    const stored = JSON.parse(JSON.stringify(encodeChunks([chunk('I', 0, 25)], [doc]))) as Chunk[];
    expect(decodeChunks(stored, [])[0].text).toBeUndefined();
  });
});
