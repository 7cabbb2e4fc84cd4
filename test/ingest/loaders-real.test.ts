/**
 * The loaders on real input: Markdown of a legal website (cells one per line between `|`
 * lines, hard wraps, stray emphasis) repaired without changing a word; whole pages of the
 * national database read inside `data-vbpl-content-root` only; a .docx whose header and
 * signature are Word tables read as header and signature; and three bad inputs skipped with a
 * Vietnamese reason while the rest still indexes.
 */
import { mkdtemp, readFile, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../common/config.js';
import { contentRootHtml } from '../../ingest/load/content-root.js';
import { htmlToText, isSkipped, loadCorpus, loadFile, markdownToText } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { runIngest, type IngestSummary } from '../../ingest/pipeline.js';
import type { LoadedText } from '../../ingest/types.js';
import { FIXTURE_MARK, HEADER_TABLE_FACTS, headerTableDocx } from '../fixtures/header-table-docx.js';

const REAL_DOCS = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
const MARKDOWN_FILES = [
  'chi-thi-012-ct-ubnd-2025-dak-lak.md',
  'ke-hoach-141-kh-ubnd-2025-bac-ninh.md',
  'luat-80-2025-qh15-can-bo-cong-chuc.md',
  'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc.md',
  'nghi-quyet-81-2025-nq-hdnd-ha-noi.md',
];
const HTML_FILES = ['nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc.html', 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html'];

/** The words of a text, marks and bars aside: what a repair must keep, in order. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe('Markdown from a legal website', () => {
  it.each(MARKDOWN_FILES)('%s: the same letters in the same order, no bar-only line, no emphasis mark', async (file) => {
    const source = await readFile(path.join(REAL_DOCS, file), 'utf8');
    const text = markdownToText(source);
    // Letters, not words: a split of what the converter glued ("NAMĐộc") adds a space only.
    expect(words(text).join('')).toBe(words(source).join(''));
    expect(text).not.toMatch(/^\s*\|\s*$/m);
    expect(text).not.toContain('**');
  });

  it('joins a sentence hard-wrapped over lines, and keeps list items and signature lines apart', async () => {
    const text = markdownToText(await readFile(path.join(REAL_DOCS, MARKDOWN_FILES[0]), 'utf8'));
    expect(text).toContain('Thời gian qua, tỉnh Đắk Lắk đã có nhiều nỗ lực');
    expect(text).toContain('Đắk Lắk, ngày 26 tháng 11 năm 2025');
    expect(text).toContain('\n- UB MTTQ Việt Nam tỉnh (b/c);\n');
    expect(text).toContain('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrương Công Thái');
  });

  it('splits what the converter glued: two bold runs, a rule and the next cell, capitals and the motto', async () => {
    const law = markdownToText(await readFile(path.join(REAL_DOCS, MARKDOWN_FILES[2]), 'utf8'));
    expect(law).toMatch(/^LUẬT$/m);
    const decree = markdownToText(await readFile(path.join(REAL_DOCS, MARKDOWN_FILES[3]), 'utf8'));
    expect(decree.split('\n').slice(0, 6)).toEqual([
      'CHÍNH PHỦ', '__________', 'Số: 170/2025/NĐ-CP', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
    ]);
  });

  it('keeps a data row written with bars as a pipe row', () => {
    const text = markdownToText('Bảng mẫu:\n\nMẫu số 01 | Phiếu đăng ký |\nMẫu số 02 | Thông báo |\n');
    expect(text).toContain('| Mẫu số 01 | Phiếu đăng ký |\n| Mẫu số 02 | Thông báo |');
  });
});

describe('pages of the national legal database', () => {
  it.each(HTML_FILES)('%s: only the document inside data-vbpl-content-root, header table as lines', async (file) => {
    const html = await readFile(path.join(REAL_DOCS, file), 'utf8');
    const text = htmlToText(html);
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(text.length).toBeLessThan(html.length / 10);
    expect(text).toMatch(/^CHÍNH PHỦ\n\nCỘNG H/);
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc\n\nSố: ');
    expect(text).toMatch(/TM\. CHÍNH PHỦ\nKT\. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\(Đã ký\)\n/);
    expect(text).not.toMatch(/^\|.*(?:TM\.|Số: )/m);
  });

  it('cuts the marked element out before parsing, nested elements of its tag included', () => {
    const page = '<div class="menu"><p>Trang chủ</p></div><DIV data-vbpl-content-root="true"><div><p>Điều 1.</p></div><p>Điều 2.</p></DIV><div><p>Liên kết</p></div>';
    expect(contentRootHtml(page)).toBe('<DIV data-vbpl-content-root="true"><div><p>Điều 1.</p></div><p>Điều 2.</p></DIV>');
    expect(htmlToText(page)).toBe('Điều 1.\n\nĐiều 2.');
    expect(contentRootHtml('<div data-vbpl-content-root><p>không đóng')).toBeNull();
    expect(htmlToText('<div data-vbpl-content-root><p>không đóng')).toBe('không đóng');
  });

  it('keeps a small data table holding dates as a table: only header and signature marks make a layout table', () => {
    const table = '<table><tr><th>Nhiệm vụ</th><th>Thời hạn</th></tr><tr><td>Rà soát hồ sơ</td><td>Trước ngày 30 tháng 6 năm 2026</td></tr></table>';
    expect(htmlToText(table)).toBe('| Nhiệm vụ | Thời hạn |\n| Rà soát hồ sơ | Trước ngày 30 tháng 6 năm 2026 |');
    const signature = '<table><tr><td><p>Nơi nhận:</p><p>- Lưu: VT.</p></td><td><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p><p>Nguyễn Văn A</p></td></tr></table>';
    expect(htmlToText(signature)).toBe('Nơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A');
    const bare = '<table><tr><td></td><td><p>CHỦ TỊCH</p><p>Trần Thị Bình</p></td></tr></table>';
    expect(htmlToText(bare)).toBe('CHỦ TỊCH\nTrần Thị Bình');
  });

  it('reads a page without the marker whole, as before', () => {
    expect(htmlToText('<html><body><p>Một đoạn.</p><p>Đoạn hai.</p></body></html>')).toBe('Một đoạn.\n\nĐoạn hai.');
  });
});

describe('a .docx whose header and signature are Word tables', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'header-docx-'));
    await writeFile(path.join(folder, 'quyet-dinh-bang.docx'), await headerTableDocx());
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('reads issuer and parent, number, date and place, type and title, signer and recipients', async () => {
    const loaded = await loadFile(path.join(folder, 'quyet-dinh-bang.docx'), folder);
    expect(isSkipped(loaded)).toBe(false);
    const document = parseDocument(loaded as LoadedText);
    expect(document.text.startsWith(FIXTURE_MARK)).toBe(true);
    expect(document.fixture).toBe(true);
    expect(document.type).toBe('quyet-dinh');
    expect(document.header).toMatchObject({
      issuer: HEADER_TABLE_FACTS.issuer,
      issuerParent: HEADER_TABLE_FACTS.issuerParent,
      number: HEADER_TABLE_FACTS.number,
      issuedDate: HEADER_TABLE_FACTS.issuedDate,
      place: HEADER_TABLE_FACTS.place,
      title: HEADER_TABLE_FACTS.title,
      effectiveDate: HEADER_TABLE_FACTS.issuedDate,
      gaps: [],
    });
    expect(document.signer).toEqual(HEADER_TABLE_FACTS.signer);
    expect(document.recipients).toEqual(HEADER_TABLE_FACTS.recipients);
    expect(document.sections.filter((section) => section.kind === 'table')).toEqual([]);
  });
});

describe('bad input is skipped with a reason, the rest indexes', () => {
  let base: string;
  let summary: IngestSummary;
  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'bad-input-'));
    const corpus = path.join(base, 'corpus');
    await mkdir(corpus);
    await copyFile(path.join(CORPUS, PLAN_FILE), path.join(corpus, PLAN_FILE));
    await copyFile(path.join(CORPUS, 'registry.json'), path.join(corpus, 'registry.json'));
    await copyFile(path.join(REAL_DOCS, MARKDOWN_FILES[0]), path.join(corpus, MARKDOWN_FILES[0]));
    await writeFile(path.join(corpus, 'khong-phai-zip.docx'), 'Đây là chữ thường, không phải tệp Word nén zip.');
    await writeFile(
      path.join(corpus, 'trang-khong-co-van-ban.html'),
      '<!doctype html><html><head><title>Cổng thông tin</title><script>var a = 1;</script></head><body><nav><a href="/">Trang chủ</a></nav><div data-vbpl-content-root="true"> </div></body></html>',
    );
    await writeFile(path.join(corpus, 'chi-co-ke.md'), '|\n|\n\n|\n|\n');
    summary = await runIngest(loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: 'data/index' }, base));
  }, 60_000);
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('reports each of the three with its own Vietnamese reason', () => {
    const reasons = Object.fromEntries(summary.skipped.map((file) => [file.file, file.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['chi-co-ke.md', 'khong-phai-zip.docx', 'trang-khong-co-van-ban.html']);
    expect(reasons['khong-phai-zip.docx']).toContain('Tệp Word (.docx) bị hỏng');
    expect(reasons['trang-khong-co-van-ban.html']).toContain('Trang HTML không chứa nội dung văn bản');
    expect(reasons['chi-co-ke.md']).toContain('chỉ có các dòng kẻ bảng');
  });

  it('indexes the plan (its 10 tasks) and the real directive beside them', () => {
    expect(summary.documents.map((doc) => doc.file).sort()).toEqual([MARKDOWN_FILES[0], PLAN_FILE].sort());
    expect(summary.documents.find((doc) => doc.file === PLAN_FILE)?.tasks).toBe(10);
    expect(summary.documents.find((doc) => doc.file === MARKDOWN_FILES[0])).toMatchObject({ type: 'chi-thi', number: '012/CT-UBND', issuedDate: '2025-11-26' });
  });

  it('loadCorpus alone gives the same three, and a whitespace-only Markdown file keeps the generic reason', async () => {
    await writeFile(path.join(base, 'corpus', 'rong.md'), '  \n\n');
    const { skipped } = await loadCorpus(path.join(base, 'corpus'));
    expect(skipped.map((file) => file.code)).toEqual(['empty', 'corrupt', 'empty', 'empty']);
    expect(skipped.find((file) => file.file === 'rong.md')?.reason).toContain('Tệp rỗng');
  });
});
