/**
 * In-process answer time: every question asked of the assistant several times, timed one by
 * one, grouped by the intent the assistant detected. Extractive mode is the caller's choice
 * (a config without a language model).
 */
import type { PlanAssistant } from '../server/core/types.js';
import { elapsedMs, summarizeLatencies, type LatencySummary } from './stats.js';

export interface AnswerTimeResult {
  overall: LatencySummary;
  /** Per detected intent ("lead", "deadline", …; "unknown" when the response names none). */
  byIntent: Record<string, LatencySummary>;
  /** Per call of `search` with k = 5, for comparison with the full answer. */
  search: LatencySummary;
}

/**
 * Asks each question `rounds` times after one untimed warm-up round (JIT and caches settle).
 * Each question is asked without a conversation id, so no follow-up state carries over.
 */
export async function measureAnswerTimes(
  assistant: PlanAssistant,
  questions: readonly string[],
  rounds = 10,
): Promise<AnswerTimeResult> {
  for (const question of questions) {
    await assistant.ask({ question });
    await assistant.search(question, { k: 5 });
  }
  const samplesByIntent = new Map<string, number[]>();
  const all: number[] = [];
  const search: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) {
      const startedAt = process.hrtime.bigint();
      const response = await assistant.ask({ question });
      const ms = elapsedMs(startedAt);
      all.push(ms);
      const intent = response.intent ?? 'unknown';
      samplesByIntent.set(intent, [...(samplesByIntent.get(intent) ?? []), ms]);
      const searchStartedAt = process.hrtime.bigint();
      await assistant.search(question, { k: 5 });
      search.push(elapsedMs(searchStartedAt));
    }
  }
  const byIntent = Object.fromEntries(
    [...samplesByIntent.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([intent, samples]) => [intent, summarizeLatencies(samples)]),
  );
  return { overall: summarizeLatencies(all), byIntent, search: summarizeLatencies(search) };
}
