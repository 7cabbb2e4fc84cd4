import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings } from '../../ingest/store/lexical-codec.js';
import { buildPostings } from '../../ingest/store/lexical-postings.js';
import type { Chunk } from '../../ingest/types.js';

function chunk(n: number, text: string, context = ''): Chunk {
  return { id: `d#${n}`, documentId: 'd', address: String(n), text, span: { start: 0, end: text.length }, context, kind: 'paragraph' };
}

const chunks = [
  chunk(0, 'Sở Nội vụ chủ trì; phối hợp với UBND cấp xã.', 'II. Nhiệm vụ'),
  chunk(1, 'Rà soát khung năng lực vị trí việc làm, năng lực số.', 'II. Nhiệm vụ > 4'),
  chunk(2, 'năng lực năng lực năng lực'),
];

describe('lexical postings', () => {
  it('groups postings by term with chunk numbers ascending and MiniSearch field lengths', () => {
    const index = buildPostings(chunks);
    const text = index.fields[0];
    const nang = index.termIds.get('nang')!;
    expect([...text.chunks.subarray(text.offsets[nang], text.offsets[nang + 1])]).toEqual([1, 2]);
    expect([...text.frequencies.subarray(text.offsets[nang], text.offsets[nang + 1])]).toEqual([2, 3]);
    // Chunk 2: "nang", "luc", "nang luc", "luc nang" — distinct terms, not tokens.
    expect(text.lengths[2]).toBe(4);
    expect(index.fields[1].lengths[2]).toBe(0);
    expect(text.averageLength).toBeCloseTo((text.lengths[0] + text.lengths[1] + text.lengths[2]) / 3, 12);
  });

  it('round-trips through bytes, at any alignment of the buffer', () => {
    const index = buildPostings(chunks);
    const bytes = encodePostings(index);
    expect(decodePostings(bytes)).toEqual(index);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodePostings(shifted.subarray(1))).toEqual(index);
    expect(decodePostings(encodePostings(buildPostings([])))).toEqual(buildPostings([]));
  });

  it('refuses a truncated, padded or foreign file', () => {
    const bytes = encodePostings(buildPostings(chunks));
    expect(() => decodePostings(bytes.subarray(0, bytes.length - 4))).toThrow();
    expect(() => decodePostings(new Uint8Array([...bytes, 0, 0, 0, 0]))).toThrow();
    expect(() => decodePostings(new TextEncoder().encode('{"index":{}}'))).toThrow();
  });
});
