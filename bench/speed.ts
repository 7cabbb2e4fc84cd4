/**
 * `npm run bench -- speed`: ingest of the shipped corpus and of the plan with the seven real
 * documents (in process, fresh index each run),
 * start-up with the built index (fresh process probe; spawned server to first /healthz), and
 * in-process answer time per intent in extractive mode.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { runIngest, type IngestSummary } from '../ingest/pipeline.js';
import { loadIndex } from '../ingest/store/index-reader.js';
import { createPlanAssistant } from '../server/core/assistant.js';
import { measureAnswerTimes, type AnswerTimeResult } from './answer-time.js';
import { markdownTable } from './markdown.js';
import { formatMegabytes, formatMs, median } from './stats.js';
import { measureProbeStartup, measureSpawnedStartups, type ProbeStartup, type SpawnedStartup } from './startup.js';
import { benchConfig, makeTempFolder, removeFolder, SHIPPED_CORPUS } from './workspace.js';
import { REPO_ROOT } from './child.js';

const REAL_DOCS = path.join(REPO_ROOT, 'test/fixtures/real-docs');

export interface SpeedOptions {
  questions: string[];
  /** Repetitions for medians (ingest runs, start-ups). */
  runs: number;
  /** Rounds over the questions for answer time. */
  rounds: number;
}

export interface IngestTimes {
  runs: number;
  firstMs: number;
  medianMs: number;
  stagesMedianMs: Record<string, number>;
  chunks: number;
  documents: number;
  tasks: number;
}

export interface SpeedResult {
  ingest: IngestTimes;
  /** The plan and the seven real documents of test/fixtures/real-docs, ingested together. */
  realDocsIngest: IngestTimes;
  /** Answer time with those eight documents loaded (plan and real-document questions). */
  realDocsAnswers: AnswerTimeResult;
  probe: ProbeStartup;
  /** `node scripts/run.mjs server/main.ts` (what `npm start` runs), the build up to date. */
  spawnedBuilt: SpawnedStartup;
  spawnedNode: SpawnedStartup;
  spawnedNpx: SpawnedStartup;
  answers: AnswerTimeResult;
}

/** Ingests a corpus `runs` times, each into a fresh folder; keeps the last index at `keepAt`. */
export async function measureIngest(corpusDir: string, runs: number, keepAt: string): Promise<IngestTimes> {
  const summaries: IngestSummary[] = [];
  for (let run = 0; run < runs; run += 1) {
    const last = run === runs - 1;
    const indexPath = last ? keepAt : path.join(await makeTempFolder('ingest'), 'index');
    summaries.push(await runIngest(benchConfig(corpusDir, indexPath), { full: true }));
    if (!last) await removeFolder(path.dirname(indexPath));
  }
  const stages = ['loadMs', 'parseMs', 'chunkMs', 'embedMs', 'writeMs'] as const;
  return {
    runs,
    firstMs: summaries[0].timings.totalMs,
    medianMs: median(summaries.map((summary) => summary.timings.totalMs)),
    stagesMedianMs: Object.fromEntries(stages.map((stage) => [stage, median(summaries.map((summary) => summary.timings[stage]))])),
    chunks: summaries[0].totals.chunks,
    documents: summaries[0].totals.documents,
    tasks: summaries[0].totals.tasks,
  };
}

/** Ingests the shipped corpus `runs` times (see `measureIngest`). */
export function measureShippedIngest(runs: number, keepAt: string): Promise<IngestTimes> {
  return measureIngest(SHIPPED_CORPUS, runs, keepAt);
}

/** A temporary corpus: the shipped files and the seven real documents beside them. */
async function realDocsCorpus(folder: string): Promise<string> {
  const corpus = path.join(folder, 'corpus-realdocs');
  await mkdir(corpus, { recursive: true });
  for (const file of await readdir(SHIPPED_CORPUS)) await copyFile(path.join(SHIPPED_CORPUS, file), path.join(corpus, file));
  for (const file of await readdir(REAL_DOCS)) if (/\.(md|html|txt|docx|pdf)$/.test(file) && file.toLowerCase() !== 'readme.md') await copyFile(path.join(REAL_DOCS, file), path.join(corpus, file));
  return corpus;
}

/** The questions of the real-document eval set, for answer time with all documents loaded. */
function realDocsQuestions(): string[] {
  const set = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/eval/realdocs-eval.json'), 'utf8')) as { items: Array<{ q: string }> };
  return set.items.map((item) => item.q);
}

/** Runs every speed measurement; the index lives in a temporary folder removed at the end. */
export async function runSpeedBench(options: SpeedOptions): Promise<SpeedResult> {
  const folder = await makeTempFolder('speed');
  const indexPath = path.join(folder, 'index');
  try {
    const ingest = await measureShippedIngest(options.runs, indexPath);
    const probe = await measureProbeStartup(indexPath, options.runs);
    const spawnedBuilt = await measureSpawnedStartups(indexPath, 'built', options.runs);
    const spawnedNode = await measureSpawnedStartups(indexPath, 'node', options.runs);
    const spawnedNpx = await measureSpawnedStartups(indexPath, 'npx', Math.min(3, options.runs));
    const config = benchConfig(SHIPPED_CORPUS, indexPath);
    const assistant = createPlanAssistant({ index: await loadIndex(indexPath, { config }), config });
    const answers = await measureAnswerTimes(assistant, options.questions, options.rounds);
    const realDocsIndex = path.join(folder, 'index-realdocs');
    const realDocsCorpusDir = await realDocsCorpus(folder);
    const realDocsIngest = await measureIngest(realDocsCorpusDir, options.runs, realDocsIndex);
    const realDocsConfig = benchConfig(realDocsCorpusDir, realDocsIndex);
    const everything = createPlanAssistant({ index: await loadIndex(realDocsIndex, { config: realDocsConfig }), config: realDocsConfig });
    const realDocsAnswers = await measureAnswerTimes(everything, [...options.questions, ...realDocsQuestions()], options.rounds);
    return { ingest, realDocsIngest, realDocsAnswers, probe, spawnedBuilt, spawnedNode, spawnedNpx, answers };
  } finally {
    await removeFolder(folder);
  }
}

