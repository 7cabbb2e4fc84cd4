/**
 * `npm run bench -- quality` (and the table `npm run eval` prints): our assistant beside the
 * two baselines on the eval sets, scored by the eval's own scorer with citation checks.
 */
import path from 'node:path';
import { runIngest } from '../ingest/pipeline.js';
import { loadIndex } from '../ingest/store/index-reader.js';
import { createPlanAssistant } from '../server/core/assistant.js';
import { compareWithBaselines } from '../test/eval/compare.js';
import { overall, passRate, renderComparisonTable, type SystemScores } from '../test/eval/compare-metrics.js';
import { loadEvalSets } from '../test/eval/runner.js';
import type { EvalSet } from '../test/eval/scorer.js';
import { benchConfig, makeTempFolder, removeFolder, SHIPPED_CORPUS } from './workspace.js';

export interface QualityResult {
  scores: SystemScores[];
  questions: number;
}

/**
 * Builds a fresh index of the shipped corpus in a temporary folder, then compares. `sets`
 * defaults to every set the eval loads.
 */
export async function runQualityComparison(sets: EvalSet[] = loadEvalSets()): Promise<QualityResult> {
  const folder = await makeTempFolder('quality');
  try {
    const config = benchConfig(SHIPPED_CORPUS, path.join(folder, 'index'));
    await runIngest(config, { full: true });
    const index = await loadIndex(config.indexPath, { config });
    const assistant = createPlanAssistant({ index, config });
    try {
      const scores = await compareWithBaselines(assistant, index, sets);
      const questions = sets.reduce((sum, set) => sum + set.items.length + set.conversations.reduce((turns, c) => turns + c.turns.length, 0), 0);
      return { scores, questions };
    } finally {
      assistant.close();
    }
  } finally {
    await removeFolder(folder);
  }
}

/** The eval sets the comparison covered, in order. */
function setNames(scores: SystemScores[]): string[] {
  return [...new Set(scores.flatMap((system) => Object.keys(system.bySet)))];
}

/** Whether ours beats every baseline on the overall pass rate. */
export function oursBeatsBaselines(scores: SystemScores[]): boolean {
  const [ours, ...baselines] = scores.map((system) => passRate(overall(system)));
  return baselines.every((baseline) => ours > baseline);
}

/** The quality section of BENCHMARKS.md. */
export function renderQualityMarkdown(result: QualityResult): string {
  const verdict = oursBeatsBaselines(result.scores) ? 'Ours beats both baselines ✅' : 'Ours does NOT beat both baselines ❌';
  return [
    '## Quality: ours beside two baselines',
    '',
    `Measured by \`npm run bench -- quality\` (also printed by \`npm run eval\`) on ${new Date().toISOString().slice(0, 10)}: ${result.questions} questions (sets: ${setNames(result.scores).join(', ')}; conversation turns included), ` +
      "every system scored by the eval's own scorer (`test/eval/scorer.ts`: required words, cited sections, abstention, and every citation's quote verbatim at an existing address).",
    '',
    '- **ours**: `createPlanAssistant`, extractive mode, local embedder; follow-ups asked in one conversation.',
    "- **BM25 (đoạn văn)**: the normalized text split on blank lines, minisearch with its default tokenizer and search options; the top paragraph is the answer, cited at the innermost section containing it.",
    '- **LangChain RAG**: `RecursiveCharacterTextSplitter` (1000/200) + `HNSWLib` over the same local embedder; the nearest chunk is the answer, cited at the section at its centre.',
    '',
    'Baselines never abstain unless nothing is retrieved, and have no conversation memory. Recall@5 and MRR count items that name sections: an address counts when it is an expected section or inside one (II.6.a is in II.6); ours ranks its cited sections, then `search` hits (distinct), baselines their top-5 passages.',
    '',
    renderComparisonTable(result.scores),
    '',
    verdict,
  ].join('\n');
}
