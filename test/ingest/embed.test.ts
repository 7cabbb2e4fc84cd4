import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_EMBEDDER_ID,
  LocalHashEmbeddings,
  OpenAICompatibleEmbeddings,
  createEmbedder,
  embedderStateKey,
  restoreEmbedder,
  saveEmbedder,
} from '../../ingest/embed/index.js';
import { loadConfig } from '../../common/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Paragraphs of the shipped plan: a realistic corpus to learn IDF from. */
const PARAGRAPHS = readFileSync(path.join(ROOT, 'corpus/ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt'), 'utf8')
  .split(/\n\s*\n/)
  .map((paragraph) => paragraph.trim())
  .filter((paragraph) => paragraph.length > 20);

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, value, i) => sum + value * b[i], 0);
}

function fitted(dimensions = 512): LocalHashEmbeddings {
  const embeddings = new LocalHashEmbeddings({ dimensions });
  embeddings.fit(PARAGRAPHS);
  return embeddings;
}

describe('LocalHashEmbeddings', () => {
  it('is deterministic across instances and L2-normalized', async () => {
    const [a, b] = [fitted(), fitted()];
    const text = 'Rà soát hoàn thiện tiêu chuẩn, tiêu chí khung năng lực vị trí việc làm';
    const [va, vb] = [await a.embedQuery(text), await b.embedQuery(text)];
    expect(va).toEqual(vb);
    expect(va).toHaveLength(512);
    expect(Math.hypot(...va)).toBeCloseTo(1, 6);
    expect(await a.embedDocuments([text, text])).toEqual([va, va]);
  });

  it('gives the same vector with or without diacritics', () => {
    const embeddings = fitted();
    const accented = embeddings.embedText('Ai chủ trì rà soát khung năng lực vị trí việc làm?');
    const plain = embeddings.embedText('ai chu tri ra soat khung nang luc vi tri viec lam');
    expect(cosine(accented, plain)).toBeCloseTo(1, 6);
  });

  it('puts related texts closer than unrelated ones', () => {
    const embeddings = fitted();
    const query = embeddings.embedText('rà soát khung năng lực vị trí việc làm');
    const related = embeddings.embedText(PARAGRAPHS.find((p) => p.startsWith('4. Rà soát'))!);
    const unrelated = embeddings.embedText(PARAGRAPHS.find((p) => p.startsWith('10. Quan tâm đầu tư'))!);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.1);
  });

  it('tolerates a typo through character trigrams', () => {
    const embeddings = fitted();
    const typo = embeddings.embedText('tuyển dụg công chức');
    const right = embeddings.embedText('tuyển dụng công chức');
    const other = embeddings.embedText('kỷ luật kỷ cương hành chính');
    expect(cosine(typo, right)).toBeGreaterThan(cosine(typo, other) + 0.2);
  });

  it('weights rare features above common ones once fitted', () => {
    const embeddings = fitted();
    // "cán bộ, công chức" is in most paragraphs; "tinh giản biên chế" in one.
    const query = embeddings.embedText('cán bộ công chức tinh giản biên chế');
    const rare = embeddings.embedText('tinh giản biên chế');
    const common = embeddings.embedText('cán bộ công chức');
    expect(cosine(query, rare)).toBeGreaterThan(cosine(query, common));
  });

  it('embeds an empty text to the zero vector', () => {
    expect(fitted(64).embedText('  ,. ').every((value) => value === 0)).toBe(true);
  });

  it('round-trips its IDF state through JSON', () => {
    const original = fitted(256);
    const restored = LocalHashEmbeddings.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
    const text = 'Sở Nội vụ tham mưu xây dựng kế hoạch đào tạo, bồi dưỡng';
    expect(restored.dimensions).toBe(256);
    expect(restored.embedText(text)).toEqual(original.embedText(text));
    expect(restored.stateKey()).toBe(original.stateKey());
    const unfitted = new LocalHashEmbeddings({ dimensions: 256 });
    expect(unfitted.embedText(text)).not.toEqual(original.embedText(text));
    expect(unfitted.stateKey()).not.toBe(original.stateKey());
  });

  it('refuses a state of another shape', () => {
    expect(() => LocalHashEmbeddings.fromJSON({ id: 'other', dimensions: 8 })).toThrow();
    expect(() => LocalHashEmbeddings.fromJSON(null)).toThrow();
    const state = fitted(64).toJSON();
    expect(() => LocalHashEmbeddings.fromJSON({ ...state, hashes: state.hashes.slice(1) })).toThrow();
  });
});

