import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, isFootnoteParagraph, normalizeDocumentText } from '../../ingest/normalize/index.js';

/** Pieces that exercise the repairs: words, cases, punctuation, breaks, footnote markers, debris. */
const PIECES = [
  'a', 'b', 'xã', 'Sở', 'nghị', 'quyết', 'ĐƠN', 'VỊ', 'ủy', 'hoà', '1.', 'II.', '-', '+', '|', ':', ';', '.', ',', '”',
  ' ', ' ', '  ', '\t', '\n', '\n', '\n\n', '\n\n\n', '\r\n', '\r', '\f', '\u00A0', '\u200B', '\uFEFF',
  '¹ ', '² ', '[1] ', 'e\u0301', '\u0301',
];
const documentLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(documentLike, fc.string({ unit: 'binary', maxLength: 80 }));

/** What the normalizer may change without losing words: invisible characters and composition. */
function clean(raw: string): string {
  return raw.replace(/[\uFEFF\u200B-\u200D\u2060]/g, '').normalize('NFC');
}
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const HAS_FOOTNOTE_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹[]/;

describe('normalizeDocumentText properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normalizeDocumentText(raw);
        expect(normalizeDocumentText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every word: the same multiset always, the same sequence without footnote markers', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const input = words(clean(raw));
        const output = words(normalizeDocumentText(raw));
        if (HAS_FOOTNOTE_MARKER.test(raw)) {
          expect([...output].sort()).toEqual([...input].sort());
        } else {
          expect(output).toEqual(input);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('puts every footnote paragraph after every body paragraph, and leaves no triple line break', () => {
    fc.assert(
      fc.property(documentLike, (raw) => {
        const text = normalizeDocumentText(raw);
        expect(text).not.toMatch(/\n\n\n|^\n|\n$|[ \t]\n/);
        const kinds = text === '' ? [] : text.split('\n\n').map(isFootnoteParagraph);
        const firstFootnote = kinds.indexOf(true);
        if (firstFootnote >= 0) expect(kinds.slice(firstFootnote).every(Boolean)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('foldVietnamese properties', () => {
  it('preserves length on any NFC string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const nfc = raw.normalize('NFC');
        expect(foldVietnamese(nfc).length).toBe(nfc.length);
      }),
      { numRuns: 2000 },
    );
  });
});
