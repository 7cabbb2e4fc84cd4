import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTEXT_SEPARATOR, chunkDocument, splitSpan } from '../../ingest/chunk/index.js';
import { normalizeDocumentText } from '../../ingest/normalize/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, ExpectedDocument, Section, SectionKind } from '../../ingest/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';

function loadPlan(): CorpusDocument {
  const raw = readFileSync(path.join(ROOT, 'corpus', PLAN_FILE), 'utf8');
  const registry = JSON.parse(readFileSync(path.join(ROOT, 'corpus', 'registry.json'), 'utf8')) as { documents: ExpectedDocument[] };
  const expected = registry.documents.find((entry) => entry.file === PLAN_FILE);
  return parseDocument({ file: PLAN_FILE, format: 'txt', text: raw, hash: 'test' }, expected);
}

/**
 * A small synthetic document with hand-made sections (the chunker's contract is the Section
 * model, not the parser): a part of paragraphs, a part with an introduction and two items, the
 * second long enough to be split, with "+" sub-items.
 */
function syntheticDocument(): CorpusDocument {
  const lines = [
    'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document',
    '',
    'I. MỤC ĐÍCH',
    '',
    '- Đoạn thứ nhất của phần một nói về mục đích rà soát.',
    '',
    '- Đoạn thứ hai của phần một nói về yêu cầu báo cáo.',
    '',
    'II. NHIỆM VỤ',
    '',
    'Phần này có một đoạn mở đầu trước các nhiệm vụ.',
    '',
    '1. Nhiệm vụ ngắn về tập huấn.',
    '',
    '- Đơn vị thực hiện: Đơn vị A.',
    '',
    '2. Nhiệm vụ dài về đào tạo, bồi dưỡng cán bộ theo vị trí việc làm, kéo dài nhiều dòng để vượt giới hạn.',
    '',
    '- Đơn vị chủ trì thực hiện: Đơn vị B tham mưu xây dựng kế hoạch và tổ chức các lớp bồi dưỡng theo quy định hiện hành.',
    '',
    '- Đơn vị phối hợp thực hiện:',
    '',
    '+ Đơn vị C đề xuất nhu cầu đào tạo, bồi dưỡng, tập huấn cho cán bộ theo yêu cầu của vị trí việc làm.',
    '',
    '+ Đơn vị D phối hợp thực hiện theo chức năng, nhiệm vụ được giao trong phạm vi quản lý.',
    '',
    '- Thời gian thực hiện: Thường xuyên hàng năm.',
    '',
    '¹ Chú thích của nhiệm vụ 1, đặt ở cuối văn bản.',
  ];
  const text = lines.join('\n');
  const at = (needle: string, from = 0) => {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`fixture: ${needle} not found`);
    return start;
  };
  const section = (address: string, kind: SectionKind, start: number, end: number, parent: string | null, pathHeadings: string[]): Section => ({
    address,
    label: address,
    kind,
    heading: pathHeadings.at(-1) ?? null,
    text: text.slice(start, end),
    span: { start, end },
    parent,
    path: pathHeadings,
  });
  const partI = at('I. MỤC ĐÍCH');
  const partII = at('II. NHIỆM VỤ');
  const item1 = at('1. Nhiệm vụ ngắn');
  const item2 = at('2. Nhiệm vụ dài');
  const subA = at('+ Đơn vị C');
  const subB = at('+ Đơn vị D');
  const footnote = at('¹ Chú thích');
  const lineEnd = (start: number) => (text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start));
  return {
    id: 'synthetic-plan',
    type: 'ke-hoach',
    file: 'synthetic.txt',
    format: 'txt',
    hash: 'x',
    header: { issuer: null, number: null, numberText: null, place: null, issuedDate: null, dateText: null, year: null, typeText: null, title: null },
    title: 'Kế hoạch giả lập',
    signer: null,
    recipients: [],
    text,
    fixture: true,
    sections: [
      section('header', 'header', 0, lineEnd(0), null, []),
      section('I', 'part', partI, partII - 2, null, ['I. MỤC ĐÍCH']),
      section('I.1', 'paragraph', at('- Đoạn thứ nhất'), lineEnd(at('- Đoạn thứ nhất')), 'I', ['I. MỤC ĐÍCH']),
      section('I.2', 'paragraph', at('- Đoạn thứ hai'), lineEnd(at('- Đoạn thứ hai')), 'I', ['I. MỤC ĐÍCH']),
      section('II', 'part', partII, footnote - 2, null, ['II. NHIỆM VỤ']),
      section('II.1', 'item', item1, item2 - 2, 'II', ['II. NHIỆM VỤ', '1. Nhiệm vụ ngắn về tập huấn.']),
      section('II.2', 'item', item2, footnote - 2, 'II', ['II. NHIỆM VỤ', '2. Nhiệm vụ dài về đào tạo']),
      section('II.2.a', 'subitem', subA, lineEnd(subA), 'II.2', ['II. NHIỆM VỤ', '2. Nhiệm vụ dài về đào tạo']),
      section('II.2.b', 'subitem', subB, lineEnd(subB), 'II.2', ['II. NHIỆM VỤ', '2. Nhiệm vụ dài về đào tạo']),
      // A footnote belongs to the item that cites it but stands at the end of the text.
      section('footnote.1', 'footnote', footnote, text.length, 'II.1', ['II. NHIỆM VỤ', '1. Nhiệm vụ ngắn về tập huấn.']),
    ],
  };
}

function expectVerbatim(doc: CorpusDocument, chunks: ReturnType<typeof chunkDocument>) {
  for (const chunk of chunks) {
    expect(chunk.text).toBe(doc.text.slice(chunk.span.start, chunk.span.end));
    expect(chunk.text).toBe(chunk.text.trim());
    expect(chunk.text.length).toBeGreaterThan(0);
  }
}