const ms = formatMs;
const mb = formatMegabytes;
const verdict = (ok: boolean) => (ok ? '✅' : '❌');

/** The speed section of BENCHMARKS.md. */
export function renderSpeedMarkdown(result: SpeedResult, options: SpeedOptions): string {
  const { ingest, realDocsIngest, realDocsAnswers, probe, spawnedBuilt, spawnedNode, spawnedNpx, answers } = result;
  const targets = markdownTable(
    ['figure', 'measured (median)', 'target', ''],
    [
      ['ingest of the shipped corpus, in process', ms(ingest.medianMs), '< 2 s', verdict(ingest.medianMs < 2000)],
      ['start-up in process: `loadIndex` + `createPlanAssistant` (fresh process)', ms(probe.loadMs + probe.createMs), '< 1 s', verdict(probe.loadMs + probe.createMs < 1000)],
      ['start-up wall: spawn `node scripts/run.mjs server/main.ts` (what `npm start` runs) → first 200 on /healthz', ms(spawnedBuilt.wallMs), '< 1 s', verdict(spawnedBuilt.wallMs < 1000)],
      ['extractive answer p95, in process', ms(answers.overall.p95), '< 20 ms', verdict(answers.overall.p95 < 20)],
      [`ingest of the plan + the seven real documents (${realDocsIngest.documents} documents), in process`, ms(realDocsIngest.medianMs), '< 5 s', verdict(realDocsIngest.medianMs < 5000)],
      ['extractive answer p95 with those documents loaded, in process', ms(realDocsAnswers.overall.p95), '< 20 ms', verdict(realDocsAnswers.overall.p95 < 20)],
    ],
  );
  const startup = markdownTable(
    ['start-up step (fresh process, median)', 'time'],
    [
      ['import the core modules through tsx (transform included; the built start skips it)', ms(probe.importMs)],
      ['import + `loadIndex` + `createPlanAssistant`', ms(probe.readyMs)],
      ['`loadIndex` (read and check the index)', ms(probe.loadMs)],
      ['`createPlanAssistant`', ms(probe.createMs)],
      ['first answer after that', ms(probe.firstAskMs)],
      ['spawn `node --import tsx server/main.ts` → first 200 on /healthz (unbuilt)', ms(spawnedNode.wallMs)],
      ['spawn `npx tsx server/main.ts` → first 200 on /healthz', ms(spawnedNpx.wallMs)],
      ['RSS of the probe after load', mb(probe.rssBytes)],
      ['RSS of the built server after start', mb(spawnedBuilt.rssBytes)],
      ['RSS of the server after start (`node --import tsx`)', mb(spawnedNode.rssBytes)],
    ],
  );
  const intents = markdownTable(
    ['intent', 'answers timed', 'p50', 'p95', 'max'],
    [
      ...Object.entries(answers.byIntent).map(([intent, summary]) => [intent, String(summary.count), ms(summary.p50), ms(summary.p95), ms(summary.max)]),
      ['**all**', String(answers.overall.count), ms(answers.overall.p50), ms(answers.overall.p95), ms(answers.overall.max)],
      ['`search` (k = 5), for comparison', String(answers.search.count), ms(answers.search.p50), ms(answers.search.p95), ms(answers.search.max)],
    ],
  );
  const stages = Object.entries(ingest.stagesMedianMs).map(([stage, value]) => `${stage.replace(/Ms$/, '')} ${ms(value)}`).join(', ');
  return [
    '## Speed (shipped corpus, extractive mode)',
    '',
    `Measured by \`npm run bench -- speed\` on ${new Date().toISOString().slice(0, 10)}. Medians of ${options.runs} runs unless stated.`,
    '',
    targets,
    '',
    `Ingest: ${ingest.documents} document(s), ${ingest.tasks} tasks, ${ingest.chunks} chunks; first (cold) run ${ms(ingest.firstMs)}; median by stage: ${stages}.`,
    '',
    `With the seven real documents (test/fixtures/real-docs) beside the plan: ${realDocsIngest.documents} documents, ${realDocsIngest.tasks} tasks, ${realDocsIngest.chunks} chunks; ingest first run ${ms(realDocsIngest.firstMs)}, median ${ms(realDocsIngest.medianMs)} (by stage: ${Object.entries(realDocsIngest.stagesMedianMs).map(([stage, value]) => `${stage.replace(/Ms$/, '')} ${ms(value)}`).join(', ')}); answer p50 ${ms(realDocsAnswers.overall.p50)}, p95 ${ms(realDocsAnswers.overall.p95)} over ${realDocsAnswers.overall.count} answers (plan and real-document eval questions).`,
    '',
    startup,
    '',
    `Answer time per detected intent: ${options.questions.length} eval questions × ${options.rounds} rounds after one warm-up round, each asked without a conversation.`,
    '',
    intents,
  ].join('\n');
}
