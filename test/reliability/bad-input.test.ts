/**
 * Bad input over a real server (the real app and assistant over an index of the shipped plan,
 * on loopback): one test per case, every error in the SPEC format, and no 5xx across a bounded
 * fuzz of random paths, queries and bodies.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, isErrorBody, makeWorkspace, postJson, serveApp, type ServedApp, type Workspace } from './helpers.js';

let workspace: Workspace;
let server: ServedApp;
const DOC = 'ke-hoach-cbcc-cap-xa-2026';

beforeAll(async () => {
  workspace = await makeWorkspace();
  await buildIndex(workspace);
  server = await serveApp(workspace.config());
});

afterAll(async () => {
  await server?.close();
  await workspace?.remove();
});

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

const ask = (body: unknown, headers: Record<string, string> = {}) => postJson(`${server.url}/api/ask`, body, headers);

function expectError(result: { status: number; json: unknown }, status: number): void {
  expect(result.status).toBe(status);
  expect(isErrorBody(result.json), JSON.stringify(result.json)).toBe(true);
}

describe('bodies', () => {
  it('64 KB body → 413', async () => {
    expectError(await ask({ question: 'a'.repeat(64 * 1024) }), 413);
  });

  it('2,001-character question → 400; 2,000 is accepted', async () => {
    expectError(await ask({ question: 'ai '.repeat(700).slice(0, 2001) }), 400);
    expect((await ask({ question: 'ai chủ trì '.repeat(200).slice(0, 2000) })).status).toBe(200);
  });

  it('wrong content type → 415', async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'Ai chủ trì?',
    });
    expectError({ status: response.status, json: await response.json() }, 415);
    const form = await fetch(`${server.url}/api/ask`, { method: 'POST', body: new URLSearchParams({ question: 'x' }) });
    expectError({ status: form.status, json: await form.json() }, 415);
  });

  it('invalid JSON → 400', async () => {
    expectError(await ask('{"question": "Ai chủ trì'), 400);
    expectError(await ask('[1, 2'), 400);
  });

  it('wrong types → 400', async () => {
    for (const body of [{ question: 42 }, { question: ['a'] }, { question: null }, { question: 'ai', conversationId: 7 }, [], 'chuỗi', 12]) {
      expectError(await ask(body), 400);
    }
  });

  it('empty question (after trimming and stripping) → 400', async () => {
    for (const question of ['', '   ', '\u0000\u0007\t', '\u200B\u200B']) expectError(await ask({ question }), 400);
    expectError(await ask({}), 400);
  });

  it('control characters are stripped: same answer as the clean question', async () => {
    const clean = await ask({ question: 'Ai chủ trì rà soát khung năng lực?' });
    const dirty = await ask({ question: 'Ai chủ trì\u0000 rà soát\u0007 khung\u001b năng lực?\u202E' });
    expect(dirty.status).toBe(200);
    expect(dirty.json.answer).toBe(clean.json.answer);
    expect(dirty.json.citations).toEqual(clean.json.citations);
    expect(dirty.text).not.toMatch(/\\u000[07]|\\u001b/);
  });
});

describe('queries', () => {
  it('dueBefore=not-a-date → 400', async () => {
    expectError(await get('/api/tasks?dueBefore=not-a-date'), 400);
    expectError(await get('/api/tasks?dueAfter=30/06/2026'), 400);
  });

  it('a date that does not exist → 400', async () => {
    expectError(await get('/api/tasks?dueAfter=2026-02-31'), 400);
  });

  it('role=owner → 400', async () => {
    expectError(await get('/api/tasks?role=owner'), 400);
  });

  it('bad search parameters → 400', async () => {
    expectError(await get('/api/search'), 400);
    expectError(await get('/api/search?q=a&k=abc'), 400);
    expectError(await get('/api/search?q=a&k=1000'), 400);
  });
});

describe('unknown things → 404', () => {
  it.each([
    ['task', '/api/tasks/II.99'],
    ['task number', '/api/tasks/99'],
    ['document', '/api/documents/khong-co'],
    ['section', `/api/documents/${DOC}/sections/IX.9`],
    ['route', '/api/khong-co'],
    ['route under a method', '/api/ask/extra'],
  ])('%s', async (_what, path) => {
    expectError(await get(path), 404);
  });

  it.each([
    '/api/documents/..%2F..%2Fetc%2Fpasswd',
    '/api/documents/x/sections/..%2F..',
    `/api/documents/${DOC}/sections/..%2F..%2F..%2Fpackage.json`,
    '/api/tasks/..%2F..%2Fpackage.json',
    '/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  ])('path traversal in ids and addresses: %s', async (path) => {
    const result = await get(path);
    expectError(result, 404);
    expect(result.text).not.toMatch(/root:|"dependencies"/);
  });

  it('path traversal to static files is not served', async () => {
    for (const path of ['/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/package.json', '/..%5C..%5Cpackage.json']) {
      const result = await get(path);
      expect(result.status, path).toBeGreaterThanOrEqual(400);
      expect(result.status, path).toBeLessThan(500);
      expect(result.text).not.toContain('"dependencies"');
    }
  });
});

describe('fuzz: no 5xx, every error in the SPEC format', () => {
  const segment = fc.oneof(
    fc.constantFrom('api', 'tasks', 'documents', 'sections', 'search', 'units', 'references', 'ask', DOC, 'II.4', '..', '%2e%2e', '%00', '%ff', '%', 'tasks.csv', 'tasks.ics', 'healthz', 'mcp'),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  const query = fc.dictionary(
    fc.constantFrom('q', 'k', 'unit', 'role', 'dueBefore', 'dueAfter', 'kind', 'documentId', 'x'),
    fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '0', '-1', '2026-06-30', 'lead', 'SNV', '%', '[]')),
  );

  it('random GET paths and queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), query, async (segments, params) => {
        const search = new URLSearchParams(params).toString();
        const result = await get(`/${segments.join('/')}${search ? `?${search}` : ''}`);
        expect(result.status).toBeLessThan(500);
        if (result.status >= 400 && result.text.startsWith('{')) expect(isErrorBody(result.json)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('random POST /api/ask bodies', async () => {
    const body = fc.oneof(
      fc.record({ question: fc.string({ maxLength: 300 }), conversationId: fc.option(fc.string({ maxLength: 120 }), { nil: undefined }) }),
      fc.record({ question: fc.string({ unit: 'binary', maxLength: 200 }) }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const result = await ask(typeof value === 'string' ? value : JSON.stringify(value));
        expect(result.status).toBeLessThan(500);
        if (result.status >= 400) expect(isErrorBody(result.json), result.text).toBe(true);
        else expect(typeof result.json.answer).toBe('string');
      }),
      { numRuns: 150 },
    );
  });
});
