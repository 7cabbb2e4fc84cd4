/**
 * Header rules on small SYNTHETIC documents (each says so in its first line), every rule on at
 * least two: the parent body above the issuer, a công văn's "V/v" subject line, the type named
 * by the number's symbol when there is no type line, acronyms kept in issuer names, a date
 * wrapped inside a cell, and a blank date never filled in.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingest/parse/index.js';
import { markdownToText } from '../../ingest/load/index.js';
import type { CorpusDocument } from '../../ingest/types.js';

const MARK = 'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document';

function parse(lines: readonly string[], format: 'txt' | 'md' = 'txt'): CorpusDocument {
  const text = [MARK, '', ...lines].join('\n');
  return parseDocument({ file: `gia-lap.${format}`, format, hash: 'x', text: format === 'md' ? markdownToText(text) : text });
}

describe('issuer and parent body', () => {
  it.each([
    [['BỘ NỘI VỤ', 'CỤC CÔNG CHỨC, VIÊN CHỨC'], 'Bộ Nội vụ', 'Cục công chức, viên chức'],
    [['UBND TỈNH AN HÒA', 'SỞ TƯ PHÁP'], 'UBND tỉnh An Hòa', 'Sở Tư pháp'],
  ])('%j → parent %s, issuer %s', (issuerLines, parent, issuer) => {
    const doc = parse([...issuerLines, '', 'Số: 12/TB-GL', '', 'An Hòa, ngày 05 tháng 02 năm 2026', '', 'THÔNG BÁO', '', 'Lịch bồi dưỡng công chức năm 2026', '', 'Nội dung thông báo.']);
    expect(doc.header).toMatchObject({ issuerParent: parent, issuer, number: '12/TB-GL', issuedDate: '2026-02-05' });
    expect(doc.type).toBe('thong-bao');
  });

  it.each([
    [['ỦY BAN NHÂN DÂN', 'TỈNH AN HÒA'], 'Ủy ban nhân dân tỉnh An Hòa'],
    [['HỘI ĐỒNG NHÂN DÂN', 'XÃ BÌNH LỢI'], 'Hội đồng nhân dân xã Bình Lợi'],
  ])('%j is one body, no parent', (issuerLines, issuer) => {
    const doc = parse([...issuerLines, '', 'Số: 3/KH-GL', '', 'KẾ HOẠCH', '', 'Tập huấn năm 2026', '', 'Nội dung.']);
    expect(doc.header).toMatchObject({ issuer, issuerParent: null });
  });
});

describe('both header columns on one line (as a PDF lays them out)', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc', 'Ủy ban nhân dân xã An Bình'],
    ['BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Bộ Nội vụ'],
  ])('%s / %s → issuer, number and date apart', (first, second, issuer) => {
    const doc = parse([first, second, 'Số: 14/KH-GL An Bình, ngày 02 tháng 6 năm 2026', '', 'KẾ HOẠCH', '', 'Tập huấn', '', 'Nội dung.']);
    expect(doc.header).toMatchObject({ issuer, number: '14/KH-GL', place: 'An Bình', issuedDate: '2026-06-02' });
  });
});

describe('a công văn: no type line, a "V/v" subject line', () => {
  it.each([
    ['V/v báo cáo kết quả tuyển dụng năm 2025', 'báo cáo kết quả tuyển dụng năm 2025'],
    ['V/v: đề nghị cử cán bộ dự tập huấn', 'đề nghị cử cán bộ dự tập huấn'],
  ])('%s → type cong-van, the subject as title', (subject, title) => {
    const doc = parse(['SỞ NỘI VỤ', 'Số: 45/SNV-CCVC', subject, '', 'An Hòa, ngày 10 tháng 3 năm 2026', '', 'Kính gửi: Các phòng thuộc Sở.', '', 'Nội dung công văn.']);
    expect(doc.type).toBe('cong-van');
    expect(doc.header.title).toBe(title);
    expect(doc.header.number).toBe('45/SNV-CCVC');
  });
});

describe('type from the number symbol when there is no type line', () => {
  it.each([
    ['Số: 7/KH-GL', 'ke-hoach'],
    ['Số: 9/QĐ-GL', 'quyet-dinh'],
  ])('%s → %s', (numberLine, type) => {
    const doc = parse(['ỦY BAN NHÂN DÂN XÃ AN BÌNH', numberLine, 'An Bình, ngày 01 tháng 4 năm 2026', '', 'Nội dung văn bản.']);
    expect(doc.type).toBe(type);
  });
});

describe('dates', () => {
  it.each([
    [['|', '**ỦY BAN NHÂN DÂN**', 'XÃ AN BÌNH', '|', '|', 'Số: 5/KH-UBND', '|', '*An Bình, ngày', '03 tháng 4 năm 2026*', '|'], '2026-04-03'],
    [['|', 'BỘ NỘI VỤ', '|', '|', 'Số: 6/TB-BNV', '|', 'Hà Nội, ngày 17', 'tháng 9 năm 2026', '|'], '2026-09-17'],
  ])('reads a date wrapped inside a Markdown cell', (header, date) => {
    const doc = parse([...header, '', '**KẾ HOẠCH**', '', 'Tập huấn', '', 'Nội dung.'], 'md');
    expect(doc.header.issuedDate).toBe(date);
  });

  it.each([
    [['An Bình, ngày 17', 'tháng 9 năm 2026'], '2026-09-17'],
    [['Hà Nội, ngày', '05 tháng 01 năm 2027'], '2027-01-05'],
  ])('reads a date wrapped over two lines of a plain text: %j', (dateLines, date) => {
    const doc = parse(['BỘ NỘI VỤ', 'Số: 3/TB-BNV', ...dateLines, '', 'THÔNG BÁO', '', 'Lịch họp', '', 'Nội dung.']);
    expect(doc.header.issuedDate).toBe(date);
  });

  it.each([['ngày tháng năm 2026'], ['ngày … tháng … năm 2026']])('leaves "%s" blank, as a gap with its reason', (written) => {
    const doc = parse(['ỦY BAN NHÂN DÂN XÃ AN BÌNH', 'Số: /KH-UBND', `An Bình, ${written}`, '', 'KẾ HOẠCH', '', 'Tập huấn', '', 'Nội dung.']);
    expect(doc.header).toMatchObject({ issuedDate: null, year: 2026, number: null });
    expect(doc.header.gaps?.find((gap) => gap.field === 'date')?.reason).toContain('để trống');
  });
});

describe('signature authorities', () => {
  it.each([
    [['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', '(Đã ký)', 'Nguyễn Văn An'], { name: 'Nguyễn Văn An', role: 'Chánh văn phòng', authority: ['TL. CHỦ TỊCH'] }],
    [['TUQ. BỘ TRƯỞNG', 'CỤC TRƯỞNG', 'Lê Thị Bình'], { name: 'Lê Thị Bình', role: 'Cục trưởng', authority: ['TUQ. BỘ TRƯỞNG'] }],
    [['Q. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Minh Châu'], { name: 'Trần Minh Châu', role: 'Phó Giám đốc', authority: ['Q. GIÁM ĐỐC'] }],
  ])('%j', (block, signer) => {
    const doc = parse(['SỞ NỘI VỤ', 'Số: 8/TB-SNV', '', 'THÔNG BÁO', '', 'Lịch họp', '', 'Nội dung thông báo./.', '', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', '', ...block]);
    expect(doc.signer).toEqual(signer);
    expect(doc.recipients).toEqual(['Các phòng', 'Lưu: VT']);
  });
});
