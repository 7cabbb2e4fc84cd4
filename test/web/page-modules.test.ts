/**
 * The pages' pure modules, run in Node: suggestions built from documents (named with the
 * API's `typeName`), unit matching and table rows. Labels, short names and dates are not
 * computed in the browser: the API sends them (test/http/display-text.test.ts).
 */
import { describe, expect, it } from 'vitest';

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
const { buildSuggestions } = (await webModule('suggestions.js')) as SuggestionsModule;
const { matchUnit } = (await webModule('unit-match.js')) as UnitMatchModule;
const { tableCells } = (await webModule('table-view.js')) as TableModule;

describe('suggested questions', () => {
  const plan = { id: 'plan', type: 'ke-hoach', typeName: 'Kế hoạch', number: null, title: 'Kế hoạch thử' };
  const decree = { id: 'nd', type: 'nghi-dinh', typeName: 'Nghị định', number: '9/2099/NĐ-CP', title: 'Nghị định thử', effectiveDate: '2099-01-01' };
  const law = { id: 'law', type: 'luat', typeName: 'Luật', number: '7/2098/QH99', title: 'Luật thử', effectiveDate: null };
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
