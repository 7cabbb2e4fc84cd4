/**
 * The HTTP edge with a FAKE assistant (test/fakes): the behaviour the real core cannot be made
 * to show — an unknown internal error, a missing index, a fault in mid-stream, a slow stream
 * left by its client — plus body limits, content types and validation, over a real socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { createFakeAssistant, missingIndexError } from '../fakes/fake-assistant.js';
import { readSse, serve, silentLogger, testConfig, type Served } from './serve.js';

const fake = createFakeAssistant();
let served: Served;

beforeAll(async () => {
  served = await serve(createApp({ getAssistant: () => fake, config: testConfig(), logger: silentLogger() }));
});
afterAll(() => served.close());

const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(`${served.url}/api/ask`, { method: 'POST', headers, body });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[À-ỹ]/u); // Vietnamese for the user
  return body.error.message;
}

describe('request validation at the edge', () => {
  it('refuses a body that is not JSON with 415', async () => {
    await expectError(await post('question=x', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    await expectError(await post('{"question":"x"}', { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
  });

  it('refuses broken JSON with 400 and a body over 64 KB with 413', async () => {
    await expectError(await post('{"question": '), 400, 'invalid_json');
    await expectError(await post(JSON.stringify({ question: 'a'.repeat(70_000) })), 413, 'payload_too_large');
  });

  it('refuses an empty, missing, too long or mistyped question with 400', async () => {
    for (const body of [{ question: '' }, { question: ' \u0000\u0007 ' }, {}, { question: 42 }, { question: 'a'.repeat(2001) }]) {
      await expectError(await post(JSON.stringify(body)), 400, 'invalid_request');
    }
    await expectError(await post(JSON.stringify({ question: 'ok', conversationId: 7 })), 400, 'invalid_request');
  });

  it('accepts exactly 2000 characters and strips control characters before asking', async () => {
    expect((await post(JSON.stringify({ question: 'a'.repeat(2000) }))).status).toBe(200);
    const response = await post(JSON.stringify({ question: 'ai\u0000 chủ\u0007trì\u202E nhiệm vụ 4\n' }));
    expect(response.status).toBe(200);
    expect(fake.questions.at(-1)?.question).toBe('ai chủ trì nhiệm vụ 4');
  });

  it('validates query parameters', async () => {
    await expectError(await fetch(`${served.url}/api/tasks?role=boss`), 400, 'invalid_request');
    await expectError(await fetch(`${served.url}/api/tasks?dueBefore=30/6/2026`), 400, 'invalid_request');
    await expectError(await fetch(`${served.url}/api/tasks?dueAfter=2026-02-31`), 400, 'invalid_request');
    expect((await fetch(`${served.url}/api/tasks?dueAfter=2028-02-29`)).status).toBe(200);
    await expectError(await fetch(`${served.url}/api/search?q=`), 400, 'invalid_request');
    await expectError(await fetch(`${served.url}/api/search?q=x&k=0`), 400, 'invalid_request');
  });

  it('answers unknown routes with 404 in the error format', async () => {
    await expectError(await fetch(`${served.url}/api/nothing-here`), 404, 'not_found');
    await expectError(await fetch(`${served.url}/api/documents/..%2F..%2Fetc%2Fpasswd`), 404, 'not_found');
  });
});

describe('error mapping', () => {
  async function appFailingWith(error: Error) {
    const failing = createFakeAssistant({ failWith: error });
    return serve(createApp({ getAssistant: () => failing, config: testConfig(), logger: silentLogger() }));
  }

  it('maps an unknown error to a generic 500 without stack or internal message', async () => {
    const app = await appFailingWith(new Error('secret internal detail at /srv/x.ts:12'));
    try {
      const response = await fetch(`${app.url}/api/tasks`);
      const text = await response.clone().text();
      await expectError(response, 500, 'internal_error');
      expect(text).not.toContain('secret');
      expect(text).not.toContain('x.ts');
    } finally {
      await app.close();
    }
  });

  it('maps a missing index to 503, on /healthz too', async () => {
    const app = await appFailingWith(missingIndexError());
    try {
      const message = await expectError(await fetch(`${app.url}/healthz`), 503, 'corpus_not_indexed');
      expect(message).toContain('npm run ingest');
      await expectError(await fetch(`${app.url}/api/tasks`), 503, 'corpus_not_indexed');
    } finally {
      await app.close();
    }
  });
});

describe('streamed answers', () => {
  it('reports a fault in mid-stream as an error event after what was sent', async () => {
    const failing = createFakeAssistant({ failMidStream: new Error('boom at /srv/core.ts') });
    const app = await serve(createApp({ getAssistant: () => failing, config: testConfig(), logger: silentLogger() }));
    try {
      const response = await fetch(`${app.url}/api/ask`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ question: 'ai chủ trì' }),
      });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const events = await readSse(response);
      expect(events.map((event) => event.event)).toEqual(['citations', 'delta', 'error']);
      expect(JSON.stringify(events.at(-1)?.data)).not.toContain('core.ts');
      expect((events.at(-1)?.data as { error: { code: string } }).error.code).toBe('internal_error');
    } finally {
      await app.close();
    }
  });

  it('stops producing when the client goes away', async () => {
    const slow = createFakeAssistant({ streamDelayMs: 40 });
    const app = await serve(createApp({ getAssistant: () => slow, config: testConfig(), logger: silentLogger() }));
    try {
      const controller = new AbortController();
      const response = await fetch(`${app.url}/api/ask`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ question: 'ai chủ trì' }),
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 400));
      // The answer has a dozen words at 40 ms each: an abandoned stream stops early, never finishes.
      expect(slow.progress.finished).toBe(0);
      expect(slow.progress.deltas).toBeLessThan(6);
      // The server is still healthy and answers the next request.
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('pages and headers', () => {
  it('serves the pages with a CSP that forbids inline script', async () => {
    for (const page of ['/', '/tasks.html', '/document.html']) {
      const response = await fetch(`${served.url}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('lang="vi"');
      // Every script is an external file: no inline code, no third-party origin.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/\sstyle="/);
    }
  });

  it('publishes an OpenAPI 3.1 document built from the request schemas', async () => {
    const doc = (await (await fetch(`${served.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const taskParams = doc.paths['/api/tasks'].get.parameters?.map((parameter) => parameter.name);
    expect(taskParams).toEqual(expect.arrayContaining(['unit', 'role', 'dueBefore', 'dueAfter', 'kind']));
    expect(doc.paths['/api/tasks/{address}'].get.parameters).toContainEqual(expect.objectContaining({ name: 'address', in: 'path' }));
    expect(JSON.stringify(doc.paths['/api/ask'].post.requestBody)).toContain('"maxLength":2000');
  });
});
