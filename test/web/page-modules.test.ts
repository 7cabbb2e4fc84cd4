/**
 * The pages' label and naming modules, run in Node: the browser port of addressLabel gives the
 * same label as ingest/parse/labels.ts for any address (so the chips and anchors say what the
 * API's sections say), the type table matches ingest/vocabulary/document-types.json, short
 * names, suggestions built from documents, unit matching and table rows.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLabel as sourceLabel } from '../../ingest/parse/labels.js';

interface LabelsModule {
  addressLabel(address: string): string;
  capitalized(label: string): string;
  shortName(doc: { type?: string; number?: string | null }): string;
  bareNumber(text: string | null): string | null;
  DOCUMENT_TYPES: Record<string, { name: string; symbol: string | null }>;
}
interface Task {
  documentId: string;
  address: string;
  title: string;
  lead: Array<{ name: string }>;
  timeline: { kind: string; due?: string | null };
}
interface SuggestionsModule {
  buildSuggestions(documents: object[], tasks: Task[], scope?: string | null): string[];
}
interface UnitMatchModule {
  matchUnit(typed: string, units: Array<{ name: string; aliases?: string[] }>): { name: string } | null;
}
interface TableModule {
  tableCells(line: string): string[] | null;
}

const webModule = (name: string) => import(new URL(`../../server/web/js/${name}`, import.meta.url).href);
const labels = (await webModule('labels.js')) as LabelsModule;
const { buildSuggestions } = (await webModule('suggestions.js')) as SuggestionsModule;
const { matchUnit } = (await webModule('unit-match.js')) as UnitMatchModule;
const { tableCells } = (await webModule('table-view.js')) as TableModule;

const PIECES = [
  'header', 'preamble', 'closing', 'recipients', 'signature', 'I', 'II', 'IV', 'II.4', 'II.6.a', '3', '3.a', 'III.closing',
  'chuong.2', 'chuong.IV', 'muc.1', 'dieu.18', 'dieu.5_2', 'khoan.1', 'diem.a', 'diem.đ', 'table.1', 'table.2', 'row.4', 'p.2',
  'phu-luc', 'phu-luc.2', 'mau.3', 'mau.01', 'kem-theo', 'footnote.1', 'footnote.2_2', 'x', 'chuong.1.2',
];

describe('address labels in the browser', () => {
  it('equal the labels of ingest/parse/labels.ts for any address built from real shapes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }), (pieces) => {
        const address = pieces.join('.');
        expect(labels.addressLabel(address)).toBe(sourceLabel(address));
      }),
      { numRuns: 2000 },
    );
  });

  it('name the places people read: Điều 18 khoản 1, phần chữ ký, Phụ lục I, dòng 4', () => {
    expect(labels.addressLabel('dieu.18.khoan.1')).toBe('Điều 18 khoản 1');
    expect(labels.addressLabel('signature')).toBe('phần chữ ký');
    expect(labels.addressLabel('phu-luc.1.table.1.row.4')).toBe('Phụ lục I, dòng 4');
    expect(labels.capitalized('điểm a khoản 2 Điều 30')).toBe('Điểm a khoản 2 Điều 30');
  });
});

describe('document names', () => {
  it('the type table matches ingest/vocabulary/document-types.json', () => {
    const vocabulary = JSON.parse(readFileSync(new URL('../../ingest/vocabulary/document-types.json', import.meta.url), 'utf8')) as {
      types: Array<{ type: string; name: string; symbols: string[] }>;
    };
    const fromVocabulary = Object.fromEntries(vocabulary.types.map((item) => [item.type, { name: item.name, symbol: item.symbols[0] ?? null }]));
    expect(labels.DOCUMENT_TYPES).toEqual(fromVocabulary);
  });

  it('short names: symbol and number/year, the type name when there is no number', () => {
    expect(labels.shortName({ type: 'nghi-dinh', number: '335/2025/NĐ-CP' })).toBe('NĐ 335/2025');
    expect(labels.shortName({ type: 'luat', number: '80/2025/QH15' })).toBe('Luật 80/2025');
    expect(labels.shortName({ type: 'chi-thi', number: '012/CT-UBND' })).toBe('Chỉ thị 012/CT-UBND');
    expect(labels.shortName({ type: 'ke-hoach', number: null })).toBe('Kế hoạch');
    expect(labels.shortName({ type: 'unknown-type', number: null })).toBe('Văn bản');
  });

  it('a number line loses its "Số:" so it is not said twice', () => {
    expect(labels.bareNumber('Số: /KH-UBND')).toBe('/KH-UBND');
    expect(labels.bareNumber('Số: 12/2025/NĐ-CP')).toBe('12/2025/NĐ-CP');
    expect(labels.bareNumber('141/KH-UBND')).toBe('141/KH-UBND');
  });
});

describe('suggested questions', () => {
  const plan = { id: 'plan', type: 'ke-hoach', number: null, title: 'Kế hoạch thử' };
  const decree = { id: 'nd', type: 'nghi-dinh', number: '9/2099/NĐ-CP', title: 'Nghị định thử', effectiveDate: '2099-01-01' };
  const law = { id: 'law', type: 'luat', number: '7/2098/QH99', title: 'Luật thử', effectiveDate: null };
  const tasks: Task[] = [
    { documentId: 'plan', address: 'II.1', title: 'Rà soát đội ngũ', lead: [{ name: 'Đơn vị A' }], timeline: { kind: 'deadline', due: '2099-03-31' } },
    { documentId: 'plan', address: 'II.2', title: 'Tập huấn', lead: [{ name: 'Đơn vị B' }], timeline: { kind: 'recurring' } },
  ];

  it('come from the documents given: tasks, units and deadlines of a plan, numbers of regulations', () => {
    const all = buildSuggestions([plan, decree, law], tasks);
    expect(all).toHaveLength(4);
    // Among several documents a task question names its document.
    expect(all[0]).toBe('Theo Kế hoạch, ai chủ trì rà soát đội ngũ?');
    expect(buildSuggestions([plan], tasks)[0]).toBe('Ai chủ trì rà soát đội ngũ?');
    expect(all.some((question) => question.includes('9/2099/NĐ-CP'))).toBe(true);
    expect(all.some((question) => question.includes('7/2098/QH99'))).toBe(true);
    const other = buildSuggestions([{ ...decree, number: '1/2000/NĐ-CP' }], []);
    expect(other.every((question) => question.includes('1/2000/NĐ-CP'))).toBe(true);
  });

  it('follow the picked document', () => {
    const one = buildSuggestions([plan, decree, law], tasks, 'nd');
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((question) => question.includes('9/2099/NĐ-CP'))).toBe(true);
    const ofPlan = buildSuggestions([plan, decree, law], tasks, 'plan');
    expect(ofPlan).toContain('Những nhiệm vụ nào phải hoàn thành trong tháng 3/2099?');
    expect(ofPlan).toContain('Đơn vị B chủ trì những nhiệm vụ nào?');
  });
});

describe('unit matching and table rows', () => {
  const units = [
    { name: 'Sở Nội vụ', aliases: ['SNV', 'Sở NV'] },
    { name: 'Sở Tài chính', aliases: ['STC'] },
  ];
  it('takes a name typed without diacritics, an abbreviation, or a unique part', () => {
    expect(matchUnit('so noi vu', units)?.name).toBe('Sở Nội vụ');
    expect(matchUnit('snv', units)?.name).toBe('Sở Nội vụ');
    expect(matchUnit('tai chinh', units)?.name).toBe('Sở Tài chính');
    expect(matchUnit('so', units)).toBeNull();
    expect(matchUnit('khong co', units)).toBeNull();
  });
  it('reads the cells of a "|" row and skips rules', () => {
    expect(tableCells('| Mẫu số 01 | Phiếu Đăng ký dự tuyển |')).toEqual(['Mẫu số 01', 'Phiếu Đăng ký dự tuyển']);
    expect(tableCells('| --- | :---: |')).toBeNull();
    expect(tableCells('Không phải bảng')).toBeNull();
  });
});
