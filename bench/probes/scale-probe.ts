/**
 * Probe (entry file): loads a built index in a fresh process, builds the assistant, then times
 * generated questions — the whole answer and `search` alone — and checks that the answer cites
 * the item asked about. Usage:
 * `node --import tsx bench/probes/scale-probe.ts <corpusPath> <indexPath> <questionsFile> <rounds>`; prints one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { loadIndex } from '../../ingest/store/index-reader.js';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { GeneratedQuestion } from '../generate-corpus.js';
import { elapsedMs, summarizeLatencies } from '../stats.js';
import { benchConfig } from '../workspace.js';

/** Whether a response cites one of the items the question is about (`II.<n>` of its file). */
function citesItem(citations: Array<{ documentId: string; section: string }>, question: GeneratedQuestion): boolean {
  return question.targets.some((target) => {
    const stem = target.file.replace(/\.txt$/, '');
    const address = `II.${target.itemNumber}`;
    return citations.some(
      (citation) => citation.documentId.startsWith(stem) && (citation.section === address || citation.section.startsWith(`${address}.`)),
    );
  });
}

async function main(corpusPath: string, indexPath: string, questionsFile: string, rounds: number): Promise<void> {
  const questions = JSON.parse(await readFile(questionsFile, 'utf8')) as GeneratedQuestion[];
  const config = benchConfig(corpusPath, indexPath);
  const loadStartedAt = process.hrtime.bigint();
  const index = await loadIndex(indexPath, { config });
  const loadMs = elapsedMs(loadStartedAt);
  const createStartedAt = process.hrtime.bigint();
  const assistant = createPlanAssistant({ index, config });
  const createMs = elapsedMs(createStartedAt);
  const rssBytes = process.memoryUsage().rss;

  let cited = 0;
  for (const question of questions) {
    const response = await assistant.ask({ question: question.question });
    if (citesItem(response.citations, question)) cited += 1;
  }
  const ask: number[] = [];
  const search: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const { question } of questions) {
      const askStartedAt = process.hrtime.bigint();
      await assistant.ask({ question });
      ask.push(elapsedMs(askStartedAt));
      const searchStartedAt = process.hrtime.bigint();
      await assistant.search(question, { k: 5 });
      search.push(elapsedMs(searchStartedAt));
    }
  }
  const result = {
    chunks: index.chunks.length,
    loadMs,
    createMs,
    rssBytes,
    ask: summarizeLatencies(ask),
    search: summarizeLatencies(search),
    rightItemRate: cited / questions.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const [corpusArg = '', indexArg = '', questionsArg = '', roundsArg = '3'] = process.argv.slice(2);
main(corpusArg, indexArg, questionsArg, Number(roundsArg)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
