/**
 * Structure of the seven real documents (test/fixtures/real-docs): every shape gets stable,
 * unique addresses and a display label, Chương / Mục / Điều / khoản / điểm of the laws and
 * decrees, Roman parts and items of the plan, addressee blocks of the directive, appendices
 * and forms of NĐ 170 without collisions with the main body.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../ingest/chunk/index.js';
import { isSkipped, loadFile } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, Section } from '../../ingest/types.js';

const DIR = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));
const FILES = readdirSync(DIR).filter((file) => file !== 'README.md').sort();

async function parse(file: string): Promise<CorpusDocument> {
  const loaded = await loadFile(`${DIR}${file}`, DIR);
  if (isSkipped(loaded)) throw new Error(`${file}: ${loaded.reason}`);
  return parseDocument(loaded);
}

const docs = new Map<string, CorpusDocument>();
const doc = (prefix: string): CorpusDocument => {
  const found = [...docs.entries()].find(([file]) => file.startsWith(prefix));
  if (!found) throw new Error(`no fixture ${prefix}`);
  return found[1];
};
const section = (document: CorpusDocument, address: string): Section => {
  const found = document.sections.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`${document.file}: no section ${address}`);
  return found;
};
const addressesOf = (document: CorpusDocument, kind: Section['kind']) =>
  document.sections.filter((candidate) => candidate.kind === kind).map((candidate) => candidate.address);
const range = (count: number, make: (n: number) => string) => Array.from({ length: count }, (_, i) => make(i + 1));

/** Words of addresses that must never show in a label. */
const RAW_TOKENS = /\b(?:dieu|khoan|diem|chuong|muc\.|phu-luc|kem-theo|table|row|footnote|mau\.)/;

beforeAll(async () => {
  for (const file of FILES) docs.set(file, await parse(file));
});

