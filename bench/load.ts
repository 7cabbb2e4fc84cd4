/**
 * Load test (`npm run bench -- load`, or standalone `npx tsx bench/load.ts [--duration=20]
 * [--connections=64] [--swap-at=10] [--url=http://127.0.0.1:3000] [--api-key=…] [--prebuild] [--no-write]`):
 * clients over a mix of `/api/ask`, `/api/tasks`, `/api/search` and MCP `tools/call`
 * (`load-mix.ts`), with the index rebuilt and swapped in the middle (`load-target.ts`).
 * It passes only with zero failed requests. Without `url` it spawns the real server.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openMcpSession, requestMix, type RouteCounts } from './load-mix.js';
import { assertLoopback } from './http-measure.js';
import { REPO_ROOT } from './child.js';
import { prebuildNextIndex, spawnTarget, swapIndex, type SwapReport, type Target } from './load-target.js';
import { markdownTable, writeSection } from './markdown.js';
import { formatNumber } from './stats.js';

export type { SwapReport } from './load-target.js';

export interface LoadTestOptions {
  /** A server already running (loopback only); no index swap then. Default: spawn one. */
  url?: string;
  durationSec: number;
  connections: number;
  /** Seconds into the run when the index is rebuilt and swapped; default half-way; ignored with `url`. */
  swapAt?: number;
  apiKey?: string;
  /**
   * Rebuild the index with the real CLI under load (default). `false` builds it before the load
   * and only swaps it in under load: for short runs, which a rebuild under load would outlast.
   */
  rebuildUnderLoad?: boolean;
}

export interface LoadTestResult {
  /** Seconds the load actually ran (at least the duration asked; longer when the swap was slower). */
  durationSec: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Per route: responses counted, and failures (connection errors, non-2xx, error bodies). */
  routes: RouteCounts;
  errors: number;
  timeouts: number;
  non2xx: number;
  failures: number;
  swap: SwapReport | null;
}

/** Longest the run is extended past its duration while waiting for the swap to be visible. */
const SWAP_GRACE_SEC = 120;

type AutocannonOptions = Parameters<typeof autocannon>[0];
type AutocannonResult = Awaited<ReturnType<typeof autocannon>>;

/** Runs autocannon until `until` settles (or its own duration ends). Uses the callback form, whose tracker can be stopped. */
function runUntil(options: AutocannonOptions, until: Promise<unknown>): Promise<AutocannonResult> {
  const start = autocannon as unknown as (opts: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => { stop(): void };
  return new Promise((resolve, reject) => {
    const tracker = start(options, (error, result) => (error ? reject(error) : resolve(result)));
    void until.finally(() => tracker.stop());
  });
}

/** Runs the load test; see the module comment. Never throws for failed requests: it counts them. */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  if (options.url) assertLoopback(options.url, 'load test');
  const target: Target = options.url ? { url: options.url.replace(/\/+$/, ''), stop: async () => undefined } : await spawnTarget();
  try {
    const auth: Record<string, string> = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
    const routes: RouteCounts = {};
    const mcpHeaders = await openMcpSession(target.url, auth);
    const prebuilt = target.child && options.rebuildUnderLoad === false ? await prebuildNextIndex(target) : undefined;
    const startedAt = performance.now();
    const swapAt = options.swapAt ?? options.durationSec / 2;
    const swap = target.child
      ? new Promise<SwapReport>((resolve) => setTimeout(() => resolve(swapIndex(target, startedAt, prebuilt)), swapAt * 1000))
      : Promise.resolve(null);
    const result = await runUntil(
      {
        url: target.url,
        connections: options.connections,
        duration: options.durationSec + SWAP_GRACE_SEC,
        timeout: 30,
        requests: requestMix(auth, mcpHeaders, routes),
      },
      // At least the duration asked, and on until the new index serves: the swap happens under load.
      Promise.all([new Promise((resolve) => setTimeout(resolve, options.durationSec * 1000)), swap]),
    );
    const routeFailures = Object.values(routes).reduce((sum, route) => sum + route.failures, 0);
    return {
      durationSec: result.duration,
      connections: options.connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      routes,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      // Non-2xx answers are among the route failures (which also catch error bodies with a 200).
      failures: result.errors + result.timeouts + Math.max(result.non2xx, routeFailures),
      swap: await swap,
    };
  } finally {
    await target.stop();
  }
}

/** The BENCHMARKS.md section of a result. */
export function renderLoadMarkdown(result: LoadTestResult): string {
  const swap = result.swap;
  const swapLine = !swap
    ? 'No index swap (external server).'
    : swap.error
      ? `Index swap FAILED: ${swap.error}`
      : `Index ${swap.prebuilt ? 'built before the load and renamed in' : 'rebuilt under load by the real `ingest/cli.ts`'} (${swap.documentsBefore} → ${swap.documentsAfter} documents) from ${formatNumber(swap.startedAtSec)} s, swapped in by SIGHUP; new counts at /healthz at ${formatNumber(swap.visibleAtSec ?? Number.NaN)} s.`;
  const rows = Object.entries(result.routes).map(([route, figures]) => [route, String(figures.responses), String(figures.failures)]);
  return [
    `Load: ${result.connections} connections for ${formatNumber(result.durationSec)} s over a mix of \`POST /api/ask\`, \`GET /api/tasks\`, \`GET /api/search\` and MCP \`tools/call\` (one session, raw JSON-RPC), autocannon, real \`server/main.ts\` in its own process, loopback, extractive mode, rate limit off. The run lasts at least the duration asked and goes on until the swapped index serves, so the swap always happens under load.`,
    '',
    `**${result.failures} failed requests** of ${result.requests} (${formatNumber(result.requestsPerSecond, 0)} req/s); latency p50 ${formatNumber(result.latencyMs.p50, 0)} ms, p90 ${formatNumber(result.latencyMs.p90, 0)} ms, p99 ${formatNumber(result.latencyMs.p99, 0)} ms, max ${formatNumber(result.latencyMs.max, 0)} ms.`,
    '',
    swapLine,
    '',
    markdownTable(['route', 'responses', 'failures'], rows),
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '64' },
      'swap-at': { type: 'string' },
      url: { type: 'string' },
      'api-key': { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      prebuild: { type: 'boolean', default: false },
    },
  });
  const result = await runLoadTest({
    durationSec: Number(values.duration),
    connections: Number(values.connections),
    swapAt: values['swap-at'] === undefined ? undefined : Number(values['swap-at']),
    url: values.url,
    apiKey: values['api-key'],
    rebuildUnderLoad: !values.prebuild,
  });
  const markdown = renderLoadMarkdown(result);
  process.stdout.write(`${markdown}\n`);
  if (!values['no-write']) await writeSection(path.join(REPO_ROOT, 'BENCHMARKS.md'), 'load', markdown);
  if (result.failures > 0 || result.swap?.error) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
