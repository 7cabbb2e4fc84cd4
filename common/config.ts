/**
 * Configuration: one zod schema, read from the environment (and `.env`) by entry files only
 * (the server's entries and `npm run ingest`), then passed in. A bad value stops the program
 * with a Vietnamese message naming the variable and what it expects.
 */
import path from 'node:path';
import { z } from 'zod';

/**
 * What each variable expects, in the words of the error message ("PORT=abc: cần một số nguyên
 * từ 0 đến 65535"). Every variable of the schema has one (a test checks it).
 */
export const EXPECTED_VALUES = {
  HOST: 'tên máy hoặc địa chỉ IP để lắng nghe, ví dụ 127.0.0.1',
  PORT: 'một số nguyên từ 0 đến 65535',
  CORPUS_DIR: 'đường dẫn thư mục văn bản nguồn',
  INDEX_DIR: 'đường dẫn thư mục chỉ mục',
  LOG_LEVEL: 'một trong fatal, error, warn, info, debug, trace, silent',
  EMBEDDINGS: 'local hoặc openai',
  EMBEDDING_MODEL: 'tên mô hình embedding, ví dụ text-embedding-3-small',
  EMBEDDING_DIMENSIONS: 'một số nguyên từ 8 đến 8192',
  LOCAL_EMBEDDING_DIMENSIONS: 'một số nguyên từ 64 đến 4096',
  OPENAI_API_KEY: 'khóa API không rỗng',
  OPENAI_BASE_URL: 'một URL đầy đủ, ví dụ http://127.0.0.1:11434/v1',
  CHAT_MODEL: 'tên mô hình ngôn ngữ, ví dụ gpt-4o-mini',
  LLM_TIMEOUT_MS: 'một số nguyên mili giây từ 100 đến 120000',
  API_KEY: 'một khóa dài ít nhất 8 ký tự',
  CORS_ORIGINS: 'danh sách origin cách nhau bằng dấu phẩy',
  ALLOWED_HOSTS: 'danh sách tên máy cách nhau bằng dấu phẩy',
  RATE_LIMIT_PER_MINUTE: 'một số nguyên từ 0 trở lên (0 = tắt)',
  TRUST_PROXY: 'true hoặc false',
  CONVERSATION_MAX: 'một số nguyên từ 1 trở lên',
  CONVERSATION_TTL_MINUTES: 'một số nguyên phút từ 1 trở lên',
  MCP_SESSION_IDLE_MINUTES: 'một số nguyên phút từ 1 trở lên',
  WATCH_INDEX: 'true hoặc false',
} as const;

type ConfigVariable = keyof typeof EXPECTED_VALUES;

/** The Vietnamese message of any failed check on `name`: the variable and the value it expects. */
const expects = (name: ConfigVariable) => ({ error: `${name}: cần ${EXPECTED_VALUES[name]}` });

const booleanFromString = (name: ConfigVariable) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], expects(name))
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

const commaList = (name: ConfigVariable) =>
  z.string(expects(name)).transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

/** A whole number in [min, max], from the environment's text. */
const integer = (name: ConfigVariable, min: number, max?: number) => {
  const number = z.coerce.number(expects(name)).int(expects(name)).min(min, expects(name));
  return max === undefined ? number : number.max(max, expects(name));
};

const text = (name: ConfigVariable) => z.string(expects(name)).min(1, expects(name));

export const configSchema = z.object({
  HOST: text('HOST').default('127.0.0.1'),
  PORT: integer('PORT', 0, 65535).default(3000),
  CORPUS_DIR: text('CORPUS_DIR').default('corpus'),
  INDEX_DIR: text('INDEX_DIR').default('data/index'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], expects('LOG_LEVEL')).default('info'),

  /** Embeddings: `local` (built in, no download) or `openai` (any OpenAI-compatible endpoint). */
  EMBEDDINGS: z.enum(['local', 'openai'], expects('EMBEDDINGS')).default('local'),
  EMBEDDING_MODEL: text('EMBEDDING_MODEL').default('text-embedding-3-small'),
  EMBEDDING_DIMENSIONS: integer('EMBEDDING_DIMENSIONS', 8, 8192).optional(),
  LOCAL_EMBEDDING_DIMENSIONS: integer('LOCAL_EMBEDDING_DIMENSIONS', 64, 4096).default(512),

  /** Language model for answers; unset = extractive answers only. */
  OPENAI_API_KEY: text('OPENAI_API_KEY').optional(),
  OPENAI_BASE_URL: z.url(expects('OPENAI_BASE_URL')).optional(),
  CHAT_MODEL: text('CHAT_MODEL').default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: integer('LLM_TIMEOUT_MS', 100, 120_000).default(15_000),

  /** Access. */
  API_KEY: z.string(expects('API_KEY')).min(8, expects('API_KEY')).optional(),
  CORS_ORIGINS: commaList('CORS_ORIGINS').default([]),
  ALLOWED_HOSTS: commaList('ALLOWED_HOSTS').default([]),
  RATE_LIMIT_PER_MINUTE: integer('RATE_LIMIT_PER_MINUTE', 0).default(600),
  TRUST_PROXY: booleanFromString('TRUST_PROXY').default(false),

  /** Conversation memory bounds. */
  CONVERSATION_MAX: integer('CONVERSATION_MAX', 1).default(1000),
  CONVERSATION_TTL_MINUTES: integer('CONVERSATION_TTL_MINUTES', 1).default(60),

  /** An MCP Streamable HTTP session unused this long is closed. */
  MCP_SESSION_IDLE_MINUTES: integer('MCP_SESSION_IDLE_MINUTES', 1).default(30),

  /** Watch the index folder and swap in a new index without restart. */
  WATCH_INDEX: booleanFromString('WATCH_INDEX').default(true),
});

export type AppConfig = z.infer<typeof configSchema> & {
  /** Absolute paths, resolved against the working directory. */
  corpusPath: string;
  indexPath: string;
  /** Whether a language model is configured. */
  llmEnabled: boolean;
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Cấu hình không hợp lệ:\n${issues.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment (pass `process.env`). Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => describeIssue(issue.path, issue.message, cleaned)));
  }
  const config = parsed.data;
  return {
    ...config,
    corpusPath: path.resolve(cwd, config.CORPUS_DIR),
    indexPath: path.resolve(cwd, config.INDEX_DIR),
    llmEnabled: Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL),
  };
}

/** "PORT=abc: cần một số nguyên từ 0 đến 65535" — the value as given, then what is expected. */
function describeIssue(issuePath: PropertyKey[], message: string, env: Record<string, string>): string {
  const name = String(issuePath[0] ?? '');
  if (!(name in EXPECTED_VALUES)) return message;
  const given = env[name];
  const shown = name.endsWith('_KEY') ? '…' : given; // never echo a secret
  return given === undefined ? message : message.replace(`${name}:`, `${name}=${shown}:`);
}
