/**
 * `npm run bench -- scale`: the curve at growing corpus sizes. For each size, a generated
 * plan-like corpus is ingested in a fresh process (time, chunks/s, index size, peak memory),
 * then loaded in fresh processes (load time, memory after load) that time generated questions.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runIngest } from '../ingest/pipeline.js';
import { runProbe } from './child.js';
import { renderScaleChart } from './chart.js';
import { generateCorpus, generateQuestions, writeCorpus } from './generate-corpus.js';
import { markdownTable } from './markdown.js';
import { formatMegabytes, formatMs, formatNumber, median, type LatencySummary } from './stats.js';
import { benchConfig, makeTempFolder, removeFolder } from './workspace.js';

export interface ScaleOptions {
  /** Target chunk counts, e.g. [1000, 10000, 100000]. */
  sizes: number[];
  /** Generated questions per size. */
  questions: number;
  /** Timed rounds over the questions in each load probe. */
  rounds: number;
  /** Fresh load processes per size (medians). */
  loadRuns: number;
  /** Ingests per size up to 10k chunks (medians); larger sizes are ingested once. */
  ingestRuns: number;
  seed?: number;
  /** Extra node flags for the ingest probe, e.g. `--cpu-prof` with `--cpu-prof-dir`. */
  ingestNodeArgs?: string[];
}

interface IngestProbeResult {
  wallMs: number;
  timings: Record<string, number>;
  totals: { chunks: number; documents: number; tasks: number };
  sizeBytes: number;
  peakRssBytes: number;
}

interface LoadProbeResult {
  chunks: number;
  loadMs: number;
  createMs: number;
  rssBytes: number;
  ask: LatencySummary;
  search: LatencySummary;
  rightItemRate: number;
}

export interface ScaleRow {
  targetChunks: number;
  chunks: number;
  documents: number;
  items: number;
  ingestMs: number;
  chunksPerSecond: number;
  ingestStagesMs: Record<string, number>;
  ingestPeakRssBytes: number;
  indexBytes: number;
  /** `loadIndex` + `createPlanAssistant`: what a server does before it can answer. */
  loadMs: number;
  loadIndexMs: number;
  createAssistantMs: number;
  rssAfterLoadBytes: number;
  askP50Ms: number;
  askP95Ms: number;
  searchP50Ms: number;
  searchP95Ms: number;
  rightItemRate: number;
}

/** Items per generated document (each item is about one chunk; a document adds ~10 more). */
const ITEMS_PER_DOCUMENT = 50;

/**
 * Chunks per generated item, measured: ingest a two-document sample and divide. Keeps the
 * generator independent of how the chunker happens to cut documents.
 */
async function chunksPerItem(folder: string, seed: number): Promise<number> {
  const corpus = path.join(folder, 'calibration-corpus');
  const documents = generateCorpus({ items: 2 * ITEMS_PER_DOCUMENT, itemsPerDocument: ITEMS_PER_DOCUMENT, seed });
  await writeCorpus(corpus, documents);
  // In process: a small build, and no figure is taken from it.
  const summary = await runIngest(benchConfig(corpus, path.join(folder, 'calibration-index')), { full: true });
  return summary.totals.chunks / (2 * ITEMS_PER_DOCUMENT);
}

/** Measures one corpus size; the corpus and index live under `folder`. */
async function measureSize(folder: string, targetChunks: number, ratio: number, options: ScaleOptions): Promise<ScaleRow> {
  const seed = options.seed ?? 1;
  const items = Math.max(1, Math.round(targetChunks / ratio));
  const corpus = path.join(folder, `corpus-${targetChunks}`);
  const index = path.join(folder, `index-${targetChunks}`);
  const documents = generateCorpus({ items, itemsPerDocument: ITEMS_PER_DOCUMENT, seed });
  await writeCorpus(corpus, documents);
  const questionsFile = path.join(folder, `questions-${targetChunks}.json`);
  await writeFile(questionsFile, JSON.stringify(generateQuestions(documents, options.questions, seed)));

  const ingestRuns = targetChunks <= 10_000 ? options.ingestRuns : 1;
  const ingests: IngestProbeResult[] = [];
  for (let run = 0; run < ingestRuns; run += 1) {
    ingests.push(await runProbe<IngestProbeResult>('bench/probes/ingest-probe.ts', [corpus, index], { nodeArgs: options.ingestNodeArgs }));
  }
  const loads: LoadProbeResult[] = [];
  for (let run = 0; run < options.loadRuns; run += 1) {
    loads.push(await runProbe<LoadProbeResult>('bench/probes/scale-probe.ts', [corpus, index, questionsFile, String(options.rounds)]));
  }
  const ingestMs = median(ingests.map((ingest) => ingest.wallMs));
  const chunks = ingests[0].totals.chunks;
  const stageNames = Object.keys(ingests[0].timings).filter((name) => name !== 'totalMs');
  return {
    targetChunks,
    chunks,
    documents: ingests[0].totals.documents,
    items,
    ingestMs,
    chunksPerSecond: chunks / (ingestMs / 1000),
    ingestStagesMs: Object.fromEntries(stageNames.map((name) => [name, median(ingests.map((ingest) => ingest.timings[name]))])),
    ingestPeakRssBytes: median(ingests.map((ingest) => ingest.peakRssBytes)),
    indexBytes: ingests[ingests.length - 1].sizeBytes,
    loadMs: median(loads.map((load) => load.loadMs + load.createMs)),
    loadIndexMs: median(loads.map((load) => load.loadMs)),
    createAssistantMs: median(loads.map((load) => load.createMs)),
    rssAfterLoadBytes: median(loads.map((load) => load.rssBytes)),
    askP50Ms: median(loads.map((load) => load.ask.p50)),
    askP95Ms: median(loads.map((load) => load.ask.p95)),
    searchP50Ms: median(loads.map((load) => load.search.p50)),
    searchP95Ms: median(loads.map((load) => load.search.p95)),
    rightItemRate: median(loads.map((load) => load.rightItemRate)),
  };
}

