/**
 * `npm run eval`: the dev, project and both held-out sets against the assistant in extractive mode,
 * over the index in the configured folder (built first when missing). Prints the table, the
 * failures and the answer times; exit code 1 below 95% on a set or when an abstain item fails.
 */
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { runIngest } from '../../ingest/pipeline.js';
import { indexStatus, loadIndex } from '../../ingest/store/index-reader.js';
import type { LoadedIndex } from '../../ingest/types.js';
import { loadConfig, type AppConfig } from '../../common/config.js';
import { createPlanAssistant } from '../../server/core/assistant.js';
import { compareWithBaselines } from './compare.js';
import { renderComparisonTable } from './compare-metrics.js';
import { formatReport, loadEvalSets, runEval } from './runner.js';

export { scoreAnswer, citationProblems, type EvalItem, type EvalSet, type ScoreResult } from './scorer.js';
export { formatReport, loadEvalSets, runEval, type AnswerFn, type EvalReport, type EvalResult } from './runner.js';

/** Least pass rate on each set. */
export const PASS_THRESHOLD = 0.95;

async function ensureIndex(config: AppConfig): Promise<LoadedIndex> {
  const status = await indexStatus(config.indexPath, config.corpusPath);
  if (status.stale) await runIngest(config);
  return loadIndex(config.indexPath, { config });
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  // The eval measures the extractive core: no model, whatever the environment configures.
  const config = loadConfig({ ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });
  const index = await ensureIndex(config);
  const assistant = createPlanAssistant({ index, config });
  const report = await runEval((question, conversationId) => assistant.ask({ question, conversationId }), { registry: index.registry });
  process.stdout.write(`${formatReport(report)}\n`);
  // Beside ours, on the same questions and scorer: the two baselines (see test/eval/compare.ts).
  const comparison = await compareWithBaselines(assistant, index, loadEvalSets());
  process.stdout.write(`\nOurs beside the baselines:\n${renderComparisonTable(comparison)}\n`);
  const low = Object.values(report.passRate).some((rate) => rate < PASS_THRESHOLD);
  return low || report.abstainFailures > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
