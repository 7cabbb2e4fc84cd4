/**
 * Probe (entry file, run as a child by `bench/http.ts`): serves either our whole server
 * (`ours`: `startServer` with the bench configuration) or the bare Express reference (`bare`),
 * on a free loopback port, and prints `{ "url": … }` once listening. Runs until killed.
 * Usage: `node --import tsx bench/probes/http-server.ts ours <indexPath>` or `… bare <bodyFile>`.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createBareApp } from '../bare-app.js';
import { benchConfig, SHIPPED_CORPUS } from '../workspace.js';

async function serveOurs(indexPath: string): Promise<string> {
  const { startServer } = await import('../../server/http/start.js');
  const running = await startServer(benchConfig(SHIPPED_CORPUS, indexPath), { logger: pino({ level: 'silent' }) });
  return running.url;
}

async function serveBare(bodyFile: string): Promise<string> {
  const body: unknown = JSON.parse(await readFile(bodyFile, 'utf8'));
  const server = createBareApp(body).listen(0, '127.0.0.1');
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Exits on a stop signal through `process.exit`, so that `--cpu-prof` writes its profile. */
function exitOnSignals(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => process.exit(0));
}

async function main([mode, argument]: string[]): Promise<void> {
  exitOnSignals();
  if (!argument || (mode !== 'ours' && mode !== 'bare')) throw new Error('usage: http-server.ts ours <indexPath> | bare <bodyFile>');
  const url = mode === 'ours' ? await serveOurs(argument) : await serveBare(argument);
  process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
