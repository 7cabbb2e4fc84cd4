/**
 * The questions the speed and HTTP benches ask: every question of the eval sets (dev and
 * project), conversation turns included, each once — real users' wording, all intents.
 */
import { loadEvalSets } from '../test/eval/runner.js';

/** Distinct eval questions in set order. */
export function benchQuestions(): string[] {
  const questions = loadEvalSets().flatMap((set) => [
    ...set.items.map((item) => item.q),
    ...set.conversations.flatMap((conversation) => conversation.turns.map((turn) => turn.q)),
  ]);
  return [...new Set(questions)];
}