describe('createEmbedder / restoreEmbedder', () => {
  it('builds the local embedder from the configuration and restores it from its saved state', () => {
    const config = loadConfig({ LOCAL_EMBEDDING_DIMENSIONS: '128' });
    const handle = createEmbedder(config);
    expect(handle.id).toBe(LOCAL_EMBEDDER_ID);
    expect(handle.dimensions).toBe(128);
    handle.fit?.(PARAGRAPHS);
    const saved = JSON.parse(JSON.stringify(saveEmbedder(handle)));
    const restored = restoreEmbedder(saved);
    expect(embedderStateKey(restored)).toBe(embedderStateKey(handle));
  });

  it('names an OpenAI-compatible model by its id and refuses to restore it without that configuration', () => {
    const config = loadConfig({ EMBEDDINGS: 'openai', EMBEDDING_MODEL: 'nomic-embed-text', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const handle = createEmbedder(config);
    expect(handle.id).toBe('openai:nomic-embed-text');
    expect(handle.dimensions).toBe(0);
    const saved = { id: 'openai:nomic-embed-text', dimensions: 768, stateKey: 'x', local: null };
    expect(restoreEmbedder(saved, config).dimensions).toBe(768);
    expect(() => restoreEmbedder(saved, loadConfig({}))).toThrow(/openai:nomic-embed-text/);
  });
});

/** A fake OpenAI-compatible embeddings endpoint over real HTTP; records each request body. */
function fakeEmbeddingServer(behaviour: { fail?: boolean } = {}) {
  const requests: Array<{ input: string[]; dimensions?: number; model: string; auth?: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { input: string[]; dimensions?: number; model: string };
      requests.push({ ...parsed, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (behaviour.fail) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization?.slice(7)}`, type: 'invalid_request_error' } }));
        return;
      }
      const size = parsed.dimensions ?? 6;
      // Answer out of order: the client must put vectors back by `index`.
      const data = parsed.input.map((text, index) => ({ object: 'embedding', index, embedding: Array.from({ length: size }, (_, i) => text.length + i) })).reverse();
      res.end(JSON.stringify({ object: 'list', data, model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  return {
    requests,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('OpenAICompatibleEmbeddings over HTTP', () => {
  const fake = fakeEmbeddingServer();
  const failing = fakeEmbeddingServer({ fail: true });
  let baseURL = '';
  let failingURL = '';
  beforeAll(async () => {
    baseURL = await fake.start();
    failingURL = await failing.start();
  });
  afterAll(async () => {
    await fake.stop();
    await failing.stop();
  });

  it('batches inputs, keeps their order and learns the dimensions from the first response', async () => {
    const embeddings = new OpenAICompatibleEmbeddings({ model: 'test-model', apiKey: 'sk-test-secret', baseURL, batchSize: 64 });
    const texts = Array.from({ length: 130 }, (_, i) => 'x'.repeat(i + 1));
    const vectors = await embeddings.embedDocuments(texts);
    expect(fake.requests.map((request) => request.input.length)).toEqual([64, 64, 2]);
    expect(fake.requests[0].model).toBe('test-model');
    expect(fake.requests[0].auth).toBe('Bearer sk-test-secret');
    expect(fake.requests[0].dimensions).toBeUndefined();
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((text) => text.length));
    expect(embeddings.dimensions).toBe(6);
    expect(embeddings.id).toBe('openai:test-model');
  });

  it('sends the configured dimensions', async () => {
    const embeddings = new OpenAICompatibleEmbeddings({ model: 'm', baseURL, dimensions: 3 });
    expect(await embeddings.embedQuery('abc')).toEqual([3, 4, 5]);
    expect(fake.requests.at(-1)?.dimensions).toBe(3);
  });

  it('reports a failure with the endpoint and model, never the key', async () => {
    const embeddings = new OpenAICompatibleEmbeddings({ model: 'm', apiKey: 'sk-very-secret-key', baseURL: failingURL });
    const error = await embeddings.embedQuery('abc').catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(failingURL);
    expect((error as Error).message).toContain('m');
    expect((error as Error).message).not.toContain('sk-very-secret-key');
  });
});
