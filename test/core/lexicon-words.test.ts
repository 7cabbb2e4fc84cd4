import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../ingest/chunk/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { corpusWords } from '../../ingest/store/corpus-words.js';
import { decodePostings, encodePostings } from '../../ingest/store/lexical-codec.js';
import { buildPostings, postingsOf } from '../../ingest/store/lexical-postings.js';
import type { Chunk } from '../../ingest/types.js';
import { buildLexicon, lexiconFromWords } from '../../server/core/query/lexicon.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';

function planChunks(): Chunk[] {
  const raw = readFileSync(path.join(ROOT, 'corpus', PLAN_FILE), 'utf8');
  return chunkDocument(parseDocument({ file: PLAN_FILE, format: 'txt', text: raw, hash: 'h' }));
}

/** Compound tokens make index terms ("ct") that are not clause syllables until one stands alone. */
function compoundChunks(): Chunk[] {
  const texts = ['Theo Chỉ thị số 18/CT-TTg; KH&CN', 'mục ct riêng. Lượng và lương', ''];
  return texts.map((text, i) => ({ id: `d#${i}`, documentId: 'd', address: String(i), text, span: { start: 0, end: text.length }, context: i === 2 ? 'Phần › 18/CT-TTg' : '', kind: 'paragraph' }));
}

describe('lexicon from the words collected at ingest', () => {
  it.each([
    ['the shipped plan', planChunks],
    ['chunks with compound tokens', compoundChunks],
  ])('equals the lexicon built from the chunks: %s', (_label, make) => {
    const chunks = make();
    const built = buildLexicon(chunks);
    const stored = decodePostings(encodePostings(buildPostings(chunks)));
    const fromWords = lexiconFromWords(corpusWords(stored.words, stored.terms, stored.termIds, (term) => postingsOf(stored, term)), chunks.length);
    expect([...fromWords.documentFrequency]).toEqual([...built.documentFrequency]);
    expect([...fromWords.accented]).toEqual([...built.accented]);
    expect(fromWords.byLength).toEqual(built.byLength);
    expect(fromWords.weights).toEqual(built.weights);
    expect(fromWords.passages).toBe(built.passages);
    const pairs = new Set((built.pairs as Map<string, number>).keys());
    expect(pairs.size).toBeGreaterThan(0);
    for (const pair of pairs) expect(fromWords.pairs.has(pair), pair).toBe(true);
    // How many passages write a pair: the index's postings, counted per field like the built lexicon.
    for (const pair of pairs) expect(fromWords.pairPassages(pair), pair).toBe(built.pairPassages(pair));
    for (const term of stored.terms) expect(fromWords.pairs.has(term), term).toBe(pairs.has(term));
    expect(fromWords.pairs.has('khong co cap nay')).toBe(false);
  });
});
