/** Configuration errors: every variable, given a bad value, is named with what it expects, in Vietnamese. */
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, EXPECTED_VALUES, loadConfig } from '../../common/config.js';

/** A value each variable refuses (free-text variables refuse nothing but the empty string, which counts as unset). */
const BAD_VALUES: Record<string, string> = {
  PORT: 'abc',
  LOG_LEVEL: 'loud',
  EMBEDDINGS: 'cloud',
  EMBEDDING_DIMENSIONS: '3.5',
  LOCAL_EMBEDDING_DIMENSIONS: '10',
  OPENAI_BASE_URL: 'not a url',
  LLM_TIMEOUT_MS: '-5',
  API_KEY: 'short',
  RATE_LIMIT_PER_MINUTE: 'many',
  TRUST_PROXY: 'maybe',
  CONVERSATION_MAX: '0',
  CONVERSATION_TTL_MINUTES: '1.5',
  WATCH_INDEX: 'sometimes',
};

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('configuration errors', () => {
  it('every variable of the schema has a stated expectation', () => {
    expect(Object.keys(EXPECTED_VALUES).sort()).toEqual(Object.keys(configSchema.shape).sort());
  });

  it.each(Object.entries(BAD_VALUES))('%s=%s names the variable and the value it expects, in Vietnamese', (name, value) => {
    const message = messageOf({ [name]: value });
    expect(message).toContain('Cấu hình không hợp lệ');
    expect(message).toContain(`${name}=`);
    expect(message).toContain(`cần ${EXPECTED_VALUES[name as keyof typeof EXPECTED_VALUES]}`);
    expect(message).not.toMatch(/invalid|expected|received|too (small|big)/i);
  });

  it('PORT=abc says what a port is', () => {
    expect(messageOf({ PORT: 'abc' })).toContain('PORT=abc: cần một số nguyên từ 0 đến 65535');
  });

  it('lists every bad variable at once and never echoes a key', () => {
    const message = messageOf({ PORT: '70000', API_KEY: 'secret1', WATCH_INDEX: 'maybe' });
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(3);
    expect(message).not.toContain('secret1');
  });

  it('good values still pass and are typed', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: 'yes', CORS_ORIGINS: 'http://a, http://b' });
    expect(config.PORT).toBe(8080);
    expect(config.TRUST_PROXY).toBe(true);
    expect(config.CORS_ORIGINS).toEqual(['http://a', 'http://b']);
  });
});
