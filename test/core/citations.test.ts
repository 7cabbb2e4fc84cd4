/**
 * Citation checks: a quote is kept only when verbatim in its document at an existing address;
 * a quote differing only in spacing is repaired from the section; the last safety net drops a
 * bad citation and renumbers the markers of the answer.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusDocument, Registry } from '../../ingest/types.js';
import { CitationList, enforceCitations, verifiedCitation } from '../../server/core/answer/citations.js';
import { splitSentences } from '../../server/core/read/sentences.js';

// TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document.
const TEXT = 'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ\n\n1. Nhiệm vụ thử.\n\n- Đơn vị chủ trì thực hiện: Sở Thử nghiệm.\n- Thời gian thực hiện: Hoàn thành trong tháng 6/2026.';
const start = TEXT.indexOf('1.');
const document: CorpusDocument = {
  id: 'fixture',
  type: 'ke-hoach',
  file: 'fixture.txt',
  format: 'txt',
  hash: 'x',
  header: { issuer: null, number: null, numberText: null, place: null, issuedDate: null, dateText: null, year: null, typeText: null, title: null },
  title: 'Tài liệu giả lập',
  signer: null,
  recipients: [],
  text: TEXT,
  sections: [{ address: 'II.1', label: 'mục II.1', kind: 'item', heading: 'Nhiệm vụ thử.', text: TEXT.slice(start), span: { start, end: TEXT.length }, parent: null, path: [] }],
  fixture: true,
};
const registry: Registry = { documents: [document], tasks: [], obligations: [], units: [], references: [], expected: [], skipped: [] };

describe('citations', () => {
  it('keeps a verbatim quote and repairs one that differs only in spacing', () => {
    expect(verifiedCitation(registry, 'fixture', 'II.1', 'Sở Thử nghiệm.')?.quote).toBe('Sở Thử nghiệm.');
    expect(verifiedCitation(registry, 'fixture', 'II.1', 'Đơn vị chủ trì   thực hiện:\nSở Thử nghiệm')?.quote).toBe('Đơn vị chủ trì thực hiện: Sở Thử nghiệm');
  });

  it('falls back to the section text for a quote not in it, and refuses unknown places', () => {
    expect(verifiedCitation(registry, 'fixture', 'II.1', 'Sở Không Có.')?.quote).toBe(TEXT.slice(start).trim());
    expect(verifiedCitation(registry, 'fixture', 'II.9', 'Sở Thử nghiệm.')).toBeNull();
    expect(verifiedCitation(registry, 'khac', 'II.1', 'Sở Thử nghiệm.')).toBeNull();
  });

  it('numbers citations once each', () => {
    const list = new CitationList(registry);
    expect(list.cite('fixture', 'II.1', 'Sở Thử nghiệm.')).toBe('[1]');
    expect(list.cite('fixture', 'II.1', 'Hoàn thành trong tháng 6/2026.')).toBe('[2]');
    expect(list.cite('fixture', 'II.1', 'Sở Thử nghiệm.')).toBe('[1]');
    expect(list.size).toBe(2);
  });

  it('drops a citation that does not hold and renumbers the markers', () => {
    const good = { documentId: 'fixture', documentTitle: 'x', section: 'II.1', quote: 'Sở Thử nghiệm.' };
    const bad = { documentId: 'fixture', documentTitle: 'x', section: 'II.1', quote: 'không có trong văn bản' };
    const result = enforceCitations(registry, 'Câu một [1]. Câu hai [2]. Câu ba [3].', [bad, good, { ...good, section: 'II.7' }]);
    expect(result.citations).toEqual([good]);
    expect(result.answer).toBe('Câu một. Câu hai [1]. Câu ba.');
  });
});

describe('sentences', () => {
  it('cuts lines and clauses, drops bullets and item numbers, keeps offsets verbatim', () => {
    const text = '10. Quan tâm đầu tư; áp dụng công nghệ.\n\n- Đơn vị chủ trì: Sở A.\n+ Sở B phối hợp.';
    const sentences = splitSentences(text, 100);
    expect(sentences.map((sentence) => sentence.text)).toEqual(['Quan tâm đầu tư;', 'áp dụng công nghệ.', 'Đơn vị chủ trì: Sở A.', 'Sở B phối hợp.']);
    for (const sentence of sentences) expect(text.slice(sentence.start - 100, sentence.end - 100)).toBe(sentence.text);
  });
});