describe('chunkDocument on a synthetic document', () => {
  const doc = syntheticDocument();
  const chunks = chunkDocument(doc, { maxChars: 250 });
  const ids = chunks.map((chunk) => chunk.id);

  it('keeps every chunk verbatim, in document order, with unique ids', () => {
    expectVerbatim(doc, chunks);
    expect(new Set(ids).size).toBe(ids.length);
    const starts = chunks.map((chunk) => chunk.span.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('gives part paragraphs their own chunks and no chunk to a heading alone', () => {
    expect(ids).toContain('synthetic-plan#I.1');
    expect(ids).toContain('synthetic-plan#I.2');
    expect(ids).not.toContain('synthetic-plan#I');
    expect(chunks.some((chunk) => chunk.text === 'I. MỤC ĐÍCH' || chunk.text === 'II. NHIỆM VỤ')).toBe(false);
  });

  it('keeps the introduction of a part that its items do not cover', () => {
    const intro = chunks.find((chunk) => chunk.id === 'synthetic-plan#II');
    expect(intro?.text).toContain('Phần này có một đoạn mở đầu');
  });

  it('chunks a short item whole and splits a long one into ~n parts of the same address', () => {
    expect(chunks.find((chunk) => chunk.id === 'synthetic-plan#II.1')?.text).toContain('- Đơn vị thực hiện: Đơn vị A.');
    // A child outside the item's span (its footnote) is not covered by the item's chunk.
    expect(chunks.find((chunk) => chunk.id === 'synthetic-plan#footnote.1')?.text).toBe('¹ Chú thích của nhiệm vụ 1, đặt ở cuối văn bản.');
    const parts = chunks.filter((chunk) => chunk.address === 'II.2');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((chunk) => chunk.id)).toEqual(parts.map((_, i) => `synthetic-plan#II.2~${i + 1}`));
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(250);
    // Parts end on line boundaries: together they hold every line of the item.
    const item = doc.sections.find((section) => section.address === 'II.2')!;
    const lines = item.text.split('\n').filter((line) => line.trim());
    expect(parts.flatMap((part) => part.text.split('\n').filter((line) => line.trim()))).toEqual(lines);
    // Sub-items inside an item are not chunked a second time.
    expect(ids.some((id) => id.includes('II.2.a'))).toBe(false);
  });

  it('puts the document title and heading path in the context', () => {
    const part = chunks.find((chunk) => chunk.id === 'synthetic-plan#II.1')!;
    expect(part.context).toBe(['Kế hoạch giả lập', 'II. NHIỆM VỤ', '1. Nhiệm vụ ngắn về tập huấn.'].join(CONTEXT_SEPARATOR));
  });
});

describe('splitSpan', () => {
  it('cuts an over-long line at sentence ends, then spaces, never beyond the limit', () => {
    const sentence = 'Câu này khá dài và có nhiều chữ để thử việc cắt câu. ';
    const text = `${sentence.repeat(12)}${'chữ '.repeat(80)}`.trim();
    const parts = splitSpan(text, { start: 0, end: text.length }, 200);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.end - part.start).toBeLessThanOrEqual(200);
      expect(text.slice(part.start, part.end)).toBe(text.slice(part.start, part.end).trim());
    }
    expect(parts.map((part) => text.slice(part.start, part.end)).join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('returns nothing for a blank span', () => {
    expect(splitSpan('   \n  ', { start: 0, end: 6 }, 100)).toEqual([]);
  });
});

describe('chunkDocument on the shipped plan', () => {
  const plan = loadPlan();
  const chunks = chunkDocument(plan);
  const byAddress = new Map<string, typeof chunks>();
  for (const chunk of chunks) byAddress.set(chunk.address, [...(byAddress.get(chunk.address) ?? []), chunk]);
  const addresses = new Set(plan.sections.map((section) => section.address));

  it('is verbatim, with valid addresses and unique ids', () => {
    expect(plan.text).toBe(normalizeDocumentText(plan.text));
    expectVerbatim(plan, chunks);
    for (const chunk of chunks) {
      expect(addresses.has(chunk.address)).toBe(true);
      expect(chunk.documentId).toBe(plan.id);
      expect(chunk.id.startsWith(`${plan.id}#${chunk.address}`)).toBe(true);
    }
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
  });

  it('has one chunk per task item II.1–II.10, holding its field lines', () => {
    for (let n = 1; n <= 10; n += 1) {
      const parts = byAddress.get(`II.${n}`) ?? [];
      expect(parts.length, `II.${n}`).toBeGreaterThanOrEqual(1);
      expect(parts.map((part) => part.text).join('\n')).toMatch(/Thời gian thực hiện/);
    }
    expect(byAddress.get('II.4')?.[0].text).toContain('khung năng lực vị trí việc làm');
    expect(byAddress.get('II.4')?.[0].context).toContain('NHIỆM VỤ, GIẢI PHÁP');
  });

  it('covers the header, preamble, part I paragraphs, III items, closing, footnotes, recipients and signature', () => {
    for (const address of ['header', 'preamble', 'III.1', 'III.2', 'III.3', 'III.closing', 'footnote.1', 'footnote.2', 'recipients', 'signature']) {
      expect(byAddress.has(address), address).toBe(true);
    }
    expect(chunks.filter((chunk) => chunk.address.startsWith('I.')).length).toBe(3);
    expect(byAddress.get('footnote.1')?.[0].text).toContain('533-CV/BTCTW');
  });

  it('does not duplicate a part whose children cover it', () => {
    for (const part of ['I', 'II', 'III']) expect(byAddress.has(part), part).toBe(false);
  });
});
