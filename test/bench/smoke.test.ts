/**
 * Smoke tests of the benchmark harness at tiny sizes: the generator + scale bench end to end
 * (fresh-process probes included) and the quality comparison on a few eval questions. They
 * assert that figures come out and hang together, not how fast this machine is.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderQualityMarkdown, runQualityComparison } from '../../bench/quality.js';
import { renderScaleMarkdown, runScaleBench, writeScaleChart } from '../../bench/scale.js';
import { makeTempFolder, removeFolder } from '../../bench/workspace.js';
import { overall } from '../../test/eval/compare-metrics.js';
import { loadEvalSets } from '../../test/eval/runner.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await removeFolder(folder);
});

describe('bench smoke', () => {
  it('measures a 200-chunk generated corpus end to end and charts it', async () => {
    const options = { sizes: [200], questions: 5, rounds: 1, loadRuns: 1, ingestRuns: 1 };
    const [row] = await runScaleBench(options);
    expect(row.chunks).toBeGreaterThan(140);
    expect(row.chunks).toBeLessThan(260);
    expect(row.ingestMs).toBeGreaterThan(0);
    expect(row.chunksPerSecond).toBeCloseTo(row.chunks / (row.ingestMs / 1000), 5);
    expect(row.indexBytes).toBeGreaterThan(0);
    expect(row.loadMs).toBeGreaterThan(0);
    expect(row.rssAfterLoadBytes).toBeGreaterThan(0);
    expect(row.askP50Ms).toBeGreaterThan(0);
    expect(row.askP95Ms).toBeGreaterThanOrEqual(row.askP50Ms);
    expect(row.rightItemRate).toBeGreaterThanOrEqual(0);
    expect(row.rightItemRate).toBeLessThanOrEqual(1);

    const out = await makeTempFolder('smoke');
    folders.push(out);
    const svgFile = await writeScaleChart([row], out, path.join(out, 'docs', 'scale.svg'));
    expect(await readFile(svgFile, 'utf8')).toContain('<circle');
    const markdown = renderScaleMarkdown([row], options, 'docs/scale.svg');
    expect(markdown).toContain(`| ${row.chunks} |`);
    expect(markdown).toContain('![Scale curve');
  }, 60_000);

  it('scores ours and both baselines on a few eval questions with the shared scorer', async () => {
    const [dev] = loadEvalSets();
    const sets = [{ ...dev, items: dev.items.slice(0, 4), conversations: dev.conversations.slice(0, 1) }];
    const asked = 4 + (sets[0].conversations[0]?.turns.length ?? 0);
    const result = await runQualityComparison(sets);
    expect(result.questions).toBe(asked);
    expect(result.scores.map((system) => system.name)).toEqual(['ours', 'BM25 (đoạn văn)', 'LangChain RAG (1000/200 + HNSWLib)']);
    for (const system of result.scores) expect(overall(system).total).toBe(asked);
    expect(overall(result.scores[0]).passed).toBeGreaterThan(0);
    const markdown = renderQualityMarkdown(result);
    expect(markdown).toMatch(/\| \*\*pass rate, all\*\* \| \*\*\d+\.\d% \(\d+\/\d+\)\*\*/);
    expect(markdown).toContain('recall@5');
  }, 60_000);
});
