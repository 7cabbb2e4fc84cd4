/**
 * `npm run ingest`: builds the index from `corpus/`. Progress goes to stderr (on a terminal),
 * the summary to stdout — in Vietnamese, or as JSON with `--json`. Exit code 1 on a bad
 * configuration or when nothing could be indexed.
 *
 * Options: `--json` (summary as JSON), `--full` (ignore the previous index, rebuild all).
 */
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../common/config.js';
import { NothingToIndexError, runIngest, type IngestProgress, type IngestSummary } from './pipeline.js';
import { formatSummary } from './summary-text.js';

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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
