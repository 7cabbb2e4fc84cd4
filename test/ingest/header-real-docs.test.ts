/**
 * The header and signature of each of the seven real documents (test/fixtures/real-docs), read
 * through the real loaders and the parser: type, number, date, issuer, title and signer field
 * by field, or the gap named with its reason; bases, effective date and replaced documents
 * where a clause states them. The expected values are read by eye from each document.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../ingest/extract/index.js';
import { isSkipped, loadFile } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { readRegistryFiles, writeRegistryFiles } from '../../ingest/store/registry-files.js';
import type { CorpusDocument, ExpectedDocument, FieldSource, LoadedText } from '../../ingest/types.js';

const REAL_DOCS = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

async function read(folder: string, file: string): Promise<CorpusDocument> {
  const loaded = await loadFile(path.join(folder, file), folder);
  if (isSkipped(loaded)) throw new Error(`${file}: ${loaded.reason}`);
  return parseDocument(loaded);
}

interface Expected {
  file: string;
  type: CorpusDocument['type'];
  number: string;
  date: string;
  issuer: string;
  place: string | null;
  /** The trích yếu as written: its start and end. */
  title: [string, string];
  signer: { name: string; role: string; authority: string[] } | null;
  gaps: string[];
}

const EXPECTED: Expected[] = [
  {
    file: 'chi-thi-012-ct-ubnd-2025-dak-lak.md',
    type: 'chi-thi',
    number: '012/CT-UBND',
    date: '2025-11-26',
    issuer: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    place: 'Đắk Lắk',
    title: ['VỀ VIỆC TĂNG CƯỜNG CẢI CÁCH THỦ TỤC HÀNH CHÍNH, NÂNG CAO', 'DỊCH VỤ CÔNG TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK'],
    signer: { name: 'Trương Công Thái', role: 'Phó Chủ tịch', authority: ['KT. CHỦ TỊCH'] },
    gaps: [],
  },
  {
    file: 'ke-hoach-141-kh-ubnd-2025-bac-ninh.md',
    type: 'ke-hoach',
    number: '141/KH-UBND',
    date: '2025-11-20',
    issuer: 'Uỷ ban nhân dân tỉnh Bắc Ninh',
    place: 'Bắc Ninh',
    title: ['NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG', 'GIAI ĐOẠN 2026 - 2030'],
    signer: { name: 'Phạm Văn Thịnh', role: 'Phó Chủ tịch', authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] },
    gaps: [],
  },
  {
    file: 'nghi-quyet-81-2025-nq-hdnd-ha-noi.md',
    type: 'nghi-quyet',
    number: '81/2025/NQ-HĐND',
    date: '2025-11-27',
    issuer: 'Hội đồng nhân dân thành phố Hà Nội',
    place: 'Hà Nội',
    title: ['QUY ĐỊNH CHI THU NHẬP TĂNG THÊM CHO CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC', 'THUỘC THÀNH PHỐ HÀ NỘI QUẢN LÝ'],
    signer: { name: 'Phùng Thị Hồng Hà', role: 'Chủ tịch', authority: [] },
    gaps: [],
  },
  {
    file: 'luat-80-2025-qh15-can-bo-cong-chuc.md',
    type: 'luat',
    number: '80/2025/QH15',
    date: '2025-06-24',
    issuer: 'Quốc hội',
    place: 'Hà Nội',
    title: ['CÁN BỘ, CÔNG CHỨC', 'CÁN BỘ, CÔNG CHỨC'],
    signer: { name: 'Trần Thanh Mẫn', role: 'Chủ tịch Quốc hội', authority: [] },
    gaps: ['issuer', 'recipients'],
  },
  {
    file: 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc.md',
    type: 'nghi-dinh',
    number: '170/2025/NĐ-CP',
    date: '2025-06-30',
    issuer: 'Chính phủ',
    place: null,
    title: ['Quy định về tuyển dụng, sử dụng và quản lý công chức', 'quản lý công chức'],
    signer: null,
    gaps: ['date', 'place', 'signer', 'recipients'],
  },
  {
    file: 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc.html',
    type: 'nghi-dinh',
    number: '335/2025/NĐ-CP',
    date: '2025-12-21',
    issuer: 'Chính phủ',
    place: 'Hà Nội',
    title: ['Quy định về đánh giá, xếp loại chất lượng đối với', 'cơ quan hành chính nhà nước và công chức'],
    signer: { name: 'Phạm Thị Thanh Trà', role: 'Phó Thủ tướng', authority: ['TM. CHÍNH PHỦ', 'KT. THỦ TƯỚNG'] },
    gaps: ['recipients'],
  },
  {
    file: 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html',
    type: 'nghi-dinh',
    number: '361/2025/NĐ-CP',
    date: '2025-12-31',
    issuer: 'Chính phủ',
    place: 'Hà Nội',
    title: ['Quy định về vị trí việc làm công chức', 'vị trí việc làm công chức'],
    signer: { name: 'Phạm Thị Thanh Trà', role: 'Phó Thủ tướng', authority: ['TM. CHÍNH PHỦ', 'KT. THỦ TƯỚNG'] },
    gaps: ['recipients'],
  },
];