/**
 * Runs every size, smallest first, removing each size's files before the next. `onRow` sees
 * each row as it is measured (a long run shows progress).
 */
export async function runScaleBench(options: ScaleOptions, onRow: (row: ScaleRow) => void = () => undefined): Promise<ScaleRow[]> {
  const folder = await makeTempFolder('scale');
  try {
    const ratio = await chunksPerItem(folder, options.seed ?? 1);
    const rows: ScaleRow[] = [];
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const sizeFolder = path.join(folder, String(size));
      await mkdir(sizeFolder, { recursive: true });
      const row = await measureSize(sizeFolder, size, ratio, options);
      await removeFolder(sizeFolder);
      rows.push(row);
      onRow(row);
    }
    return rows;
  } finally {
    await removeFolder(folder);
  }
}

/** Writes the chart to `bench/out/scale.svg` and copies it to `docs/bench/scale.svg`. */
export async function writeScaleChart(rows: ScaleRow[], outDir: string, docsFile: string): Promise<string> {
  const svg = renderScaleChart(rows.map((row) => ({ chunks: row.chunks, queryP50Ms: row.askP50Ms, queryP95Ms: row.askP95Ms, loadMs: row.loadMs })));
  await mkdir(outDir, { recursive: true });
  const outFile = path.join(outDir, 'scale.svg');
  await writeFile(outFile, svg);
  await mkdir(path.dirname(docsFile), { recursive: true });
  await copyFile(outFile, docsFile);
  return outFile;
}

const ms = formatMs;
const mb = formatMegabytes;

/** The scale section of BENCHMARKS.md; `chartPath` is relative to the markdown file. */
export function renderScaleMarkdown(rows: ScaleRow[], options: ScaleOptions, chartPath: string): string {
  const table = markdownTable(
    ['chunks', 'documents', 'ingest', 'chunks/s', 'index on disk', 'ingest peak RSS', 'load index + build assistant', 'RSS after load', 'answer p50 / p95', 'search p50 / p95', 'answer cites the item asked'],
    rows.map((row) => [
      formatNumber(row.chunks, 0),
      formatNumber(row.documents, 0),
      ms(row.ingestMs),
      formatNumber(row.chunksPerSecond, 0),
      mb(row.indexBytes),
      mb(row.ingestPeakRssBytes),
      `${ms(row.loadIndexMs)} + ${ms(row.createAssistantMs)} = ${ms(row.loadMs)}`,
      mb(row.rssAfterLoadBytes),
      `${ms(row.askP50Ms)} / ${ms(row.askP95Ms)}`,
      `${ms(row.searchP50Ms)} / ${ms(row.searchP95Ms)}`,
      `${formatNumber(100 * row.rightItemRate, 0)}%`,
    ]),
  );
  const stages = rows
    .map((row) => `${formatNumber(row.chunks, 0)} chunks: ${Object.entries(row.ingestStagesMs).map(([name, value]) => `${name.replace(/Ms$/, '')} ${ms(value)}`).join(', ')}`)
    .join('; ');
  const largest = rows[rows.length - 1];
  const smallest = rows[0];
  const growth =
    rows.length > 1
      ? `From ${formatNumber(smallest.chunks, 0)} to ${formatNumber(largest.chunks, 0)} chunks (×${formatNumber(largest.chunks / smallest.chunks, 0)}), answer p50 grew ×${formatNumber(largest.askP50Ms / smallest.askP50Ms, 1)} and p95 ×${formatNumber(largest.askP95Ms / smallest.askP95Ms, 1)}.`
      : '';
  const targets =
    largest.chunks >= 90_000
      ? `Targets at ${formatNumber(largest.chunks, 0)} chunks: index loads < 5 s — ${ms(largest.loadMs)} ${largest.loadMs < 5000 ? '✅' : '❌'}; answer p95 < 20 ms (issue 11) — ${ms(largest.askP95Ms)} ${largest.askP95Ms < 20 ? '✅' : '❌'}.`
      : '';
  return [
    '## Scale (generated corpus)',
    '',
    `Measured by \`npm run bench -- scale\` on ${new Date().toISOString().slice(0, 10)}. Plan-like documents generated by \`bench/generate-corpus.ts\` (${ITEMS_PER_DOCUMENT} task items each, deterministic seed; first line marks them as generated). ` +
      `Ingest is a full build in a fresh process (median of ${options.ingestRuns} up to 10k chunks, one run above); load, memory and query figures are medians over ${options.loadRuns} fresh processes, ` +
      `each timing ${options.questions} generated questions × ${options.rounds} rounds after a warm-up round (extractive \`ask\`, and \`search\` with k = 5).`,
    '',
    table,
    '',
    growth,
    targets,
    '',
    `Ingest by stage — ${stages}.`,
    '',
    `![Scale curve: answer p50/p95 and index load time against chunks (log scale)](${chartPath})`,
  ].join('\n');
}
