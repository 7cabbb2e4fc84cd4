/**
 * `npm run eval`, in extractive mode (no model, whatever the environment configures):
 * 1. the plan sets (dev, project, holdout, holdout2) over the shipped corpus;
 * 2. the real-document sets (ours, and the blind one when present) and the plan sets again, over
 *    the shipped corpus with the seven real documents loaded beside it (a second index);
 * 3. ours beside the BM25 and LangChain RAG baselines, on the plan and real-document sets;
 * 4. the gate (see gate.ts) and the elapsed time.
 * Exit code 1 when a gated set misses its target.
 */
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import type { LoadedIndex } from '../../ingest/types.js';
import { loadConfig, type AppConfig } from '../../common/config.js';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { PlanAssistant } from '../../server/core/types.js';
import { compareWithBaselines } from './compare.js';
import { renderGroupedComparison } from './compare-metrics.js';
import { ensureIndex, prepareRealDocsCorpus, realDocsConfig } from './eval-index.js';
import { gateRealDocs, gateVerdict, type GateRule } from './gate.js';
import { formatReport, loadEvalSets, loadRealDocSets, renameSets, runEval, type EvalReport } from './runner.js';
import type { EvalSet } from './scorer.js';

export { scoreAnswer, citationProblems, type EvalItem, type EvalSet, type ScoreResult } from './scorer.js';
export { formatReport, loadEvalSets, runEval, type AnswerFn, type EvalReport, type EvalResult } from './runner.js';

/** Least pass rate on each plan set. */
export const PASS_THRESHOLD = 0.95;
/** Least pass rate on each real-document set. */
export const REALDOCS_THRESHOLD = 0.9;

const write = (text: string) => process.stdout.write(`${text}\n`);

async function evaluate(assistant: PlanAssistant, index: LoadedIndex, sets: EvalSet[]): Promise<EvalReport> {
  return runEval((question, conversationId) => assistant.ask({ question, conversationId }), { registry: index.registry, sets });
}

async function openAssistant(config: AppConfig, label: string): Promise<{ assistant: PlanAssistant; index: LoadedIndex }> {
  const started = performance.now();
  const { index, rebuilt } = await ensureIndex(config);
  const how = rebuilt ? 'built' : 'reused';
  write(`Index ${label}: ${how} in ${((performance.now() - started) / 1000).toFixed(1)} s, ${index.registry.documents.length} documents (${config.indexPath}).`);
  return { assistant: createPlanAssistant({ index, config }), index };
}

async function main(): Promise<number> {
  const started = performance.now();
  dotenv.config({ quiet: true });
  const env = { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
  const config = loadConfig(env);

  const shipped = await openAssistant(config, 'shipped corpus');
  const planSets = loadEvalSets();
  const planReport = await evaluate(shipped.assistant, shipped.index, planSets);
  write('\n## Plan sets, shipped corpus\n');
  write(formatReport(planReport));

  prepareRealDocsCorpus(config.corpusPath);
  const withDocs = await openAssistant(realDocsConfig(env), 'shipped corpus + 7 real documents');
  const { sets: realSets, missing } = loadRealDocSets();
  for (const file of missing) write(`Note: ${file} is missing; the blind set is skipped.`);
  const plusSets = renameSets(planSets, '+realdocs');
  const realReport = await evaluate(withDocs.assistant, withDocs.index, [...realSets, ...plusSets]);
  write('\n## Real-document sets, and the plan sets with all real documents loaded\n');
  write(formatReport(realReport));

  // One group per real-document set, so each shows ours against both baselines kind by kind.
  const groups = [{ label: 'plan sets, shipped corpus', systems: await compareWithBaselines(shipped.assistant, shipped.index, planSets) }];
  for (const set of realSets) {
    groups.push({ label: `${set.name}, all real documents loaded`, systems: await compareWithBaselines(withDocs.assistant, withDocs.index, [set]) });
  }
  write('\n## Ours beside the baselines (same questions, same scorer)\n');
  write(renderGroupedComparison(groups));

  const gateAll = gateRealDocs(process.env);
  const rules: GateRule[] = [
    ...planSets.map((set) => ({ set: set.name, threshold: PASS_THRESHOLD, gated: true })),
    ...realSets.map((set) => ({ set: set.name, threshold: REALDOCS_THRESHOLD, gated: gateAll })),
    ...plusSets.map((set) => ({ set: set.name, threshold: PASS_THRESHOLD, gated: gateAll })),
  ];
  const verdict = gateVerdict([planReport, realReport], rules);
  write('\n## Gate\n');
  write(verdict.lines.join('\n'));
  write(`\nEval time: ${((performance.now() - started) / 1000).toFixed(1)} s. Exit code ${verdict.failed ? 1 : 0}.`);
  return verdict.failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