const documents = new Map<string, CorpusDocument>();

beforeAll(async () => {
  for (const expected of EXPECTED) documents.set(expected.file, await read(REAL_DOCS, expected.file));
});

function expectVerbatim(document: CorpusDocument, source: FieldSource | null | undefined): void {
  expect(source).toBeTruthy();
  expect(document.text.slice(source!.span.start, source!.span.end)).toBe(source!.text);
  expect(document.sections.some((section) => section.address === source!.address)).toBe(true);
}

describe.each(EXPECTED)('header and signature of $file', (expected) => {
  const doc = () => documents.get(expected.file)!;

  it('reads type, number, date, issuer, place and title', () => {
    const { header, type } = doc();
    expect(type).toBe(expected.type);
    expect(header.number).toBe(expected.number);
    expect(header.issuedDate).toBe(expected.date);
    expect(header.issuer).toBe(expected.issuer);
    expect(header.place).toBe(expected.place);
    expect(header.title?.startsWith(expected.title[0])).toBe(true);
    expect(header.title?.endsWith(expected.title[1])).toBe(true);
    expect(header.title).not.toMatch(/[*|]/);
  });

  it('reads the signer, skipping "(Đã ký)"', () => {
    expect(doc().signer).toEqual(expected.signer);
  });

  it('names each missing fact with a Vietnamese reason, and nothing else', () => {
    const gaps = doc().header.gaps ?? [];
    expect(gaps.map((gap) => gap.field)).toEqual(expected.gaps);
    for (const gap of gaps) expect(gap.reason).toMatch(/^[A-ZĐ\p{Lu}].*\p{L}.*[.)]$/u);
  });

  it('gives every source it cites verbatim, at an existing address', () => {
    const { header } = doc();
    for (const source of Object.values(header.factSources ?? {})) expectVerbatim(doc(), source);
    if (header.effectiveSource) expectVerbatim(doc(), header.effectiveSource);
    for (const item of header.replaces ?? []) expectVerbatim(doc(), item.source);
    for (const basis of header.bases ?? []) expect(doc().text).toContain(basis);
  });
});

describe('facts read from elsewhere, cited, never guessed', () => {
  it('Luật 80: no issuer line at the top; the issuer comes from the enacting sentence, cited, with the gap kept', () => {
    const law = documents.get('luat-80-2025-qh15-can-bo-cong-chuc.md')!;
    expect(law.header.factSources?.issuer?.text).toBe('Quốc hội ban hành Luật Cán bộ, công chức.');
    expect(law.header.gaps?.find((gap) => gap.field === 'issuer')?.reason).toContain('không có dòng tên cơ quan ban hành');
  });

  it('NĐ 170: no date in the header; the appendix line "Kèm theo Nghị định …" supplies it, cited', () => {
    const decree = documents.get('nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc.md')!;
    expect(decree.header.dateText).toBeNull();
    const source = decree.header.factSources?.date;
    expect(source?.text).toBe('(Kèm theo Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ)');
    expect(source?.address.startsWith('phu-luc')).toBe(true);
    expect(decree.header.gaps?.find((gap) => gap.field === 'date')?.reason).toContain('không có dòng địa danh, ngày tháng năm');
    expect(decree.header.gaps?.find((gap) => gap.field === 'signer')?.reason).toContain('không có phần chữ ký');
  });
});

