/**
 * `npm run bench -- http`: throughput and latency of `POST /api/ask` on our whole server, beside
 * a bare Express JSON route answering a body of the same size, both in a child process of the
 * same kind (`node --import tsx`), autocannon in this process, loopback only. The figure to
 * quote is ours / bare requests per second at each connection count.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runIngest } from '../ingest/pipeline.js';
import { processCpuMs, spawnServerProbe, type ChildServer } from './child.js';
import { measurePost, type HttpMeasurement } from './http-measure.js';
import { markdownTable } from './markdown.js';
import { formatNumber, median } from './stats.js';
import { benchConfig, makeTempFolder, removeFolder, SHIPPED_CORPUS } from './workspace.js';

export interface HttpOptions {
  questions: string[];
  connections: number[];
  durationSeconds: number;
  /** Measurements per server and connection count; medians are reported. */
  runs: number;
}

export interface HttpRow {
  connections: number;
  ours: HttpMeasurement;
  bare: HttpMeasurement;
  /** ours.requestsPerSecond / bare.requestsPerSecond */
  ratio: number;
}

/** Posts one question and returns the parsed JSON, failing on a non-200 answer. */
async function ask(baseUrl: string, question: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  if (response.status !== 200) throw new Error(`POST /api/ask answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** The median of each figure over several measurements (failures summed: any failure shows). */
function medianMeasurement(samples: HttpMeasurement[]): HttpMeasurement {
  const pick = (key: 'requestsPerSecond' | 'latencyP50Ms' | 'latencyP97_5Ms' | 'latencyP99Ms' | 'requests') => median(samples.map((sample) => sample[key]));
  return {
    connections: samples[0].connections,
    requestsPerSecond: pick('requestsPerSecond'),
    latencyP50Ms: pick('latencyP50Ms'),
    latencyP97_5Ms: pick('latencyP97_5Ms'),
    latencyP99Ms: pick('latencyP99Ms'),
    requests: pick('requests'),
    failures: samples.reduce((sum, sample) => sum + sample.failures, 0),
    serverCpuMsPerRequest: samples.every((sample) => typeof sample.serverCpuMsPerRequest === 'number')
      ? median(samples.map((sample) => sample.serverCpuMsPerRequest as number))
      : null,
  };
}

/** Runs the comparison; servers and the temporary index are removed at the end. */
export async function runHttpBench(options: HttpOptions): Promise<HttpRow[]> {
  const folder = await makeTempFolder('http');
  const indexPath = path.join(folder, 'index');
  const servers: ChildServer[] = [];
  try {
    await runIngest(benchConfig(SHIPPED_CORPUS, indexPath), { full: true });
    const ours = await spawnServerProbe('bench/probes/http-server.ts', ['ours', indexPath]);
    servers.push(ours);
    // Warm our server on every question; the answer of median size becomes the bare route's body.
    const answers: string[] = [];
    for (const question of options.questions) answers.push(JSON.stringify(await ask(ours.url, question)));
    answers.sort((a, b) => a.length - b.length);
    const bodyFile = path.join(folder, 'bare-body.json');
    await writeFile(bodyFile, answers[answers.length >> 1]);
    const bare = await spawnServerProbe('bench/probes/http-server.ts', ['bare', bodyFile]);
    servers.push(bare);
    await ask(bare.url, options.questions[0]);

    const bodies = options.questions.map((question) => JSON.stringify({ question }));
    // The server's CPU time per request beside the rate: the rate depends on what else runs.
    const measure = async (server: ChildServer, connections: number): Promise<HttpMeasurement> => {
      const before = await processCpuMs(server.pid);
      const result = await measurePost({ baseUrl: server.url, path: '/api/ask', bodies, connections, durationSeconds: options.durationSeconds });
      const after = await processCpuMs(server.pid);
      const cpu = before !== null && after !== null && result.requests > 0 ? (after - before) / result.requests : null;
      return { ...result, serverCpuMsPerRequest: cpu };
    };
    const rows: HttpRow[] = [];
    for (const connections of options.connections) {
      const bareRuns: HttpMeasurement[] = [];
      const ourRuns: HttpMeasurement[] = [];
      // Interleaved, so a drift of the machine affects both sides alike.
      for (let run = 0; run < options.runs; run += 1) {
        bareRuns.push(await measure(bare, connections));
        ourRuns.push(await measure(ours, connections));
      }
      const row = { connections, ours: medianMeasurement(ourRuns), bare: medianMeasurement(bareRuns) };
      rows.push({ ...row, ratio: row.ours.requestsPerSecond / row.bare.requestsPerSecond });
    }
    return rows;
  } finally {
    for (const server of servers) await server.stop();
    await removeFolder(folder);
  }
}

/** The HTTP section of BENCHMARKS.md. */
export function renderHttpMarkdown(rows: HttpRow[], options: HttpOptions): string {
  const rps = (value: number) => formatNumber(value, 0);
  const cpu = (measurement: HttpMeasurement) =>
    typeof measurement.serverCpuMsPerRequest === 'number' ? formatNumber(measurement.serverCpuMsPerRequest, 2) : '–';
  const lat = (measurement: HttpMeasurement) =>
    `${formatNumber(measurement.latencyP50Ms, 1)} / ${formatNumber(measurement.latencyP97_5Ms, 1)} / ${formatNumber(measurement.latencyP99Ms, 1)}`;
  const table = markdownTable(
    ['connections', 'ours req/s', 'bare req/s', 'ours / bare', 'server CPU per request, ours / bare (ms)', 'ours latency p50 / p97.5 / p99 (ms)', 'bare latency p50 / p97.5 / p99 (ms)', 'failed requests (ours, bare)'],
    rows.map((row) => [
      String(row.connections),
      rps(row.ours.requestsPerSecond),
      rps(row.bare.requestsPerSecond),
      `**${formatNumber(100 * row.ratio, 0)}%**`,
      `${cpu(row.ours)} / ${cpu(row.bare)}`,
      lat(row.ours),
      lat(row.bare),
      `${row.ours.failures}, ${row.bare.failures}`,
    ]),
  );
  const at16 = rows.find((row) => row.connections === 16);
  const target = at16
    ? `Target: at 16 connections ours ≥ 30% of bare — measured ${formatNumber(100 * at16.ratio, 0)}% ${at16.ratio >= 0.3 ? '✅' : '❌'}.`
    : '';
  return [
    '## HTTP (`POST /api/ask`, extractive mode)',
    '',
    `Measured by \`npm run bench -- http\` on ${new Date().toISOString().slice(0, 10)}: autocannon (programmatic) in the bench process, each server in its own \`node --import tsx\` child on 127.0.0.1. ` +
      `Ours is the whole server (\`startServer\`: security headers, request logs at level silent, validation, MCP mounted, rate limit off); bare is Express with \`express.json()\` and one route answering our answer of median size with \`res.json\`. ` +
      `${options.questions.length} eval questions rotate, one per request. ${options.durationSeconds} s per measurement, medians of ${options.runs} interleaved runs; 2-core machine, so client and server share the CPU.`,
    '',
    table,
    '',
    target,
  ].join('\n');
}
