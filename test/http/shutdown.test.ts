/**
 * Graceful close over real sockets: a request in flight finishes, an idle keep-alive connection
 * does not hold the close up, and a request that never ends is cut when the grace runs out.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeServerGracefully } from '../../server/http/shutdown.js';

function startServer(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer({ keepAliveTimeout: 60_000 }, handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

function get(port: number, path: string, agent?: import('node:http').Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('closeServerGracefully', () => {
  it('lets a request in flight finish, and closes an idle keep-alive connection at once', async () => {
    const { server, port } = await startServer((req, res) => {
      const delay = req.url === '/slow' ? 300 : 0;
      setTimeout(() => res.end(`ok ${req.url}`), delay);
    });
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    await get(port, '/fast', agent); // leaves an idle keep-alive socket behind
    const inFlight = get(port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const started = Date.now();
    const result = await closeServerGracefully(server, 5_000);
    expect(result.forced).toBe(false);
    expect(await inFlight).toEqual({ status: 200, body: 'ok /slow' });
    expect(Date.now() - started).toBeLessThan(2_000);
    agent.destroy();
  });

  it('cuts a request that outlives the grace period', async () => {
    const { server, port } = await startServer(() => {
      // never answers
    });
    const hanging = get(port, '/hang').catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const result = await closeServerGracefully(server, 200);
    expect(result.forced).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('stops accepting new connections', async () => {
    const { server, port } = await startServer((_req, res) => res.end('ok'));
    await closeServerGracefully(server, 1_000);
    await expect(get(port, '/')).rejects.toThrow();
  });
});
