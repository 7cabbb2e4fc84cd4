/**
 * Probe (entry file, run in a fresh process by `bench/startup.ts`): how long this process takes
 * to import the core, load a built index and build the assistant, and its memory after that.
 * Usage: `node --import tsx bench/probes/startup-probe.ts <indexPath>`; prints one JSON line.
 */
import { elapsedMs } from '../stats.js';

async function main(indexPath: string): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const [{ loadIndex }, { createPlanAssistant }, { benchConfig, SHIPPED_CORPUS }] = await Promise.all([
    import('../../ingest/store/index-reader.js'),
    import('../../server/core/assistant.js'),
    import('../workspace.js'),
  ]);
  const importMs = elapsedMs(startedAt);
  const config = benchConfig(SHIPPED_CORPUS, indexPath);
  const loadStartedAt = process.hrtime.bigint();
  const index = await loadIndex(indexPath, { config });
  const loadMs = elapsedMs(loadStartedAt);
  const createStartedAt = process.hrtime.bigint();
  const assistant = createPlanAssistant({ index, config });
  const createMs = elapsedMs(createStartedAt);
  const askStartedAt = process.hrtime.bigint();
  await assistant.ask({ question: 'Đơn vị nào chủ trì nhiệm vụ số 4?' });
  const firstAskMs = elapsedMs(askStartedAt);
  const result = {
    importMs,
    loadMs,
    createMs,
    firstAskMs,
    readyMs: importMs + loadMs + createMs,
    rssBytes: process.memoryUsage().rss,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
