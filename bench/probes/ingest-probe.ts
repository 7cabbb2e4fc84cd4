/**
 * Probe (entry file): one full ingest of a corpus into an index folder, in a fresh process so
 * that its memory and an optional `--cpu-prof` belong to this ingest alone.
 * Usage: `node --import tsx bench/probes/ingest-probe.ts <corpusPath> <indexPath>`; prints one JSON line.
 */
import { runIngest } from '../../ingest/pipeline.js';
import { benchConfig } from '../workspace.js';

async function main(corpusPath: string, indexPath: string): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const startedAt = performance.now();
  const summary = await runIngest(benchConfig(corpusPath, indexPath), { full: true });
  const wallMs = performance.now() - startedAt;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const result = { wallMs, timings: summary.timings, totals: summary.totals, sizeBytes: summary.sizeBytes, peakRssBytes: peakRss };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv[2] ?? '', process.argv[3] ?? '').catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
