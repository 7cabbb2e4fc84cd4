import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, ExpectedDocument, LoadedText } from '../../ingest/types.js';

const corpus = (name: string) => new URL(`../../corpus/${name}`, import.meta.url);
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
const registry = JSON.parse(readFileSync(corpus('registry.json'), 'utf8')) as { documents: ExpectedDocument[] };
const planExpected = registry.documents.find((entry) => entry.file === PLAN_FILE);

function loaded(file: string, text: string): LoadedText {
  return { file, format: 'txt', text, hash: 'test-hash' };
}
const plan = parseDocument(loaded(PLAN_FILE, readFileSync(corpus(PLAN_FILE), 'utf8')), planExpected);
const section = (doc: CorpusDocument, address: string) => {
  const found = doc.sections.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no section ${address}`);
  return found;
};

function expectConsistent(doc: CorpusDocument): void {
  for (const candidate of doc.sections) {
    expect(candidate.text).toBe(doc.text.slice(candidate.span.start, candidate.span.end));
    expect(candidate.text).toBe(candidate.text.trim());
    if (candidate.parent) {
      const parent = section(doc, candidate.parent);
      expect(parent.span.start).toBeLessThanOrEqual(candidate.span.start);
      if (candidate.kind !== 'footnote') expect(parent.span.end).toBeGreaterThanOrEqual(candidate.span.end);
    }
  }
  const addresses = doc.sections.map((candidate) => candidate.address);
  expect(new Set(addresses).size).toBe(addresses.length);
}

describe('parseDocument: the shipped plan', () => {
  it('has every address of the plan, in document order', () => {
    const items = Array.from({ length: 10 }, (_, i) => `II.${i + 1}`);
    const expected = [
      'header', 'preamble', 'I', 'I.1', 'I.2', 'I.3', 'II',
      ...items.slice(0, 6), 'II.6.a', 'II.6.b', ...items.slice(6), 'II.10.a', 'II.10.b',
      'III', 'III.1', 'III.2', 'III.3', 'III.closing', 'recipients', 'signature', 'footnote.1', 'footnote.2',
    ];
    expect(plan.sections.map((candidate) => candidate.address)).toEqual(expected);
  });

  it('keeps every section text equal to its span of the normalized text, addresses unique', () => {
    expectConsistent(plan);
  });

  it('reads the header: blank number and day, place, year, type, title; issuer from the registry', () => {
    expect(plan.id).toBe('ke-hoach-cbcc-cap-xa-2026');
    expect(plan.type).toBe('ke-hoach');
    expect(plan.header).toMatchObject({
      number: null,
      numberText: 'Số: /KH-UBND',
      place: 'Ninh Bình',
      issuedDate: null,
      dateText: 'Ninh Bình, ngày tháng năm 2026',
      year: 2026,
      typeText: 'KẾ HOẠCH',
      issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
    });
    expect(plan.header.title).toMatch(/^Nâng cao chất lượng cán bộ, công chức chính quyền cấp xã .* thực thi công vụ$/);
    expect(section(plan, 'header').text.startsWith('Số: /KH-UBND')).toBe(true);
    expect(section(plan, 'header').text.endsWith('tổ chức thực thi công vụ')).toBe(true);
  });

  it('derives the display title without a registry entry', () => {
    const bare = parseDocument(loaded('ke-hoach-x.txt', plan.text));
    expect(bare.id).toBe('ke-hoach-x');
    expect(bare.title).toBe(`Kế hoạch ${plan.header.title!.charAt(0).toLowerCase()}${plan.header.title!.slice(1)}`);
    expect(bare.header.issuer).toBeNull();
  });

  it('puts the bases in the preamble and part I bullets in I.1–I.3', () => {
    expect(section(plan, 'preamble').text).toMatch(/^Triển khai Kết luận .* tổ chức thực hiện như sau:$/s);
    expect(section(plan, 'I').heading).toBe('MỤC ĐÍCH, YÊU CẦU');
    expect(section(plan, 'I.3').text.startsWith('- Đổi mới mạnh mẽ')).toBe(true);
    expect(section(plan, 'I.1').kind).toBe('paragraph');
  });

  it('keeps field lines in the item and "+" bullets as sub-items', () => {
    const item = section(plan, 'II.6');
    expect(item.kind).toBe('item');
    expect(item.text).toContain('- Đơn vị chủ trì thực hiện: Sở Nội vụ tham mưu');
    expect(item.text.endsWith('theo đề án, kế hoạch của cấp có thẩm quyền.')).toBe(true);
    expect(section(plan, 'II.6.a')).toMatchObject({ kind: 'subitem', parent: 'II.6' });
    expect(section(plan, 'II.6.b').text).toBe('+ Các sở, ban, ngành có liên quan phối hợp thực hiện theo chức năng, nhiệm vụ được giao.');
    expect(section(plan, 'II.4').path[0]).toBe('II. NHIỆM VỤ, GIẢI PHÁP');
    expect(section(plan, 'II.4').path[1]).toMatch(/^4\. Rà soát hoàn thiện/);
  });

  it('shows the page-break and footnote repairs inside the items', () => {
    expect(section(plan, 'II.1').text).toContain('các nghị quyết, kết luận');
    expect(section(plan, 'II.10.a').text).toContain('tình hình, yêu cầu thực tiễn, tham mưu');
    const five = section(plan, 'II.5').text;
    expect(five).toContain('“đúng người, đúng việc, đúng thời điểm, đúng địa bàn”');
    expect(five).not.toContain('533');
    expect(five).not.toContain('¹');
  });

  it('attaches the footnotes to II.4, which cites them', () => {
    expect(section(plan, 'II.4').footnotes).toEqual(['footnote.1', 'footnote.2']);
    const first = section(plan, 'footnote.1');
    expect(first).toMatchObject({ kind: 'footnote', parent: 'II.4' });
    expect(first.text.startsWith('¹ Văn bản số 533-CV/BTCTW ngày 08/4/2026')).toBe(true);
    expect(section(plan, 'footnote.2').text).toContain('4614/BNV-CVCC');
  });

  it('keeps the heading and body of III items together and closes part III', () => {
    const one = section(plan, 'III.1');
    expect(one.heading).toBe('Ủy ban nhân dân các xã, phường');
    expect(one.text).toMatch(/^1\. Ủy ban nhân dân các xã, phường\n\nNghiêm túc quán triệt/);
    const closing = section(plan, 'III.closing');
    expect(closing).toMatchObject({ kind: 'closing', parent: 'III' });
    expect(closing.text).toMatch(/^Ủy ban nhân dân tỉnh yêu cầu .* xem xét chỉ đạo\.\/\.$/s);
    expect(section(plan, 'III.3').text).not.toContain('yêu cầu các cơ quan');
  });

  it('reads recipients and the signature, and keeps the filing code in the text', () => {
    expect(plan.recipients).toEqual([
      'Thường trực Tỉnh ủy', 'Lãnh đạo UBND tỉnh', 'Ban Thường vụ Đảng ủy UBND tỉnh', 'Ban Tổ chức Tỉnh ủy',
      'Các sở, ban, ngành', 'UBND xã, phường', 'Lưu: VT, VP1,7',
    ]);
    expect(plan.signer).toEqual({ name: 'Nguyễn Anh Chức', role: 'Phó Chủ tịch', authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] });
    expect(section(plan, 'signature').text).toBe('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Anh Chức');
    const tail = section(plan, 'recipients').text + section(plan, 'signature').text;
    expect(tail).toContain('TC_VP7_CCVG_30');
  });

  it('is stable: re-parsing the same or the normalized text gives the same sections', () => {
    const again = parseDocument(loaded(PLAN_FILE, readFileSync(corpus(PLAN_FILE), 'utf8')), planExpected);
    expect(again.sections).toEqual(plan.sections);
    const fromNormalized = parseDocument(loaded(PLAN_FILE, plan.text), planExpected);
    expect(fromNormalized.sections).toEqual(plan.sections);
  });
});

/** Hard-wraps every line of `text` at `width` columns, as a plain-text export of a PDF would. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const rows: string[] = [];
      let row = '';
      for (const word of line.split(' ')) {
        if (row && `${row} ${word}`.length > width) [rows[rows.length], row] = [row, word];
        else row = row ? `${row} ${word}` : word;
      }
      return [...rows, row].join('\n');
    })
    .join('\n');
}

describe('parseDocument: the plan in other layouts', () => {
  const variants: Record<string, string> = {
    'lines hard-wrapped at 70 columns': hardWrap(plan.text, 70),
    'no blank lines between paragraphs': plan.text.replace(/\n\n+/g, '\n'),
    'every line its own paragraph': plan.text.replace(/\n+/g, '\n\n'),
    'CRLF line ends and the other tone placement (Uỷ)': plan.text.replace(/\n/g, '\r\n').replace(/Ủy/g, 'Uỷ').replace(/ỦY/g, 'UỶ'),
  };
  for (const [name, text] of Object.entries(variants)) {
    it(`finds the same addresses, footnote links and signer: ${name}`, () => {
      const doc = parseDocument(loaded(PLAN_FILE, text), planExpected);
      expect(doc.sections.map((candidate) => candidate.address)).toEqual(plan.sections.map((candidate) => candidate.address));
      expect(section(doc, 'II.4').footnotes).toEqual(['footnote.1', 'footnote.2']);
      expect(doc.signer?.name).toBe('Nguyễn Anh Chức');
      expect(doc.recipients).toHaveLength(7);
      expect(doc.header.title).toBe(plan.header.title);
      expectConsistent(doc);
    });
  }
});

describe('parseDocument: synthetic fixtures', () => {
  it('parses a Chỉ thị with numbered items, "-" bullets and lettered sub-items', () => {
    const doc = parseDocument(loaded('chi-thi-synthetic.txt', readFileSync(fixture('chi-thi-synthetic.txt'), 'utf8')));
    expect(doc.fixture).toBe(true);
    expect(doc.type).toBe('chi-thi');
    expect(doc.sections.map((candidate) => candidate.address)).toEqual([
      'header', 'preamble', '1', '2', '2.a', '2.b', '3', 'closing', 'recipients', 'signature',
    ]);
    expect(doc.header).toMatchObject({
      issuer: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
      number: '99/CT-UBND',
      issuedDate: '2026-03-02',
      place: 'Thử Nghiệm',
      typeText: 'CHỈ THỊ',
    });
    expect(section(doc, '1').text).toContain('- Báo cáo kết quả về Ủy ban nhân dân tỉnh.');
    expect(section(doc, '2.b').kind).toBe('subitem');
    expect(doc.signer).toEqual({ name: 'Trần Văn Mẫu', role: 'Chủ tịch', authority: [] });
    expectConsistent(doc);
  });

  it('parses a Nghị quyết with Chương, Mục, Điều, khoản and điểm', () => {
    const doc = parseDocument(loaded('nghi-quyet-synthetic.txt', readFileSync(fixture('nghi-quyet-synthetic.txt'), 'utf8')));
    expect(doc.type).toBe('nghi-quyet');
    expect(doc.sections.map((candidate) => candidate.address)).toEqual([
      'header', 'preamble', 'chuong.1', 'dieu.1', 'dieu.2', 'dieu.2.khoan.1', 'dieu.2.khoan.2',
      'dieu.2.khoan.2.diem.a', 'dieu.2.khoan.2.diem.b', 'chuong.2', 'chuong.2.muc.1', 'dieu.3', 'dieu.3.khoan.1',
      'dieu.3.khoan.2', 'chuong.2.muc.2', 'dieu.4', 'dieu.5', 'dieu.5.khoan.1', 'dieu.5.khoan.2',
      'dieu.5.khoan.2.diem.a', 'dieu.5.khoan.2.diem.b', 'closing', 'recipients', 'signature',
    ]);
    expect(section(doc, 'chuong.1')).toMatchObject({ kind: 'chapter', heading: 'QUY ĐỊNH CHUNG' });
    expect(section(doc, 'dieu.3')).toMatchObject({ kind: 'article', parent: 'chuong.2.muc.1', heading: 'Cách đặt tên' });
    expect(section(doc, 'dieu.5.khoan.2.diem.b')).toMatchObject({ kind: 'point', parent: 'dieu.5.khoan.2' });
    expect(section(doc, 'dieu.4').text).toBe('Điều 4. Thời hạn lưu trữ\n\nHồ sơ được lưu trữ 05 năm.');
    expect(section(doc, 'dieu.3').path).toEqual(['Chương II. QUY ĐỊNH CỤ THỂ', 'Mục 1. TÊN HỒ SƠ', 'Điều 3. Cách đặt tên']);
    expect(doc.header).toMatchObject({ number: '07/2026/NQ-HĐND', issuedDate: '2026-01-15' });
    expectConsistent(doc);
  });
});

describe('parseDocument: tables and unstructured text', () => {
  const tableText = [
    'Bảng năng lực mẫu (văn bản kiểm thử).',
    '',
    '| Vị trí | Năng lực | Cấp độ |',
    '|---|---|---|',
    '| Văn thư | Soạn thảo văn bản | 2 |',
    '| Kế toán | Lập dự toán | 3 |',
  ].join('\n');

  it('turns pipe rows into table.1 and table.1.row.N with header and cells', () => {
    const doc = parseDocument(loaded('bang.md', tableText));
    const table = section(doc, 'table.1');
    expect(table.kind).toBe('table');
    expect(table.text.startsWith('| Vị trí |')).toBe(true);
    expect(section(doc, 'table.1.row.1')).toMatchObject({
      kind: 'table-row',
      parent: 'table.1',
      text: '| Văn thư | Soạn thảo văn bản | 2 |',
      tableHeader: ['Vị trí', 'Năng lực', 'Cấp độ'],
      cells: ['Văn thư', 'Soạn thảo văn bản', '2'],
    });
    expect(section(doc, 'table.1.row.2').cells).toEqual(['Kế toán', 'Lập dự toán', '3']);
    expect(doc.sections.some((candidate) => candidate.address === 'table.1.row.3')).toBe(false);
    expectConsistent(doc);
  });

  it('nests a table in the item that holds it and counts tables across the document', () => {
    const text = `I. PHẦN MẪU\n\n1. Mục có bảng.\n\n${tableText.split('\n').slice(2).join('\n')}\n\n2. Mục sau.\n\n| A | B |\n| x | y |`;
    const doc = parseDocument(loaded('mau.txt', text));
    expect(section(doc, 'table.1').parent).toBe('I.1');
    expect(section(doc, 'I.1').text).toContain('| Kế toán |');
    expect(section(doc, 'table.2.row.1').cells).toEqual(['x', 'y']);
    expect(section(doc, 'I.2').text.startsWith('2. Mục sau.')).toBe(true);
    expectConsistent(doc);
  });

  it('reads cells with an escaped pipe', () => {
    const doc = parseDocument(loaded('bang.html', '| Mã | Ghi chú |\n| A\\|B | có \\| trong ô |'));
    expect(section(doc, 'table.1.row.1').cells).toEqual(['A|B', 'có | trong ô']);
  });

  it('parses text without structure into paragraphs p.1, p.2 …', () => {
    const doc = parseDocument(loaded('ghi-chu.txt', 'Đoạn thứ nhất.\n\nĐoạn thứ hai\ncòn tiếp.\n\nĐoạn ba.'));
    expect(doc.sections.map((candidate) => [candidate.address, candidate.kind])).toEqual([
      ['p.1', 'paragraph'], ['p.2', 'paragraph'], ['p.3', 'paragraph'],
    ]);
    // The hard wrap inside the paragraph is repaired with one space.
    expect(section(doc, 'p.2').text).toBe('Đoạn thứ hai còn tiếp.');
    expect(doc.title).toBe('ghi-chu');
  });

  it('reads markdown headings as structure', () => {
    const doc = parseDocument(loaded('mau.md', '# KẾ HOẠCH\n\nThử nghiệm định dạng\n\n## I. MỤC TIÊU\n\n- Một.\n\n## II. NHIỆM VỤ\n\n1. Việc một.'));
    expect(doc.sections.map((candidate) => candidate.address)).toEqual(['header', 'I', 'I.1', 'II', 'II.1']);
    expect(doc.type).toBe('ke-hoach');
  });

  it('stops a title at the first line that reads as body text, even without blank lines', () => {
    const doc = parseDocument(loaded('mau.md', '# KẾ HOẠCH\nThử nghiệm tiêu đề\ndài hai dòng\nTriển khai văn bản mẫu, cơ quan mẫu ban hành:\nI. MỤC TIÊU\n- Một.'));
    expect(doc.header.title).toBe('Thử nghiệm tiêu đề dài hai dòng');
    expect(section(doc, 'preamble').text).toBe('Triển khai văn bản mẫu, cơ quan mẫu ban hành:');
  });

  it('parses empty text to a document with no sections', () => {
    const doc = parseDocument(loaded('rong.txt', ''));
    expect(doc.sections).toEqual([]);
    expect(doc.text).toBe('');
  });
});
