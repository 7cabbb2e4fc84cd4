/** Request logs: an id on every line and in the response; the user's words only at debug. */
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { pickRequestId, requestLog, requestLogger } from '../../server/http/request-log.js';

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  const logger = pino({ level }, sink);
  const app = express();
  app.use(requestLogger(logger));
  app.use(express.json());
  app.post('/api/ask', (req, res) => {
    requestLog(res, logger).info('handler line');
    res.json({ answer: 'ok' });
  });
  app.get('/api/boom', (_req, res) => {
    res.status(500).json({ error: { code: 'internal', message: 'x' } });
  });
  return { app, lines };
}

const QUESTION = 'Ai chủ trì rà soát khung năng lực?';

describe('request ids', () => {
  it('accepts a sane X-Request-Id and echoes it on the response and every log line', async () => {
    const { app, lines } = capture('info');
    const res = await request(app).post('/api/ask').set('X-Request-Id', 'abc-123').send({ question: QUESTION });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.reqId).toBe('abc-123');
    const done = lines.find((line) => line.msg === 'request');
    expect(done).toMatchObject({ method: 'POST', path: '/api/ask', status: 200 });
  });

  it('replaces an insane id (spaces, markup, tabs, too long) with a UUID', async () => {
    const { app } = capture('silent');
    for (const bad of ['a b', 'x'.repeat(101), '<script>', 'a\tb', '']) {
      const res = await request(app).post('/api/ask').set('X-Request-Id', bad).send({ question: QUESTION });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(pickRequestId(['first', 'second'])).toBe('first');
    expect(pickRequestId(undefined)).not.toBe(pickRequestId(undefined));
  });

  it('logs 5xx at error level', async () => {
    const { app, lines } = capture('info');
    await request(app).get('/api/boom');
    expect(lines.find((line) => line.msg === 'request failed')?.level).toBe(50);
  });
});

describe('privacy', () => {
  it('keeps questions and query strings out of info logs', async () => {
    const { app, lines } = capture('info');
    await request(app).post('/api/ask?q=bi-mat').send({ question: QUESTION });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('rà soát');
    expect(text).not.toContain('bi-mat');
  });

  it('logs them at debug', async () => {
    const { app, lines } = capture('debug');
    await request(app).post('/api/ask?q=bi-mat').send({ question: QUESTION });
    const input = lines.find((line) => line.msg === 'request input');
    expect(input).toMatchObject({ question: QUESTION, query: 'q=bi-mat', level: 20 });
  });
});
