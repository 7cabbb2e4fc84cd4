/**
 * Access control over a minimal Express app with the same mounting as the real one:
 * key, Host validation, CORS allowlist, headers, rate limit, bind warning.
 */
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig, type AppConfig } from '../../common/config.js';
import {
  allowedHosts,
  applySecurity,
  bearerToken,
  bindWarning,
  hostName,
  keysMatch,
} from '../../server/http/security.js';

const KEY = 'khoa-bi-mat-123';

function config(env: Record<string, string> = {}): AppConfig {
  return loadConfig({ LOG_LEVEL: 'silent', ...env });
}

function appWith(env: Record<string, string> = {}) {
  const app = express();
  applySecurity(app, config(env), pino({ level: 'silent' }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/', (_req, res) => {
    res.type('html').send('<!doctype html><title>trang</title>');
  });
  app.get('/api/tasks', (_req, res) => {
    res.json({ tasks: [] });
  });
  app.post('/mcp', (_req, res) => {
    res.json({ jsonrpc: '2.0', id: 1, result: {} });
  });
  return app;
}

describe('API key', () => {
  const app = appWith({ API_KEY: KEY });

  it('refuses /api and /mcp without a key, with the SPEC error and WWW-Authenticate', async () => {
    for (const [method, path] of [
      ['get', '/api/tasks'],
      ['post', '/mcp'],
    ] as const) {
      const res = await request(app)[method](path);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body.error.code).toBe('unauthorized');
      expect(res.body.error.message).toMatch(/Authorization/);
    }
  });

  it('refuses a wrong key, a key of another length, and a non-Bearer scheme', async () => {
    for (const header of [`Bearer ${KEY.slice(0, -1)}x`, `Bearer ${KEY}${KEY}`, `Basic ${KEY}`, KEY]) {
      const res = await request(app).get('/api/tasks').set('Authorization', header);
      expect(res.status, header).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('accepts the right key, case-insensitive scheme', async () => {
    for (const header of [`Bearer ${KEY}`, `bearer ${KEY}`]) {
      const res = await request(app).get('/api/tasks').set('Authorization', header);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ tasks: [] });
    }
  });

  it('leaves /healthz and the pages open', async () => {
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await request(app).get('/')).status).toBe(200);
  });

  it('asks for nothing when no key is configured', async () => {
    expect((await request(appWith()).get('/api/tasks')).status).toBe(200);
  });

  it('compares keys in constant time over digests', () => {
    expect(keysMatch(KEY, KEY)).toBe(true);
    expect(keysMatch('', KEY)).toBe(false);
    expect(keysMatch(KEY + 'a', KEY)).toBe(false);
    expect(bearerToken('Bearer  abc ')).toBe('abc');
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('headers', () => {
  it('sends the Content-Security-Policy the pages pass, and no X-Powered-By', async () => {
    const res = await request(appWith()).get('/');
    const csp = res.headers['content-security-policy'];
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('is closed by default: no Access-Control-Allow-Origin for any origin', async () => {
    const res = await request(appWith()).get('/api/tasks').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens to the allowlist only, and answers its preflight before the key is asked', async () => {
    const app = appWith({ CORS_ORIGINS: 'https://cong.example.vn', API_KEY: KEY });
    const allowed = await request(app)
      .options('/api/tasks')
      .set('Origin', 'https://cong.example.vn')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://cong.example.vn');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/i);

    const other = await request(app).get('/api/tasks').set('Origin', 'https://evil.example').set('Authorization', `Bearer ${KEY}`);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('Host validation', () => {
  it('parses Host headers', () => {
    expect(hostName('LocalHost:3000')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName('a:b:c')).toBeNull();
  });

  it('on a loopback bind accepts loopback names only (DNS rebinding)', async () => {
    const app = appWith();
    expect((await request(app).get('/api/tasks').set('Host', 'localhost:3000')).status).toBe(200);
    const rebound = await request(app).get('/api/tasks').set('Host', 'attacker.example:3000');
    expect(rebound.status).toBe(403);
    expect(rebound.body.error.code).toBe('forbidden_host');
    // Pages and the health check are not data; they stay reachable.
    expect((await request(app).get('/healthz').set('Host', 'attacker.example')).status).toBe(200);
  });

  it('on a LAN bind accepts ALLOWED_HOSTS, and anything when none are listed', () => {
    const lan = allowedHosts(config({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'tro-ly.ubnd.local, 10.0.0.5:3000' }));
    expect(lan?.has('tro-ly.ubnd.local')).toBe(true);
    expect(lan?.has('10.0.0.5')).toBe(true);
    expect(lan?.has('evil.example')).toBe(false);
    expect(allowedHosts(config({ HOST: '0.0.0.0' }))).toBeNull();
  });
});

describe('rate limit', () => {
  it('answers 429 in the error format past the limit, per client, and leaves /healthz alone', async () => {
    const app = appWith({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i += 1) expect((await request(app).get('/api/tasks')).status).toBe(200);
    const limited = await request(app).get('/api/tasks');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers['ratelimit-policy']).toBeDefined();
    expect((await request(app).get('/healthz')).status).toBe(200);
  });

  it('is off at 0', async () => {
    const app = appWith({ RATE_LIMIT_PER_MINUTE: '0' });
    for (let i = 0; i < 20; i += 1) expect((await request(app).get('/api/tasks')).status).toBe(200);
  });
});

describe('bindWarning', () => {
  it('warns on all interfaces without a key only', () => {
    expect(bindWarning(config({ HOST: '0.0.0.0' }))).toMatch(/API_KEY/);
    expect(bindWarning(config({ HOST: '::' }))).toMatch(/API_KEY/);
    expect(bindWarning(config({ HOST: '0.0.0.0', API_KEY: KEY }))).toBeNull();
    expect(bindWarning(config({ HOST: '127.0.0.1' }))).toBeNull();
  });
});
