/**
 * `npm run ingest`: builds the index from `corpus/`. Progress goes to stderr (on a terminal),
 * the summary to stdout — in Vietnamese, or as JSON with `--json`. Exit code 1 on a bad
 * configuration or when nothing could be indexed.
 *
 * Options: `--json` (summary as JSON), `--full` (ignore the previous index, rebuild all).
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../common/config.js';
import { NothingToIndexError, runIngest, type IngestProgress, type IngestSummary } from './pipeline.js';
import type { DocumentGap, ExpectedDocumentStatus } from './types.js';
import { DOCUMENT_TYPE_NAMES } from './document-types.js';

const USAGE = `Cách dùng: npm run ingest [-- --json] [-- --full]
  --json   in bản tóm tắt dạng JSON
  --full   bỏ qua chỉ mục cũ, phân tích và tính embedding lại toàn bộ`;

const STAGE_LABELS: Record<IngestProgress['stage'], string> = {
  load: 'Đọc tệp',
  parse: 'Phân tích',
  embed: 'Tính embedding',
  write: 'Ghi chỉ mục',
};


async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv);
  if (flags.has('--help') || flags.has('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.filter((arg) => !['--json', '--full'].includes(arg));
  if (unknown.length > 0) {
    process.stderr.write(`Tham số không hợp lệ: ${unknown.join(' ')}\n${USAGE}\n`);
    return 1;
  }
  dotenv.config({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  // Test hook only (see test/ingest/interrupted-ingest.test.ts): slows the write so a test can kill it.
  const writeDelayMs = Number(process.env.INGEST_TEST_DELAY_MS) || undefined;
  const progress = process.stderr.isTTY ? terminalProgress() : null;
  let summary: IngestSummary;
  try {
    summary = await runIngest(config, { onProgress: progress?.update, full: flags.has('--full'), writeDelayMs });
  } catch (error) {
    progress?.clear();
    process.stderr.write(`${describeFailure(error)}\n`);
    return 1;
  } finally {
    progress?.clear();
  }
  process.stdout.write(flags.has('--json') ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  return 0;
}

function describeFailure(error: unknown): string {
  if (error instanceof NothingToIndexError) {
    const lines = [`Lỗi: ${error.message} Hãy thêm tệp .txt, .md, .docx, .pdf hoặc .html vào thư mục này rồi chạy lại.`];
    for (const file of error.skipped) lines.push(`  Bỏ qua ${file.file}: ${file.reason}`);
    return lines.join('\n');
  }
  return `Lỗi khi lập chỉ mục: ${error instanceof Error ? error.message : String(error)}`;
}

/** One line on stderr, rewritten in place; cleared before anything else is printed. */
function terminalProgress(): { update: (event: IngestProgress) => void; clear: () => void } {
  let shown = false;
  return {
    update(event) {
      const file = event.file ? ` ${event.file}` : '';
      const line = `${STAGE_LABELS[event.stage]}: ${event.done}/${event.total}${file}`;
      const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
      process.stderr.write(`\r\x1b[K${line.slice(0, width)}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${numberFormat.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${numberFormat.format(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

/** "2026-05-08" → "08/5/2026", as administrative documents write dates. */
function formatDate(iso: string | null): string | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}/${Number(match[2])}/${match[1]}` : null;
}

/** "Chỉ thị 18/CT-TTg (08/5/2026, Thủ tướng Chính phủ)", or the title when there is no number. */
function describeExpected(entry: ExpectedDocumentStatus): string {
  const name = entry.number ? `${DOCUMENT_TYPE_NAMES[entry.type]} ${entry.number}` : entry.title;
  const facts = [formatDate(entry.date), entry.issuer].filter(Boolean);
  return facts.length > 0 ? `${name} (${facts.join(', ')})` : name;
}

/** Gap fields as users read them in the summary. */
const GAP_FIELD_NAMES: Readonly<Record<DocumentGap['field'], string>> = {
  issuer: 'cơ quan ban hành',
  number: 'số, ký hiệu',
  date: 'ngày ban hành',
  place: 'địa danh',
  type: 'loại văn bản',
  title: 'trích yếu',
  signer: 'người ký',
  recipients: 'nơi nhận',
};

/**
 * "• <Loại> <số> · ngày <dd/m/yyyy> · <cơ quan ban hành> — <title> (<file>): <n> mục, …",
 * then one line per gap with its reason.
 */
function describeDocument(doc: IngestSummary['documents'][number]): string[] {
  const name = `${DOCUMENT_TYPE_NAMES[doc.type] ?? doc.type} ${doc.number ?? '(không số)'}`;
  const facts = [name, formatDate(doc.issuedDate) ? `ngày ${formatDate(doc.issuedDate)}` : 'không rõ ngày', doc.issuer ?? 'không rõ cơ quan ban hành'];
  const lines = [`  • ${facts.join(' · ')} — ${doc.title} (${doc.file}): ${doc.sections} mục, ${doc.tasks} nhiệm vụ, ${doc.chunks} đoạn`];
  for (const gap of doc.gaps) lines.push(`      thiếu ${GAP_FIELD_NAMES[gap.field]}: ${gap.reason}`);
  return lines;
}

function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative && !relative.startsWith('..') ? relative : target;
}

/** The Vietnamese summary printed after an ingest. */
function formatSummary(summary: IngestSummary): string {
  const { totals } = summary;
  const lines = [
    `Đã lập chỉ mục ${totals.documents} văn bản: ${totals.sections} mục, ${totals.tasks} nhiệm vụ, ${totals.references} văn bản được dẫn chiếu, ${totals.chunks} đoạn tra cứu.`,
    '',
    'Văn bản:',
    ...summary.documents.flatMap(describeDocument),
  ];
  if (summary.references.length > 0) {
    lines.push('', 'Văn bản được dẫn chiếu:');
    for (const ref of summary.references) {
      const facts = [formatDate(ref.date), ref.issuer].filter(Boolean).join(', ');
      const state = ref.loadedAs ? `có trong corpus (${ref.loadedAs})` : 'chưa có văn bản';
      lines.push(`  • ${ref.typeText} ${ref.number}${facts ? ` (${facts})` : ''} — ${state}`);
    }
  }
  const corpusLabel = `${displayPath(summary.corpusPath)}/`;
  const present = summary.expected.filter((entry) => entry.present);
  lines.push('', `Văn bản cần có: ${present.length}/${summary.expected.length} đã có.`);
  for (const entry of summary.expected) {
    lines.push(entry.present ? `  Có: ${describeExpected(entry)}` : `  Thiếu: ${describeExpected(entry)} — chưa có văn bản trong ${corpusLabel}`);
  }
  if (summary.skipped.length > 0) {
    lines.push('', `Tệp bị bỏ qua (${summary.skipped.length}):`);
    for (const file of summary.skipped) lines.push(`  • ${file.file}: ${file.reason}`);
  }
  const { reuse, timings } = summary;
  lines.push(
    '',
    `Embedding: ${summary.embedder.id} (${summary.embedder.dimensions} chiều); dùng lại ${reuse.reusedVectors}, tính mới ${reuse.embeddedVectors} vector; dùng lại ${reuse.reusedDocuments}/${totals.documents} văn bản đã phân tích.`,
    `Thời gian: ${timings.totalMs} ms (đọc ${timings.loadMs}, phân tích ${timings.parseMs}, chia đoạn ${timings.chunkMs}, embedding ${timings.embedMs}, ghi ${timings.writeMs}).`,
    `Chỉ mục: ${displayPath(summary.indexPath)} (${formatBytes(summary.sizeBytes)}).`,
    '',
  );
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
