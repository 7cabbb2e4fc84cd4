/**
 * Entry of `npm run bench`: `npm run bench -- [all|quality|speed|http|scale|load] [--flags]`.
 * Prints each figure table and regenerates its own section of BENCHMARKS.md (between
 * `<!-- bench:NAME -->` markers), leaving the other sections alone. Raw results go to bench/out/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './child.js';
import { writeSection } from './markdown.js';
import { BENCHMARKS_FILE, OUT_DIR } from './workspace.js';

const USAGE = `Cách dùng: npm run bench -- [all|quality|speed|http|scale|load] [tùy chọn]
  all (mặc định)  quality + speed + http + scale
  quality         bảng so sánh chất lượng với hai baseline (cùng bộ chấm điểm, cùng câu hỏi)
  speed           thời gian ingest, khởi động, trả lời trong tiến trình
  http            thông lượng POST /api/ask so với một route Express trần (autocannon)
  scale           đường cong 1k / 10k / 100k đoạn (corpus sinh tự động)
  load            kiểm thử tải của phần độ tin cậy (bench/load.ts: 64 kết nối, 20 s, thay chỉ mục giữa chừng)
Tùy chọn: --runs=5 --rounds=10 --duration=5 --http-runs=3 --connections=1,16,64
          --sizes=1000,10000,100000 --questions=50 --load-runs=3 --cpu-prof`;

const numberList = (text: string) => text.split(',').map((part) => Number(part.trim())).filter((value) => value > 0);

function parseOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '10' },
      duration: { type: 'string', default: '5' },
      'http-runs': { type: 'string', default: '3' },
      connections: { type: 'string', default: '1,16,64' },
      sizes: { type: 'string', default: '1000,10000,100000' },
      questions: { type: 'string', default: '50' },
      'load-runs': { type: 'string', default: '3' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  return { command: positionals[0] ?? 'all', values };
}

type Options = ReturnType<typeof parseOptions>['values'];

/** The 1-minute load average, shown beside figures: other work on the machine slows them down. */
const loadAverage = () => loadavg()[0].toFixed(1);

/**
 * Prints a section, writes it into BENCHMARKS.md and keeps the raw result as JSON. The load
 * average at the start and end of the measurement goes with it (2 cores: above ~2, something
 * else competed for the CPU).
 */
async function publish(name: string, markdown: string, raw: unknown, loadAtStart: string): Promise<void> {
  const withLoad = `${markdown}\n\nMachine load average (1 min) at start / end of this measurement: ${loadAtStart} / ${loadAverage()} (2 cores).`;
  process.stdout.write(`\n${withLoad}\n`);
  await writeSection(BENCHMARKS_FILE, name, withLoad);
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(path.join(OUT_DIR, `${name}.json`), `${JSON.stringify(raw, null, 2)}\n`);
}

async function quality(): Promise<void> {
  const { runQualityComparison, renderQualityMarkdown } = await import('./quality.js');
  const loadAtStart = loadAverage();
  const result = await runQualityComparison();
  await publish('quality', renderQualityMarkdown(result), result.scores, loadAtStart);
}

async function speed(options: Options, questions: string[]): Promise<void> {
  const { runSpeedBench, renderSpeedMarkdown } = await import('./speed.js');
  const speedOptions = { questions, runs: Number(options.runs), rounds: Number(options.rounds) };
  const loadAtStart = loadAverage();
  const result = await runSpeedBench(speedOptions);
  await publish('speed', renderSpeedMarkdown(result, speedOptions), result, loadAtStart);
}

async function http(options: Options, questions: string[]): Promise<void> {
  const { runHttpBench, renderHttpMarkdown } = await import('./http.js');
  const httpOptions = {
    questions,
    connections: numberList(options.connections),
    durationSeconds: Number(options.duration),
    runs: Number(options['http-runs']),
  };
  const loadAtStart = loadAverage();
  const rows = await runHttpBench(httpOptions);
  await publish('http', renderHttpMarkdown(rows, httpOptions), rows, loadAtStart);
}

async function scale(options: Options): Promise<void> {
  const { runScaleBench, renderScaleMarkdown, writeScaleChart } = await import('./scale.js');
  const profileDir = path.join(OUT_DIR, 'profiles');
  const scaleOptions = {
    sizes: numberList(options.sizes),
    questions: Number(options.questions),
    rounds: Math.max(1, Math.round(Number(options.rounds) / 2)),
    loadRuns: Number(options['load-runs']),
    ingestRuns: Math.min(3, Number(options.runs)),
    ingestNodeArgs: options['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined,
  };
  const loadAtStart = loadAverage();
  const rows = await runScaleBench(scaleOptions, (row) =>
    process.stderr.write(`scale: ${row.chunks} chunks — ingest ${Math.round(row.ingestMs)} ms, load ${Math.round(row.loadMs)} ms, answer p95 ${row.askP95Ms.toFixed(2)} ms\n`),
  );
  const docsChart = path.join(REPO_ROOT, 'docs', 'bench', 'scale.svg');
  await writeScaleChart(rows, OUT_DIR, docsChart);
  const chartLink = path.relative(path.dirname(BENCHMARKS_FILE), docsChart).split(path.sep).join('/');
  await publish('scale', renderScaleMarkdown(rows, scaleOptions, chartLink), rows, loadAtStart);
}

/**
 * The load test belongs to the reliability checks (`bench/load.ts`, their module and their
 * defaults: 64 connections, 20 s, an index swap half-way); this entry only dispatches to it.
 */
async function load(): Promise<void> {
  const { runLoadTest, renderLoadMarkdown } = await import('./load.js');
  const loadAtStart = loadAverage();
  const result = await runLoadTest({ durationSec: 20, connections: 64 });
  await publish('load', renderLoadMarkdown(result), result, loadAtStart);
  if (result.failures > 0 || result.swap?.error) process.exitCode = 1;
}

async function main(argv: string[]): Promise<void> {
  const { command, values } = parseOptions(argv);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const known = ['all', 'quality', 'speed', 'http', 'scale', 'load'];
  if (!known.includes(command)) {
    process.stderr.write(`Lệnh không rõ: ${command}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (command === 'load') {
    await load();
    return;
  }
  const { benchQuestions } = await import('./questions.js');
  const questions = command === 'quality' || command === 'scale' ? [] : await benchQuestions();
  if (command === 'all' || command === 'quality') await quality();
  if (command === 'all' || command === 'speed') await speed(values, questions);
  if (command === 'all' || command === 'http') await http(values, questions);
  if (command === 'all' || command === 'scale') await scale(values);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