describe('every real document: addresses and labels', () => {
  it.each(FILES)('%s: unique addresses, stable across a re-parse, each with a readable label', async (file) => {
    const first = docs.get(file)!;
    const again = await parse(file);
    expect(again.sections.map((s) => [s.address, s.label, s.kind])).toEqual(first.sections.map((s) => [s.address, s.label, s.kind]));
    const addresses = first.sections.map((s) => s.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    const known = new Set(addresses);
    for (const candidate of first.sections) {
      expect(candidate.label.trim().length, candidate.address).toBeGreaterThan(0);
      expect(candidate.label, candidate.address).not.toBe(candidate.address);
      expect(candidate.label, candidate.address).not.toMatch(RAW_TOKENS);
      expect(candidate.text).toBe(first.text.slice(candidate.span.start, candidate.span.end));
      if (candidate.parent !== null) expect(known.has(candidate.parent), candidate.address).toBe(true);
    }
  });

  it.each(FILES)('%s: re-parsing the normalized text gives the same addresses', (file) => {
    const first = docs.get(file)!;
    const again = parseDocument({ file, format: first.format, hash: first.hash, text: first.text });
    expect(again.sections.map((s) => s.address)).toEqual(first.sections.map((s) => s.address));
  });
});

describe('Luật 80/2025/QH15: Chương, Mục, Điều, khoản, điểm', () => {
  it('has Chương I–VII and Điều 1–45 in order', () => {
    const law = doc('luat-80');
    expect(addressesOf(law, 'chapter')).toEqual(range(7, (n) => `chuong.${n}`));
    expect(section(law, 'chuong.7').label).toBe('Chương VII');
    expect(addressesOf(law, 'article')).toEqual(range(45, (n) => `dieu.${n}`));
  });

  it('addresses a Mục under its Chương, and its articles under it', () => {
    const law = doc('luat-80');
    expect(section(law, 'chuong.2.muc.1')).toMatchObject({ kind: 'section', parent: 'chuong.2', label: 'Mục 1 Chương II' });
    expect(section(law, 'chuong.4.muc.1')).toMatchObject({ parent: 'chuong.4', label: 'Mục 1 Chương IV' });
    expect(section(law, 'dieu.6').parent).toBe('chuong.2.muc.1');
  });

  it('reads Điều 44 khoản 1 with its text', () => {
    const clause = section(doc('luat-80'), 'dieu.44.khoan.1');
    expect(clause).toMatchObject({ kind: 'clause', parent: 'dieu.44', label: 'Điều 44 khoản 1' });
    expect(clause.text).toContain('có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025');
    expect(clause.path.some((entry) => entry.startsWith('Điều 44.'))).toBe(true);
  });
});

describe('Nghị định 335, 361 (HTML) and 170 (Markdown)', () => {
  it('reads the 29 Điều of NĐ 335 and the 15 of NĐ 361', () => {
    expect(addressesOf(doc('nghi-dinh-335'), 'article')).toEqual(range(29, (n) => `dieu.${n}`));
    expect(addressesOf(doc('nghi-dinh-361'), 'article')).toEqual(range(15, (n) => `dieu.${n}`));
    expect(section(doc('nghi-dinh-335'), 'dieu.7.khoan.1.diem.đ').label).toBe('điểm đ khoản 1 Điều 7');
  });

  it('reads the 73 Điều of NĐ 170 and puts its appendix and forms apart', () => {
    const decree = doc('nghi-dinh-170');
    const main = addressesOf(decree, 'article').filter((address) => address.startsWith('dieu.'));
    expect(main).toEqual(range(73, (n) => `dieu.${n}`));
    expect(section(decree, 'phu-luc')).toMatchObject({ kind: 'appendix', label: 'Phụ lục', parent: null });
    expect(addressesOf(decree, 'appendix')).toEqual(['phu-luc', 'phu-luc.mau.1', 'phu-luc.mau.2', 'phu-luc.mau.3']);
    // The model decision of Mẫu số 3 restarts at Điều 1: it stays inside its form.
    expect(section(decree, 'phu-luc.mau.3.dieu.1')).toMatchObject({ kind: 'article', parent: 'phu-luc.mau.3', label: 'Phụ lục, Mẫu số 3, Điều 1' });
    expect(section(decree, 'dieu.1').text).toMatch(/^Điều 1\. Phạm vi điều chỉnh/);
    expect(decree.sections.some((candidate) => /_\d/.test(candidate.address))).toBe(false);
  });
});

describe('Chỉ thị 012/CT-UBND: addressee blocks', () => {
  it('makes each numbered addressee a block with its lettered duties', () => {
    const directive = doc('chi-thi-012');
    const blocks = directive.sections.filter((candidate) => candidate.kind === 'item' && candidate.parent === null);
    expect(blocks.map((block) => block.address)).toEqual(['1', '2', '3', '4']);
    const home = blocks.find((block) => block.heading?.startsWith('Sở Nội vụ'));
    expect(home).toBeDefined();
    const duties = directive.sections.filter((candidate) => candidate.parent === home!.address);
    expect(duties.map((duty) => duty.address)).toEqual(['a', 'b', 'c'].map((letter) => `${home!.address}.${letter}`));
    expect(duties.every((duty) => duty.kind === 'subitem' && /^[abc]\) /.test(duty.text))).toBe(true);
    expect(duties[0].label).toBe(`mục ${home!.address}.a`);
  });

  it('chunks an addressee block as one passage (or parts of one address) with its duties', () => {
    const directive = doc('chi-thi-012');
    const chunks = chunkDocument(directive).filter((chunk) => chunk.address === '3');
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.map((chunk) => chunk.text).join('\n')).toContain('b) ');
    expect(chunks.every((chunk) => chunk.kind === 'item')).toBe(true);
  });
});

describe('Kế hoạch 141 and Nghị quyết 81', () => {
  it('reads the plan’s Roman parts and their numbered items', () => {
    const plan = doc('ke-hoach-141');
    expect(addressesOf(plan, 'part')).toEqual(['I', 'II', 'III', 'IV']);
    const tasks = plan.sections.filter((candidate) => candidate.parent === 'III').map((candidate) => candidate.address);
    expect(tasks).toEqual(range(9, (n) => `III.${n}`));
    expect(section(plan, 'III.5')).toMatchObject({ kind: 'item', label: 'mục III.5' });
    expect(section(plan, 'I.1').heading).toBe('Mục đích');
  });

  it('reads the resolution’s Điều, khoản and điểm', () => {
    const resolution = doc('nghi-quyet-81');
    expect(addressesOf(resolution, 'article')).toEqual(range(7, (n) => `dieu.${n}`));
    expect(addressesOf(resolution, 'point')).toEqual(['a', 'b', 'c', 'd'].map((letter) => `dieu.6.khoan.1.diem.${letter}`));
    expect(section(resolution, 'dieu.6.khoan.1.diem.a').label).toBe('điểm a khoản 1 Điều 6');
  });
});

describe('chunks of the real documents', () => {
  it.each(FILES)('%s: unique ids; a khoản carries its Điều heading in the context', (file) => {
    const document = docs.get(file)!;
    const chunks = chunkDocument(document);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
    for (const chunk of chunks.filter((candidate) => candidate.kind === 'clause')) {
      const article = chunk.address.split('.khoan.')[0];
      expect(chunk.context, chunk.id).toContain(section(document, article).path.at(-1)!);
    }
  });
});
