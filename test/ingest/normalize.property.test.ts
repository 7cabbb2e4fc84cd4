import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, isFootnoteParagraph, normalizeDocumentText } from '../../ingest/normalize/index.js';
import { parseDocument } from '../../ingest/parse/index.js';

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

/** Lines that open structure, so that random documents exercise every parser path. */
const STRUCTURE = [
  'I. MỤC ĐÍCH', 'II. NHIỆM VỤ', '1. Việc', '2. Việc', '1.1. Con', 'a) Điểm', 'đ) Điểm', '- Gạch', '+ Cộng', 'Điều 1. Tên',
  'Điều 2.', 'Chương I', 'QUY ĐỊNH', 'Mục 1. Tên', '| a | b |', '|---|---|', '| x |', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An', 'KẾ HOẠCH', 'Số: 12/KH-UBND', 'Hà Nội, ngày 1 tháng 2 năm 2026',
  'xong./.', 'câu¹ tiếp', '¹ Chú thích', '[2] Ghi chú', 'văn bản', '(Đã ký)',
  'PHỤ LỤC I', 'Phụ lục', 'Mẫu số 01', 'QUY CHẾ', '(Ban hành kèm theo Quyết định số 1)', '**Điều 3.** Tên', '**1**. **Mục**',
];
const structured = fc
  .array(fc.tuple(fc.constantFrom(...STRUCTURE, ...PIECES), fc.constantFrom('\n', '\n\n', ' ', '')), { maxLength: 40 })
  .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));

describe('parseDocument properties', () => {
  it('never throws; sections are exact slices with unique addresses and known parents; re-parse is stable', () => {
    fc.assert(
      fc.property(fc.oneof(structured, anyText), (raw) => {
        const doc = parseDocument({ file: 'x.txt', format: 'txt', text: raw, hash: 'h' });
        expect(doc.text).toBe(normalizeDocumentText(raw));
        const addresses = new Set<string>();
        for (const section of doc.sections) {
          expect(section.text).toBe(doc.text.slice(section.span.start, section.span.end));
          expect(addresses.has(section.address)).toBe(false);
          addresses.add(section.address);
        }
        for (const section of doc.sections) if (section.parent) expect(addresses.has(section.parent)).toBe(true);
        const again = parseDocument({ file: 'x.txt', format: 'txt', text: doc.text, hash: 'h' });
        expect(again.sections).toEqual(doc.sections);
      }),
      { numRuns: 1500 },
    );
  });
});
