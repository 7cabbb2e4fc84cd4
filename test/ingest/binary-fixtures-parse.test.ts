/**
 * The synthetic .docx and .pdf fixtures go through the real loaders and the structure parser
 * and come out as addressed sections (issue 2: "each parsed into addresses").
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, LoadedText } from '../../ingest/types.js';

const FIXTURES = path.resolve('test/fixtures/loaders');

async function parseFixture(name: string): Promise<CorpusDocument> {
  const loaded = await loadFile(path.join(FIXTURES, name), FIXTURES);
  expect(loaded).toHaveProperty('text');
  return parseDocument(loaded as LoadedText);
}

function section(doc: CorpusDocument, address: string) {
  const found = doc.sections.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no section ${address} in ${doc.sections.map((s) => s.address).join(' ')}`);
  return found;
}

describe('competency table in a .docx', () => {
  it('keeps each row addressable with its header and cells', async () => {
    const doc = await parseFixture('khung-nang-luc-mau.docx');
    const table = section(doc, 'table.1');
    expect(table.kind).toBe('table');
    const rows = doc.sections.filter((candidate) => candidate.parent === 'table.1');
    expect(rows.map((row) => row.address)).toEqual(['table.1.row.1', 'table.1.row.2', 'table.1.row.3', 'table.1.row.4']);
    const third = section(doc, 'table.1.row.3');
    expect(third.tableHeader).toEqual(['Vị trí việc làm', 'Năng lực', 'Cấp độ']);
    expect(third.cells).toEqual(['Công chức Tư pháp - Hộ tịch', 'Giải quyết thủ tục hành chính', 'Cấp độ 4']);
    for (const candidate of doc.sections) {
      expect(doc.text.slice(candidate.span.start, candidate.span.end)).toBe(candidate.text);
    }
  });
});

describe('plan-like .pdf', () => {
  it('yields a header with its date and numbered items holding their field lines', async () => {
    const doc = await parseFixture('ke-hoach-boi-duong-mau.pdf');
    expect(doc.header.place).toBe('An Bình');
    expect(doc.header.issuedDate).toBe('2026-07-01');
    const first = section(doc, '1');
    expect(first.kind).toBe('item');
    expect(first.text).toContain('trước ngày 15/7/2026');
    expect(first.text).toContain('Đơn vị chủ trì thực hiện: Ủy ban nhân dân các xã, phường.');
    expect(section(doc, '2').text).toContain('chuyển đổi số');
  });
});
