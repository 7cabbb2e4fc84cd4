/**
 * Configuration: one zod schema, read from the environment (and `.env`) by entry files only
 * (the server's entries and `npm run ingest`), then passed in. A bad value stops the program
 * with a Vietnamese message naming the variable and what it expects.
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const commaList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

export const configSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('data/index'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** Embeddings: `local` (built in, no download) or `openai` (any OpenAI-compatible endpoint). */
  EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(8).max(8192).optional(),
  LOCAL_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(64).max(4096).default(512),

  /** Language model for answers; unset = extractive answers only. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),

  /** Access. */
  API_KEY: z.string().min(8, 'API_KEY phải dài ít nhất 8 ký tự').optional(),
  CORS_ORIGINS: commaList.default([]),
  ALLOWED_HOSTS: commaList.default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  TRUST_PROXY: booleanFromString.default(false),

  /** Conversation memory bounds. */
  CONVERSATION_MAX: z.coerce.number().int().min(1).default(1000),
  CONVERSATION_TTL_MINUTES: z.coerce.number().int().min(1).default(60),

  /** Watch the index folder and swap in a new index without restart. */
  WATCH_INDEX: booleanFromString.default(true),
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
    super(`Cấu hình không hợp lệ (invalid configuration):\n${issues.map((line) => `  - ${line}`).join('\n')}`);
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
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const config = parsed.data;
  return {
    ...config,
    corpusPath: path.resolve(cwd, config.CORPUS_DIR),
    indexPath: path.resolve(cwd, config.INDEX_DIR),
    llmEnabled: Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL),
  };
}
