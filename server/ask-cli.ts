/**
 * `npm run ask -- "câu hỏi"`: one answer in the terminal, with its numbered sources (section
 * and quote); `--json` prints the API's JSON instead. Opens the index by the entries' one policy
 * (`runtime/open-index.ts`: built when missing or stale, a damaged one refused).
 * Exit codes: 0 answered (or abstained), 1 configuration or index error, 2 usage.
 */
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../common/config.js';
import { createPlanAssistant } from './core/assistant.js';
import { DomainError } from '../common/errors.js';
import { placeLabel } from './core/answer/format.js';
import type { AskResponse } from './core/types.js';
import { openIndex, type IndexOpenLog } from './runtime/open-index.js';

const USAGE = `Cách dùng: npm run ask -- "câu hỏi" [--json]
  --json   in câu trả lời dạng JSON như API /api/ask
Ví dụ: npm run ask -- "Ai chủ trì nhiệm vụ 4?"`;

/** The index policy's reports as plain lines on stderr ("chưa có chỉ mục: đang chạy ingest (…)"). */
const stderrLog: IndexOpenLog = {
  info(fields, message) {
    const reasons = Array.isArray(fields.reasons) ? ` (${fields.reasons.join('; ')})` : '';
    process.stderr.write(`${message}${reasons}\n`);
  },
};

/** The answer and its sources as terminal text. */
function formatAnswer(response: AskResponse): string {
  const lines = [response.answer];
  if (response.notice) lines.push('', `(${response.notice})`);
  if (response.citations.length > 0) {
    lines.push('', 'Nguồn:');
    response.citations.forEach((citation, index) => {
      const quote = citation.quote.replace(/\s+/g, ' ');
      lines.push(`[${index + 1}] ${citation.documentTitle} — ${placeLabel(citation.section)}:`, `    “${quote}”`);
    });
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((arg) => arg !== '--json').join(' ').trim();
  if (question === '' || argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const { index } = await openIndex(config, stderrLog);
  const assistant = createPlanAssistant({ index, config });
  const response = await assistant.ask({ question });
  process.stdout.write(json ? `${JSON.stringify(response, null, 2)}\n` : `${formatAnswer(response)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DomainError;
    process.stderr.write(`${known ? (error as Error).message : `Lỗi: ${error instanceof Error ? error.message : String(error)}`}\n`);
    process.exit(1);
  },
);
