import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildRegistry,
  extractReferences,
  extractTasks,
  findUnitMentions,
  loadUnits,
  parseTimeline,
  resolveUnit,
  subjectUnits,
} from '../../ingest/extract/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, ExpectedDocument, FieldSource, LoadedText, Task } from '../../ingest/types.js';

const corpus = (name: string) => new URL(`../../corpus/${name}`, import.meta.url);
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
const expected = (JSON.parse(readFileSync(corpus('registry.json'), 'utf8')) as { documents: ExpectedDocument[] }).documents;
const loaded = (file: string, text: string): LoadedText => ({ file, format: 'txt', text, hash: 'test-hash' });
const plan = parseDocument(loaded(PLAN_FILE, readFileSync(corpus(PLAN_FILE), 'utf8')), expected.find((entry) => entry.file === PLAN_FILE));
const units = loadUnits();
const tasks = extractTasks(plan, units);
const task = (address: string): Task => {
  const found = tasks.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no task ${address}`);
  return found;
};
const expectExact = (doc: CorpusDocument, source: FieldSource | null) => {
  expect(source).not.toBeNull();
  expect(source!.text).toBe(doc.text.slice(source!.span.start, source!.span.end));
};

describe('units', () => {
  it('loads every unit of the vocabulary', () => {
    expect(units.map((unit) => unit.id)).toEqual(expect.arrayContaining(['so-noi-vu', 'ubnd-xa', 'so-ban-nganh', 'ubnd-tinh']));
    expect(loadUnits()).not.toBe(loadUnits());
  });

  it('finds mentions on the folded form, longest first, with offsets into the text', () => {
    const text = 'Sở Nội vụ phối hợp với Ban Tổ chức Tỉnh ủy tham mưu Ủy ban nhân dân tỉnh; Ủy ban nhân dân các xã,  phường có liên quan và SNV.';
    const mentions = findUnitMentions(text, units);
    expect(mentions.map((mention) => mention.unitId)).toEqual(['so-noi-vu', 'ban-to-chuc-tinh-uy', 'ubnd-tinh', 'ubnd-xa', 'so-noi-vu']);
    expect(mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual([
      'Sở Nội vụ', 'Ban Tổ chức Tỉnh ủy', 'Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân các xã,  phường có liên quan', 'SNV',
    ]);
  });

  it('does not match inside words', () => {
    expect(findUnitMentions('STCX và xsnv', units)).toEqual([]);
  });

  it('resolves what users type: names, aliases, no diacritics, any case, English', () => {
    const cases: Array<[string, string]> = [
      ['so noi vu', 'so-noi-vu'], ['SNV', 'so-noi-vu'], ['Sở NV', 'so-noi-vu'], ['Department of Home Affairs', 'so-noi-vu'],
      ['ubnd xa', 'ubnd-xa'], ['UBND xã, phường', 'ubnd-xa'], ['UỶ BAN NHÂN DÂN TỈNH', 'ubnd-tinh'], ['sở kh&cn', 'so-khoa-hoc-cong-nghe'],
      ['so-tai-chinh', 'so-tai-chinh'], ['Sở Nội vụ tỉnh Ninh Bình', 'so-noi-vu'],
    ];
    for (const [query, id] of cases) expect(resolveUnit(query, units)?.id, query).toBe(id);
    expect(resolveUnit('bộ quốc phòng', units)).toBeUndefined();
    expect(resolveUnit('  ', units)).toBeUndefined();
  });
});

describe('subjectUnits', () => {
  it('takes the clause subject and units joined to it, not objects', () => {
    expect(subjectUnits('Sở Nội vụ phối hợp với Ban Tổ chức Tỉnh ủy tham mưu Ủy ban nhân dân tỉnh.', units)).toEqual(['so-noi-vu', 'ban-to-chuc-tinh-uy']);
    expect(subjectUnits('Giao Sở Tài chính chủ trì; báo cáo Ủy ban nhân dân tỉnh.', units)).toEqual(['so-tai-chinh']);
    expect(subjectUnits('Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả của Sở Nội vụ.', units)).toEqual([]);
    expect(subjectUnits('Sở Nội vụ, Sở Khoa học và Công nghệ phối hợp', units)).toEqual(['so-noi-vu', 'so-khoa-hoc-cong-nghe']);
  });
});

describe('parseTimeline', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['- Thời gian thực hiện: Hoàn thành trong tháng 6/2026.', { text: 'Hoàn thành trong tháng 6/2026.', kind: 'deadline', due: '2026-06-30' }],
    ['Hoàn thành trước ngày 15/7/2026.', { kind: 'deadline', due: '2026-07-15' }],
    ['Quý III/2026', { kind: 'deadline', due: '2026-09-30' }],
    ['Trong năm 2026', { kind: 'deadline', due: '2026-12-31' }],
    ['Hoàn thành trong tháng 12 năm 2026', { kind: 'deadline', due: '2026-12-31' }],
    ['Tháng 2/2028', { kind: 'deadline', due: '2028-02-29' }],
    ['Từ tháng 3/2026 đến tháng 5/2026', { kind: 'deadline', due: '2026-05-31' }],
    ['Thường xuyên hàng năm.', { kind: 'recurring', frequency: 'yearly' }],
    ['Thường xuyên.', { kind: 'recurring', frequency: 'continuous' }],
    ['Hằng quý', { kind: 'recurring', frequency: 'quarterly' }],
    ['Sau khi có quyết định giao biên chế chính thức hàng năm của cấp có thẩm quyền.', {
      kind: 'conditional', trigger: 'Sau khi có quyết định giao biên chế chính thức hàng năm của cấp có thẩm quyền.',
    }],
    ['Theo quy định của cấp có thẩm quyền.', { kind: 'per-authority' }],
    ['Sớm nhất có thể', { kind: 'unspecified' }],
    ['Ngày 31/2/2026', { kind: 'unspecified' }],
  ];
  for (const [text, timeline] of cases) {
    it(`reads "${text}"`, () => expect(parseTimeline(text)).toMatchObject(timeline));
  }
});

describe('extractTasks: the shipped plan', () => {
  it('finds the ten items of "NHIỆM VỤ, GIẢI PHÁP" and no others', () => {
    expect(tasks.map((candidate) => candidate.address)).toEqual(Array.from({ length: 10 }, (_, i) => `II.${i + 1}`));
    expect(tasks.map((candidate) => candidate.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  const table: Array<[string, string[], string[], string, string?]> = [
    ['II.1', ['so-ban-nganh', 'ubnd-xa'], [], 'recurring'],
    ['II.2', ['ubnd-xa'], [], 'deadline', '2026-06-30'],
    ['II.3', ['ubnd-xa'], [], 'deadline', '2026-06-30'],
    ['II.4', ['so-noi-vu'], ['ubnd-xa'], 'deadline', '2026-06-30'],
    ['II.5', ['so-noi-vu', 'ban-to-chuc-tinh-uy'], ['so-ban-nganh', 'ubnd-xa'], 'per-authority'],
    ['II.6', ['so-noi-vu'], ['ubnd-xa', 'so-ban-nganh'], 'conditional'],
    ['II.7', ['ubnd-xa'], ['so-noi-vu'], 'per-authority'],
    ['II.8', ['so-noi-vu'], ['ubnd-xa'], 'conditional'],
    ['II.9', ['ubnd-xa'], ['so-noi-vu'], 'recurring'],
    ['II.10', ['ubnd-xa'], ['so-tai-chinh', 'so-noi-vu', 'so-khoa-hoc-cong-nghe'], 'recurring'],
  ];
  for (const [address, lead, coordinating, kind, due] of table) {
    it(`${address}: lead ${lead.join(', ')}; coordinating ${coordinating.join(', ') || 'none'}; ${kind}`, () => {
      const found = task(address);
      expect(found.lead).toEqual(lead);
      expect(found.coordinating).toEqual(coordinating);
      expect(found.timeline.kind).toBe(kind);
      if (due) expect(found.timeline.due).toBe(due);
    });
  }

  it('answers "who leads": Sở Nội vụ leads II.4, II.5, II.6, II.8; UBND xã leads II.2, II.3, II.7, II.9, II.10', () => {
    expect(tasks.filter((candidate) => candidate.lead.includes('so-noi-vu')).map((candidate) => candidate.address)).toEqual(['II.4', 'II.5', 'II.6', 'II.8']);
    const communes = tasks.filter((candidate) => candidate.lead.includes('ubnd-xa')).map((candidate) => candidate.address);
    expect(communes).toEqual(expect.arrayContaining(['II.2', 'II.3', 'II.7', 'II.9', 'II.10']));
    expect(tasks.some((candidate) => candidate.lead.includes('ubnd-tinh') || candidate.coordinating.includes('ubnd-tinh'))).toBe(false);
  });

  it('keeps timelines verbatim, with recurring frequency and conditional triggers', () => {
    expect(task('II.1').timeline).toEqual({ text: 'Thường xuyên hàng năm.', kind: 'recurring', frequency: 'yearly' });
    expect(task('II.6').timeline.trigger).toMatch(/^Sau khi Ủy ban nhân dân tỉnh phê duyệt vị trí việc làm/);
    expect(task('II.8').timeline.trigger).toBe('Sau khi có quyết định giao biên chế chính thức hàng năm của cấp có thẩm quyền.');
    expect(task('II.5').timeline.text).toBe('Theo quy định của cấp có thẩm quyền.');
  });

  it('gives every field its verbatim source line', () => {
    expect(task('II.4').sources.lead?.text).toBe('- Đơn vị chủ trì thực hiện: Sở Nội vụ.');
    expect(task('II.1').sources.lead?.text).toBe('- Đơn vị thực hiện: Các sở, ban, ngành có liên quan; Ủy ban nhân dân các xã, phường.');
    expect(task('II.4').sources.timeline?.text).toBe('- Thời gian thực hiện: Hoàn thành trong tháng 6/2026.');
    expect(task('II.1').sources.coordinating).toBeNull();
    const coordination = task('II.6').sources.coordinating!;
    expect(coordination.text.startsWith('- Đơn vị phối hợp thực hiện:\n\n+ Ủy ban nhân dân các xã, phường đề xuất')).toBe(true);
    expect(coordination.text.endsWith('theo chức năng, nhiệm vụ được giao.')).toBe(true);
    for (const candidate of tasks) {
      for (const source of Object.values(candidate.sources)) if (source) expectExact(plan, source);
      for (const assignment of candidate.assignments) expectExact(plan, assignment.source);
    }
  });

  it('takes the title from the first paragraph, verbatim, and keeps the whole item text', () => {
    expect(task('II.4').title).toMatch(/^Rà soát hoàn thiện tiêu chuẩn, tiêu chí khung năng lực .* văn bản triển khai của Bộ Nội vụ²\.$/);
    expect(task('II.4').sources.title.span.start).toBe(plan.sections.find((section) => section.address === 'II.4')!.span.start + 3);
    expect(task('II.10').text).toContain('+ Sở Nội vụ, Sở Khoa học và Công nghệ phối hợp hướng dẫn');
    expect(task('II.4').footnotes).toEqual(['footnote.1', 'footnote.2']);
    expect(task('II.5').footnotes).toEqual([]);
  });

  it('splits duties by "+" bullet, one assignment per unit and role', () => {
    const six = task('II.6').assignments.map((assignment) => [assignment.unitId, assignment.role, assignment.source.address]);
    expect(six).toEqual([['so-noi-vu', 'lead', 'II.6'], ['ubnd-xa', 'coordinating', 'II.6.a'], ['so-ban-nganh', 'coordinating', 'II.6.b']]);
    const communes = task('II.6').assignments[1];
    expect(communes.duty.startsWith('Ủy ban nhân dân các xã, phường đề xuất nhu cầu đào tạo')).toBe(true);
    const ten = task('II.10').assignments.filter((assignment) => assignment.role === 'coordinating');
    expect(ten.map((assignment) => [assignment.unitId, assignment.source.address])).toEqual([
      ['so-tai-chinh', 'II.10.a'], ['so-noi-vu', 'II.10.b'], ['so-khoa-hoc-cong-nghe', 'II.10.b'],
    ]);
    expect(task('II.5').assignments.find((assignment) => assignment.unitId === 'ban-to-chuc-tinh-uy')?.duty).toBe(
      'Sở Nội vụ phối hợp với Ban Tổ chức Tỉnh ủy tham mưu Ủy ban nhân dân tỉnh sau khi có chủ trương của cấp có thẩm quyền.',
    );
  });
});

describe('extractTasks: other layouts', () => {
  it('finds the same tasks when the plan\'s lines are hard-wrapped or written without blank lines', () => {
    const summary = (list: Task[]) =>
      list.map((candidate) => [candidate.address, candidate.lead, candidate.coordinating, candidate.timeline.kind, candidate.timeline.due]);
    // Lines wrapped at 60 columns inside paragraphs, as in a plain-text export of a PDF.
    const wrapped = plan.text.replace(/(.{1,60})(?: |$)/gm, (_, row: string) => `${row}\n`).replace(/\n+$/, '');
    for (const text of [wrapped, plan.text.replace(/\n\n+/g, '\n')]) {
      const doc = parseDocument(loaded(PLAN_FILE, text));
      const found = extractTasks(doc, units);
      expect(summary(found)).toEqual(summary(tasks));
      for (const candidate of found) for (const source of Object.values(candidate.sources)) if (source) expectExact(doc, source);
    }
  });

  it('reads a plan written as a table, one task per row', () => {
    const text = [
      'KẾ HOẠCH', '', 'Kế hoạch mẫu để kiểm thử', '', 'II. NHIỆM VỤ CỤ THỂ', '',
      '| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |',
      '|---|---|---|---|---|',
      '| 1 | Lập danh mục mẫu | Sở Nội vụ | Sở Tài chính, UBND xã | Quý III/2026 |',
      '| 2 | Rà soát mẫu | UBND các xã, phường | | Thường xuyên |',
    ].join('\n');
    const doc = parseDocument(loaded('bang-nhiem-vu.md', text));
    const rows = extractTasks(doc, units);
    expect(rows.map((row) => [row.address, row.number, row.title, row.lead, row.coordinating, row.timeline.kind])).toEqual([
      ['table.1.row.1', 1, 'Lập danh mục mẫu', ['so-noi-vu'], ['so-tai-chinh', 'ubnd-xa'], 'deadline'],
      ['table.1.row.2', 2, 'Rà soát mẫu', ['ubnd-xa'], [], 'recurring'],
    ]);
    expect(rows[0].timeline.due).toBe('2026-09-30');
    expect(rows[1].sources.coordinating).toBeNull();
    for (const row of rows) for (const source of Object.values(row.sources)) if (source) expectExact(doc, source);
  });

  it('falls back to items with field lines when no part is titled as tasks', () => {
    const text = 'I. NỘI DUNG\n\n1. Việc có trường.\n\n- Cơ quan chủ trì: Sở Tài chính.\n\n- Thời hạn: Quý IV/2026.\n\n2. Việc không có trường.';
    const found = extractTasks(parseDocument(loaded('mau.txt', text)), units);
    expect(found.map((candidate) => [candidate.address, candidate.lead, candidate.timeline.due])).toEqual([['I.1', ['so-tai-chinh'], '2026-12-31']]);
  });
});

describe('extractReferences', () => {
  const references = extractReferences([plan], expected);
  const reference = (number: string) => references.find((candidate) => candidate.number === number)!;

  it('finds the five cited documents, once each, in order of first citation', () => {
    expect(references.map((candidate) => candidate.number)).toEqual(['21-TB/VPTW', '18/CT-TTg', '17-NQ/TU', '533-CV/BTCTW', '4614/BNV-CVCC']);
  });

  it('reads type, date and issuer of each', () => {
    expect(references.map((candidate) => [candidate.id, candidate.typeText, candidate.date, candidate.issuer])).toEqual([
      ['21-tb-vptw', 'Thông báo', '2026-03-07', 'Văn phòng Trung ương Đảng'],
      ['18-ct-ttg', 'Chỉ thị', '2026-05-08', 'Thủ tướng Chính phủ'],
      ['17-nq-tu', 'Nghị quyết', '2026-04-10', 'Ban Thường vụ Tỉnh ủy'],
      ['533-cv-btctw', 'Văn bản', '2026-04-08', 'Ban Tổ chức Trung ương'],
      ['4614-bnv-cvcc', 'Văn bản', '2026-05-14', 'Bộ Nội vụ'],
    ]);
  });

  it('takes the subject from the first citation that gives one', () => {
    expect(reference('18/CT-TTg').subject).toBe('về nâng cao chất lượng cán bộ, công chức chính quyền địa phương cấp xã, đáp ứng yêu cầu của tình hình mới');
    expect(reference('17-NQ/TU').subject).toMatch(/^về nâng cao chất lượng đội ngũ cán bộ của hệ thống chính trị tỉnh Ninh Bình/);
    expect(reference('4614/BNV-CVCC').subject).toBe('về việc rà soát hoàn thiện tiêu chuẩn, tiêu chí đối với công chức cấp xã');
    expect(reference('21-TB/VPTW').subject).toBeNull();
  });

  it('lists every place cited, with exact quotes', () => {
    expect(reference('18/CT-TTg').citedIn.map((place) => place.address)).toEqual(['preamble', 'I.1', 'II.1', 'III.2']);
    expect(reference('21-TB/VPTW').citedIn.map((place) => place.address)).toEqual(['preamble', 'I.1', 'II.1', 'footnote.1']);
    expect(reference('533-CV/BTCTW').citedIn.map((place) => place.address)).toEqual(['footnote.1']);
    expect(reference('4614/BNV-CVCC').citedIn[0].quote).toMatch(/^Văn bản số 4614\/BNV-CVCC ngày 14\/5\/2026 của Bộ Nội vụ .* cấp xã\.$/);
    expect(reference('18/CT-TTg').citedIn[0].quote).toBe(
      'Chỉ thị số 18/CT-TTg ngày 08/5/2026 của Thủ tướng Chính phủ về nâng cao chất lượng cán bộ, công chức chính quyền địa phương cấp xã, đáp ứng yêu cầu của tình hình mới',
    );
    for (const candidate of references) {
      for (const place of candidate.citedIn) expect(place.quote).toBe(plan.text.slice(place.span.start, place.span.end));
      expect(candidate.loadedAs).toBeNull();
    }
  });

  it('marks a reference loaded when a corpus document carries its number', () => {
    const cited = parseDocument(loaded('chi-thi.txt', readFileSync(new URL('../fixtures/chi-thi-synthetic.txt', import.meta.url), 'utf8')));
    const citing = parseDocument(loaded('ghi-chu.txt', 'Thực hiện Chỉ thị số 99/CT-UBND ngày 02/3/2026 của Ủy ban nhân dân tỉnh Thử Nghiệm.'));
    const [found] = extractReferences([citing, cited], []);
    expect(found).toMatchObject({ number: '99/CT-UBND', loadedAs: cited.id, date: '2026-03-02', issuer: 'Ủy ban nhân dân tỉnh Thử Nghiệm' });
    expect(found.citedIn.map((place) => place.documentId)).toEqual([citing.id]);
  });
});

describe('buildRegistry', () => {
  it('gathers tasks, all units, references, expected statuses and skipped files', () => {
    const skipped = [{ file: 'cu.doc', reason: 'Định dạng .doc chưa được hỗ trợ.', code: 'unsupported' }];
    const registry = buildRegistry([plan], expected, skipped, units);
    expect(registry.documents).toEqual([plan]);
    expect(registry.tasks).toHaveLength(10);
    // The vocabulary's units first, then those the plan names by shape ("Bộ Chính trị", "Ban Bí thư").
    expect(registry.units.slice(0, units.length).map((unit) => unit.id)).toEqual(units.map((unit) => unit.id));
    expect(registry.units.slice(units.length).map((unit) => unit.id)).toEqual(expect.arrayContaining(['bo-chinh-tri', 'ban-bi-thu']));
    expect(registry.references).toHaveLength(5);
    // Present exactly when parsed: only the plan is given here (the registry also lists the regulations shipped beside it).
    expect(registry.expected.map((entry) => [entry.id, entry.present])).toEqual(expected.map((entry) => [entry.id, entry.id === plan.id]));
    expect(registry.expected.filter((entry) => !entry.present).map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['chi-thi-18-ct-ttg-2026', 'nghi-quyet-17-nq-tu-2026', 'khung-nang-luc-vtvl-cap-xa']),
    );
    expect(registry.expected.find((entry) => entry.id === 'ke-hoach-cbcc-cap-xa-2026')?.present).toBe(true);
    expect(registry.skipped).toEqual(skipped);
  });

  it('loads the vocabulary units by default', () => {
    expect(buildRegistry([], [], []).units.length).toBe(loadUnits().length);
  });
});
