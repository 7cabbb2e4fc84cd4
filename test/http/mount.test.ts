/**
 * `onlyUnder` runs a handler for the paths an Express mount path would (case-insensitive, the
 * prefix itself or followed by "/"), with the URL untouched, and skips every other request.
 */
import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { onlyUnder } from '../../server/http/mount.js';

/** An app whose marked handler records the URL it saw; every request ends in a 200 naming who answered. */
function app(prefix: string | string[], mount: 'express' | 'onlyUnder') {
  const seen: string[] = [];
  const mark: RequestHandler = (req, res) => {
    seen.push(req.url);
    res.send('marked');
  };
  const server = express();
  if (mount === 'express') server.use(prefix, mark);
  else server.use(onlyUnder(prefix, mark));
  server.use((_req, res) => res.send('rest'));
  return { server, seen };
}

const paths = ['/api', '/API', '/api/', '/api/ask', '/Api/Ask?x=1', '/apis', '/ap', '/mcp', '/mcp/x', '/mcpx', '/', '/x/api', '/api.json'];

describe('onlyUnder', () => {
  it('marks the paths an Express mount path marks, for one prefix and for several', async () => {
    for (const prefix of ['/api', ['/api', '/mcp']]) {
      const viaExpress = app(prefix, 'express');
      const viaOnlyUnder = app(prefix, 'onlyUnder');
      for (const path of paths) {
        const expected = (await request(viaExpress.server).get(path)).text;
        expect((await request(viaOnlyUnder.server).get(path)).text, `${String(prefix)} ${path}`).toBe(expected);
      }
    }
  });

  it('leaves the URL whole', async () => {
    const { server, seen } = app('/api', 'onlyUnder');
    await request(server).get('/api/ask?x=1');
    expect(seen).toEqual(['/api/ask?x=1']);
  });
});
