import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareApp } from '../../bench/bare-app.js';
import { measurePost } from '../../bench/http-measure.js';

describe('HTTP measurement', () => {
  let server: Server;
  let baseUrl: string;
  const received = new Set<string>();

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post('/echo', (request, response) => {
      received.add(request.body.question);
      response.json({ ok: true });
    });
    app.use(createBareApp({ answer: 'x'.repeat(200) }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('rotates the bodies and reports throughput without failures', async () => {
    const bodies = ['một', 'hai', 'ba'].map((question) => JSON.stringify({ question }));
    const result = await measurePost({ baseUrl, path: '/echo', bodies, connections: 2, durationSeconds: 1 });
    expect(result.failures).toBe(0);
    expect(result.requests).toBeGreaterThan(10);
    expect(result.requestsPerSecond).toBeGreaterThan(10);
    expect(result.latencyP50Ms).toBeLessThanOrEqual(result.latencyP99Ms);
    expect([...received].sort()).toEqual(['ba', 'hai', 'một']);
  });

  it('counts error responses as failures', async () => {
    const result = await measurePost({ baseUrl, path: '/missing', bodies: ['{}'], connections: 1, durationSeconds: 1 });
    expect(result.failures).toBeGreaterThan(0);
  });

  it('answers the bare route with the given body', async () => {
    const response = await fetch(`${baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'abc' }),
    });
    expect(await response.json()).toEqual({ answer: 'x'.repeat(200), questionLength: 3 });
  });

  it('refuses hosts other than loopback', async () => {
    await expect(
      measurePost({ baseUrl: 'http://example.com', path: '/', bodies: ['{}'], connections: 1, durationSeconds: 1 }),
    ).rejects.toThrow(/loopback/);
  });
});
