/**
 * Test helper: listens with an Express app on 127.0.0.1:0 (a free port) and closes it after.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { pino } from 'pino';
import { loadConfig, type AppConfig } from '../../common/config.js';

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A config for tests: quiet logs, no rate limit unless asked. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', WATCH_INDEX: 'false', ...env });
}

export const silentLogger = () => pino({ level: 'silent' });

/** Serves `app` on a free loopback port. */
export function serve(app: Express): Promise<Served> {
  const server = createServer(app);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Reads a whole SSE body into its events, JSON-parsed. */
export async function readSse(response: Response): Promise<Array<{ event: string; data: unknown }>> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() && !block.startsWith(':'))
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
