/**
 * Structure shapes on synthetic fixtures: appendix tables (rows whole, header cells attached),
 * appendices and attached texts that restart their numbering, stray bold marks, addressee
 * blocks inside a Roman part; and the display labels of every address shape.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../ingest/chunk/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { addressLabel } from '../../ingest/parse/labels.js';
import type { CorpusDocument, LoadedText, Section } from '../../ingest/types.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const loaded = (file: string, text: string): LoadedText => ({ file, format: file.endsWith('.md') ? 'md' : 'txt', hash: 'h', text });
const parse = (file: string, text: string) => parseDocument(loaded(file, text));
const section = (document: CorpusDocument, address: string): Section => {
  const found = document.sections.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no section ${address} in ${document.sections.map((s) => s.address).join(' ')}`);
  return found;
};

function expectStable(file: string, text: string): CorpusDocument {
  const first = parse(file, text);
  const again = parse(file, text);
  expect(again.sections.map((s) => [s.address, s.label])).toEqual(first.sections.map((s) => [s.address, s.label]));
  const addresses = first.sections.map((s) => s.address);
  expect(new Set(addresses).size).toBe(addresses.length);
  for (const candidate of first.sections) expect(candidate.label, candidate.address).not.toMatch(/dieu|khoan|phu-luc|table|kem-theo/);
  return first;
}

describe('appendices with a task table and a body of their own', () => {
  const doc = expectStable('phu-luc-synthetic.txt', fixture('phu-luc-synthetic.txt'));

  it('keeps the plan and its signature before the appendices', () => {
    expect(doc.sections.filter((s) => s.parent === null).map((s) => s.address)).toEqual([
      'header', 'I', 'II', 'recipients', 'signature', 'phu-luc.1', 'phu-luc.2',
    ]);
    expect(doc.signer?.name).toBe('Trần Văn Bình');
  });

  it('reads each row of the appendix table whole, with the header cells attached', () => {
    const rows = doc.sections.filter((s) => s.kind === 'table-row');
    expect(rows.map((row) => row.address)).toEqual([1, 2, 3, 4].map((n) => `phu-luc.1.table.1.row.${n}`));
    const last = section(doc, 'phu-luc.1.table.1.row.4');
    expect(last).toMatchObject({ parent: 'phu-luc.1.table.1', label: 'Phụ lục I, dòng 4' });
    expect(last.tableHeader).toEqual(['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành']);
    expect(last.cells).toEqual(['4', 'Tổng hợp, báo cáo kết quả', 'Văn phòng xã', 'Các phòng chuyên môn', 'Trước ngày 15/11 hằng năm']);
    expect(section(doc, 'phu-luc.1')).toMatchObject({ kind: 'appendix', heading: 'DANH MỤC NHIỆM VỤ', label: 'Phụ lục I' });
  });

  it('gives the numbering that restarts in an appendix its own addresses', () => {
    expect(section(doc, 'I.1').text).toBe('1. Kiểm thử việc đọc phụ lục.');
    expect(section(doc, 'phu-luc.2.I.1')).toMatchObject({ text: '1. Nhiệm vụ đã hoàn thành.', label: 'Phụ lục II, mục I.1' });
    expect(section(doc, 'phu-luc.2.I').parent).toBe('phu-luc.2');
  });

  it('chunks each table row with its header in the context', () => {
    const rows = chunkDocument(doc).filter((chunk) => chunk.kind === 'table-row');
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.context).toContain('Đơn vị chủ trì | Đơn vị phối hợp');
    expect(rows[0].context).toContain('PHỤ LỤC I. DANH MỤC NHIỆM VỤ');
  });
});

describe('tables without a header row', () => {
  it('keeps a first row numbered like the next one as data, with no header attached', () => {
    const doc = expectStable('ds.md', ['Phụ lục', '', '| Mẫu số 01 | Phiếu đăng ký |', '| Mẫu số 02 | Thông báo |', '| Mẫu số 03 | Quyết định |'].join('\n'));
    const rows = doc.sections.filter((s) => s.kind === 'table-row');
    expect(rows.map((row) => row.cells?.[0])).toEqual(['Mẫu số 01', 'Mẫu số 02', 'Mẫu số 03']);
    expect(rows.every((row) => row.tableHeader === undefined)).toBe(true);
    expect(rows[0].address).toBe('phu-luc.table.1.row.1');
  });
});

describe('appendix headings', () => {
  it('reads "Phụ lục I: …" in sentence case as a heading, but not a list of the appendices in the body', () => {
    const doc = expectStable('kh.txt', [
      'I. NHIỆM VỤ', '1. Thực hiện theo các phụ lục sau:', 'Phụ lục I: Danh mục nhiệm vụ;', 'Phụ lục II: Mẫu báo cáo.',
      '2. Báo cáo kết quả.', 'Nơi nhận:', '- Lưu: VT.', 'CHỦ TỊCH', 'Trần Văn Bình',
      'Phụ lục I: Danh mục nhiệm vụ', '| TT | Nhiệm vụ |', '| 1 | Rà soát |', 'Phụ lục II: Mẫu báo cáo', 'I. KẾT QUẢ', '1. Đã làm.',
    ].join('\n'));
    expect(doc.sections.filter((s) => s.parent === null).map((s) => s.address)).toEqual(['I', 'recipients', 'signature', 'phu-luc.1', 'phu-luc.2']);
    expect(section(doc, 'I.1').text).toContain('Phụ lục II: Mẫu báo cáo.');
    expect(section(doc, 'phu-luc.1')).toMatchObject({ heading: 'Danh mục nhiệm vụ', label: 'Phụ lục I' });
    expect(section(doc, 'phu-luc.2.I.1').label).toBe('Phụ lục II, mục I.1');
  });
});

describe('a decision with the text it issues (Quy chế … ban hành kèm theo)', () => {
  const doc = expectStable('quyet-dinh-kem-quy-che-synthetic.txt', fixture('quyet-dinh-kem-quy-che-synthetic.txt'));

  it('reads the decision’s own Điều, recipients and signature', () => {
    expect(doc.sections.filter((s) => s.kind === 'article' && s.parent === null).map((s) => s.address)).toEqual(['dieu.1', 'dieu.2', 'dieu.3']);
    expect(section(doc, 'recipients').text).not.toContain('Chương');
    expect(section(doc, 'signature').text).toContain('Trần Văn Bình');
  });

  it('opens no attached text at a "(Kèm theo …)" caption inside a body', () => {
    const plan = expectStable('kh.txt', [
      'I. NHIỆM VỤ', '1. Lập danh sách theo biểu sau:', 'DANH SÁCH ĐƠN VỊ', '(Kèm theo Kế hoạch này)', '| TT | Đơn vị |', '| 1 | Văn phòng |',
      '2. Báo cáo kết quả.', 'Nơi nhận:', '- Lưu: VT.', 'CHỦ TỊCH', 'Trần Văn Bình',
    ].join('\n'));
    expect(plan.sections.map((s) => s.address)).toEqual(['I', 'I.1', 'table.1', 'table.1.row.1', 'I.2', 'recipients', 'signature']);
  });

  it('addresses the attached text apart: its Chương, Điều 1–3 and signature', () => {
    expect(section(doc, 'kem-theo')).toMatchObject({ kind: 'appendix', heading: 'QUY CHẾ Làm việc của Ủy ban nhân dân xã' });
    expect(section(doc, 'kem-theo.dieu.3.khoan.1.diem.b')).toMatchObject({ kind: 'point', label: 'văn bản kèm theo, điểm b khoản 1 Điều 3' });
    expect(section(doc, 'kem-theo.chuong.2').label).toBe('văn bản kèm theo, Chương II');
    expect(section(doc, 'kem-theo.signature').label).toBe('văn bản kèm theo, phần chữ ký');
  });
});

describe('shapes inside the body', () => {
  it('reads headings with stray bold marks as articles and items', () => {
    const law = expectStable('luat.md', [
      '**Chương I**', '', '**NHỮNG QUY ĐỊNH CHUNG**', '', '**Điều 1. Cán bộ, công chức**', '',
      '1. Cán bộ là công dân Việt Nam.', '', '**Điều 2.** Nguyên tắc', '', '1. Tuân thủ Hiến pháp.',
    ].join('\n'));
    expect(law.sections.map((s) => s.address)).toEqual(['chuong.1', 'dieu.1', 'dieu.1.khoan.1', 'dieu.2', 'dieu.2.khoan.1']);
    expect(section(law, 'dieu.1').heading).toBe('Cán bộ, công chức');
    const plan = expectStable('kh.md', ['**I. MỤC ĐÍCH,', 'YÊU CẦU**', '', '**1**. **Mục đích**', '', '- Nâng cao chất lượng.', '', '**2. **Yêu cầu'].join('\n'));
    expect(plan.sections.map((s) => s.address)).toEqual(['I', 'I.1', 'I.2']);
  });

  it('reads addressee blocks inside a Roman part', () => {
    const doc = expectStable('ct.txt', [
      'Để khắc phục hạn chế, yêu cầu như sau:', 'I. NHIỆM VỤ CHUNG', '1. Các sở, ngành thực hiện nghiêm.', 'II. NHIỆM VỤ CỤ THỂ',
      '1. Văn phòng Ủy ban nhân dân:', 'a) Theo dõi, đôn đốc;', 'b) Tổng hợp, báo cáo.', '2. Các xã, phường:', 'a) Triển khai thực hiện.',
    ].join('\n'));
    expect(section(doc, 'II.1')).toMatchObject({ kind: 'item', heading: 'Văn phòng Ủy ban nhân dân:', label: 'mục II.1' });
    expect(doc.sections.filter((s) => s.parent === 'II.1').map((s) => s.address)).toEqual(['II.1.a', 'II.1.b']);
    expect(section(doc, 'II.2.a').text).toBe('a) Triển khai thực hiện.');
  });
});

describe('addressLabel', () => {
  it.each([
    ['II.5', 'mục II.5'], ['II.6.a', 'mục II.6.a'], ['I', 'phần I'], ['III.closing', 'đoạn kết phần III'],
    ['dieu.18', 'Điều 18'], ['dieu.18.khoan.1', 'Điều 18 khoản 1'], ['dieu.30.khoan.2.diem.a', 'điểm a khoản 2 Điều 30'],
    ['chuong.2', 'Chương II'], ['chuong.2.muc.1', 'Mục 1 Chương II'], ['phu-luc.1', 'Phụ lục I'],
    ['phu-luc.1.table.1.row.4', 'Phụ lục I, dòng 4'], ['phu-luc.1.table.2.row.4', 'Phụ lục I, bảng 2, dòng 4'],
    ['table.1.row.3', 'bảng 1, dòng 3'], ['signature', 'phần chữ ký'], ['recipients', 'phần Nơi nhận'],
    ['footnote.1', 'chú thích 1'], ['footnote.1_2', 'chú thích 1'], ['p.2', 'đoạn 2'], ['3.a', 'mục 3.a'],
    ['phu-luc.mau.3.dieu.1', 'Phụ lục, Mẫu số 3, Điều 1'], ['dieu.5_2.khoan.1', 'Điều 5 khoản 1 (lần thứ 2)'],
  ])('%s → %s', (address, label) => {
    expect(addressLabel(address)).toBe(label);
  });

  it('labels every section of the shipped plan without showing an address kind', () => {
    const plan = parse('ke-hoach.txt', readFileSync(new URL('../../corpus/ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt', import.meta.url), 'utf8'));
    for (const candidate of plan.sections) {
      expect(candidate.label).toBe(addressLabel(candidate.address));
      expect(candidate.label).not.toMatch(/footnote|closing|recipients/);
    }
  });
});
