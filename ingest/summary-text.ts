/**
 * The Vietnamese summary `npm run ingest` prints: every document with its type, number, date,
 * issuer and the gaps the parser found, the gaps the corpus registry knows of the source file
 * and where the file comes from; then the cited documents, the expected ones, skipped files,
 * reuse, timings and the index size.
 */
import path from 'node:path';
import type { IngestSummary } from './pipeline.js';
import type { DocumentGap, ExpectedDocumentStatus, KnownGap } from './types.js';
import { DOCUMENT_TYPE_NAMES } from './document-types.js';
import { formatOptionalDate } from '../common/dates.js';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${numberFormat.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${numberFormat.format(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

/** Dates as every face writes them ("08/5/2026", "05/01/2026"); null stays null. */
const formatDate = formatOptionalDate;

/** "Chỉ thị 18/CT-TTg (08/5/2026, Thủ tướng Chính phủ)", or the title when there is no number. */
function describeExpected(entry: ExpectedDocumentStatus): string {
  const name = entry.number ? `${DOCUMENT_TYPE_NAMES[entry.type]} ${entry.number}` : entry.title;
  const facts = [formatDate(entry.date), entry.issuer].filter(Boolean);
  return facts.length > 0 ? `${name} (${facts.join(', ')})` : name;
}

/** Gap fields as users read them in the summary. */
const GAP_FIELD_NAMES: Readonly<Record<KnownGap['field'], string>> = {
  issuer: 'cơ quan ban hành',
  number: 'số, ký hiệu',
  date: 'ngày ban hành',
  place: 'địa danh',
  type: 'loại văn bản',
  title: 'trích yếu',
  signer: 'người ký',
  recipients: 'nơi nhận',
  appendices: 'phụ lục',
};

/**
 * "• <Loại> <số> · ngày <dd/m/yyyy> · <cơ quan ban hành> — <title> (<file>): <n> mục, …",
 * then one line per gap with its reason; then, from its registry entry, the gaps of the source
 * file the parser cannot see (a part it does not report already, such as missing appendices)
 * and where the file was copied from.
 */
function describeDocument(doc: IngestSummary['documents'][number], entry: ExpectedDocumentStatus | undefined): string[] {
  const name = `${DOCUMENT_TYPE_NAMES[doc.type] ?? doc.type} ${doc.number ?? '(không số)'}`;
  const facts = [name, formatDate(doc.issuedDate) ? `ngày ${formatDate(doc.issuedDate)}` : 'không rõ ngày', doc.issuer ?? 'không rõ cơ quan ban hành'];
  const lines = [`  • ${facts.join(' · ')} — ${doc.title} (${doc.file}): ${doc.sections} mục, ${doc.tasks} nhiệm vụ, ${doc.chunks} đoạn`];
  for (const gap of doc.gaps) lines.push(`      thiếu ${GAP_FIELD_NAMES[gap.field]}: ${gap.reason}`);
  const reported = new Set<KnownGap['field']>(doc.gaps.map((gap: DocumentGap) => gap.field));
  for (const gap of entry?.knownGaps ?? []) {
    if (!reported.has(gap.field)) lines.push(`      thiếu ${GAP_FIELD_NAMES[gap.field]} (bản nguồn): ${gap.reason}`);
  }
  if (entry?.source) lines.push(`      nguồn: ${entry.source.repository}, ${entry.source.path} (commit ${entry.source.commit})`);
  return lines;
}

function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative && !relative.startsWith('..') ? relative : target;
}

/** The Vietnamese summary printed after an ingest. */
export function formatSummary(summary: IngestSummary): string {
  const { totals } = summary;
  const lines = [
    `Đã lập chỉ mục ${totals.documents} văn bản: ${totals.sections} mục, ${totals.tasks} nhiệm vụ, ${totals.references} văn bản được dẫn chiếu, ${totals.chunks} đoạn tra cứu.`,
    '',
    'Văn bản:',
    ...summary.documents.flatMap((doc) => describeDocument(doc, summary.expected.find((entry) => entry.present && entry.file === doc.file))),
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