describe('bases, effective date and replaced documents', () => {
  const facts = (file: string) => documents.get(file)!.header;

  it('reads the "Căn cứ" lines of the preamble, verbatim and in order', () => {
    expect(facts('nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc.html').bases).toEqual([
      'Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;',
      'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;',
      'Căn cứ Luật Cán bộ, công chức số 80/2025/QH15;',
    ]);
    expect(facts('nghi-quyet-81-2025-nq-hdnd-ha-noi.md').bases?.[2]).toBe('Căn cứ Luật Cán bộ, công chức số 80/2025/QH15;');
    expect(facts('chi-thi-012-ct-ubnd-2025-dak-lak.md').bases).toEqual([]);
  });

  it('reads a stated effective date, and "kể từ ngày ký" as the issue date', () => {
    expect(facts('luat-80-2025-qh15-can-bo-cong-chuc.md')).toMatchObject({ effectiveDate: '2025-07-01', effectiveSource: { address: 'dieu.44.khoan.1' } });
    expect(facts('nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc.html').effectiveDate).toBe('2026-01-01');
    expect(facts('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html').effectiveSource?.text).toContain('kể từ ngày ký');
    expect(facts('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html').effectiveDate).toBe('2025-12-31');
    expect(facts('nghi-quyet-81-2025-nq-hdnd-ha-noi.md').effectiveDate).toBe('2025-11-27');
    expect(facts('chi-thi-012-ct-ubnd-2025-dak-lak.md').effectiveDate).toBeNull();
  });

  it('reads what a document replaces or ends, from the clause or the list under it', () => {
    const numbers = (file: string) => facts(file).replaces?.map((item) => item.number);
    expect(numbers('luat-80-2025-qh15-can-bo-cong-chuc.md')).toEqual(['22/2008/QH12']);
    expect(numbers('nghi-quyet-81-2025-nq-hdnd-ha-noi.md')).toEqual(['46/2024/NQ-HĐND']);
    expect(numbers('nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc.md')).toEqual([
      '06/2010/NĐ-CP', '46/2010/NĐ-CP', '138/2020/NĐ-CP', '06/2023/NĐ-CP', '116/2024/NĐ-CP', '33/2023/NĐ-CP',
    ]);
    // Điều 13 khoản 2: "… các quy định liên quan đến vị trí việc làm công chức tại Nghị định số 62/2020/NĐ-CP … hết hiệu lực thi hành."
    expect(numbers('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html')).toEqual(['62/2020/NĐ-CP']);
  });

  it('reads the recipients list under "Nơi nhận"', () => {
    const directive = documents.get('chi-thi-012-ct-ubnd-2025-dak-lak.md')!;
    expect(directive.recipients[0]).toBe('TT Tỉnh ủy, TT HĐND tỉnh (b/c)');
    expect(directive.recipients).toHaveLength(9);
    expect(documents.get('nghi-quyet-81-2025-nq-hdnd-ha-noi.md')!.recipients).toHaveLength(19);
  });
});

describe('the index keeps the header facts', () => {
  it('writes and reads back every header field of the seven (gaps, sources, bases, effective date, replaces)', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'header-registry-'));
    try {
      const registry = buildRegistry([...documents.values()], [], []);
      await writeRegistryFiles(folder, registry);
      const loaded = await readRegistryFiles(folder);
      expect(loaded.documents.map((doc) => doc.header)).toEqual(registry.documents.map((doc) => doc.header));
      expect(loaded.documents.map((doc) => [doc.signer, doc.recipients])).toEqual(registry.documents.map((doc) => [doc.signer, doc.recipients]));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the shipped plan reads as before', () => {
  it('keeps its blank number and day as gaps, its year, its signer; the issuer it lacks is a gap', async () => {
    const plan = await read(CORPUS, 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt');
    expect(plan.header).toMatchObject({ issuer: null, number: null, numberText: 'Số: /KH-UBND', issuedDate: null, year: 2026, typeText: 'KẾ HOẠCH' });
    expect(plan.signer?.name).toBe('Nguyễn Anh Chức');
    expect(plan.header.gaps?.map((gap) => gap.field)).toEqual(['issuer', 'number', 'date']);
    expect(plan.header.gaps?.[1].reason).toContain('để trống');
    expect(plan.header.factSources).toBeUndefined();
  });

  it('says so when the issuer comes from the corpus registry, not the text', async () => {
    const registry = JSON.parse(await readFile(path.join(CORPUS, 'registry.json'), 'utf8')) as { documents: ExpectedDocument[] };
    const entry = registry.documents.find((item) => item.file?.endsWith('.txt'))!;
    const loaded = await loadFile(path.join(CORPUS, entry.file!), CORPUS);
    const plan = parseDocument(loaded as LoadedText, entry);
    expect(plan.header.issuer).toBe(entry.issuer);
    expect(plan.header.gaps?.find((gap) => gap.field === 'issuer')?.reason).toContain('registry.json');
  });
});
