/**
 * Our assistant beside the two baselines, on the same questions, scored by the same scorer:
 * pass rate overall, per set and per kind, recall@5 of the right address, and MRR.
 * The runner owns nothing of the scoring; it takes the eval's scorer as a function.
 */
import type { LoadedIndex, Registry } from '../../ingest/types.js';
import type { AskResponse, PlanAssistant } from '../../server/core/types.js';
import type { Baseline } from './baselines/index.js';
import { emptyScores, recordResult, type ComparableItem, type SystemScores } from './compare-metrics.js';
import { scoreAnswer, type EvalSet } from './scorer.js';

/** One question of an eval set, as far as the comparison needs it (the scorer reads the rest). */
export interface CompareItem extends ComparableItem {
  q: string;
}

/** A conversation: turns asked in order, follow-ups resolved against earlier turns. */
export interface CompareConversation {
  id: string;
  turns: Array<Omit<CompareItem, 'id'> & { id?: string }>;
}

export interface CompareSet<Item extends CompareItem = CompareItem> {
  /** "dev", "project". */
  name: string;
  items: Item[];
  conversations?: CompareConversation[];
}

/** A system answering the eval: ours or a baseline. */
export interface SystemUnderTest {
  name: string;
  answer(question: string, conversationId?: string): Promise<AskResponse>;
  /** Addresses best first, for recall@5 and MRR; `response` is this system's answer to the question. */
  rank(question: string, response: AskResponse): Promise<string[]>;
}

/** Decides whether an answer passes an item: the eval's own scorer. */
export type ScoreFn<Item> = (item: Item, response: AskResponse) => boolean;

/** Our assistant as a system: ranking is the cited sections, then `search` hits, distinct, top 5. */
export function assistantSystem(assistant: PlanAssistant, name = 'ours'): SystemUnderTest {
  return {
    name,
    answer: (question, conversationId) => assistant.ask({ question, conversationId }),
    async rank(question, response) {
      const hits = await assistant.search(question, { k: 5 });
      const addresses = [...response.citations.map((citation) => citation.section), ...hits.map((hit) => hit.address)];
      return [...new Set(addresses)].slice(0, 5);
    },
  };
}

/** A baseline as a system: it has no conversations, so every turn is asked on its own. */
export function baselineSystem(baseline: Baseline): SystemUnderTest {
  return {
    name: baseline.name,
    answer: (question) => baseline.answer(question),
    rank: (question) => baseline.rank(question, 5),
  };
}

/** Asks every item and conversation turn of every set of every system, and tallies the scores. */
export async function compareSystems<Item extends CompareItem>(
  systems: SystemUnderTest[],
  sets: CompareSet<Item>[],
  score: ScoreFn<Item>,
): Promise<SystemScores[]> {
  const results: SystemScores[] = [];
  for (const system of systems) {
    const scores = emptyScores(system.name);
    for (const set of sets) {
      for (const item of set.items) {
        const response = await system.answer(item.q);
        const ranked = await system.rank(item.q, response);
        recordResult(scores, { set: set.name, item, passed: score(item, response), ranked });
      }
      for (const conversation of set.conversations ?? []) {
        let conversationId: string | undefined;
        for (const [index, turn] of conversation.turns.entries()) {
          const item = { ...turn, id: turn.id ?? `${conversation.id}.${index + 1}` } as Item;
          const response = await system.answer(item.q, conversationId);
          conversationId = response.conversationId;
          const ranked = await system.rank(item.q, response);
          // The first turn stands alone; later turns are the follow-ups.
          recordResult(scores, { set: set.name, item, passed: score(item, response), ranked, followUp: index > 0 });
        }
      }
    }
    results.push(scores);
  }
  return results;
}

/** Builds both baselines over the index's registry and embedder, beside our assistant. */
export async function systemsToCompare(
  assistant: PlanAssistant,
  registry: Registry,
  embeddings: import('@langchain/core/embeddings').Embeddings,
): Promise<SystemUnderTest[]> {
  const { createBm25Baseline, createLangchainRagBaseline } = await import('./baselines/index.js');
  return [
    assistantSystem(assistant),
    baselineSystem(createBm25Baseline(registry)),
    baselineSystem(await createLangchainRagBaseline(registry, embeddings)),
  ];
}

/**
 * Ours and both baselines over one loaded index, on the eval sets, scored by the eval's scorer
 * with its citation checks. What `npm run eval` prints after its own report.
 */
export async function compareWithBaselines(assistant: PlanAssistant, index: LoadedIndex, sets: EvalSet[]): Promise<SystemScores[]> {
  const systems = await systemsToCompare(assistant, index.registry, index.embeddings);
  return compareSystems(systems, sets, (item, response) => scoreAnswer(item, response, index.registry).passed);
}
