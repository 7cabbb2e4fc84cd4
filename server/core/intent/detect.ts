/**
 * Intent detection: from the cues, slots and topic of a parsed question (and the previous
 * turn, for follow-ups) to what the question asks. Pure and synchronous; the rules of
 * `INTENT_RULES` are tried in order and the first that matches decides.
 */
import type { ParsedQuery } from '../query/understand.js';
import { buildIntentContext, type PreviousTurn } from './context.js';
import { FALLBACK_RULE, INTENT_RULES } from './rules.js';
import type { Intent } from './types.js';

export { CUES } from './cues.js';
export type { PreviousTurn } from './context.js';

/** An intent and the name of the rule that decided it (`FALLBACK_RULE` when none did), for the answer log. */
export interface DetectedIntent {
  intent: Intent;
  rule: string;
}

/** Detects the intent of a parsed question and says which rule of the table decided it. */
export function detectIntentWithRule(query: ParsedQuery, previous: PreviousTurn | null): DetectedIntent {
  const context = buildIntentContext(query, previous);
  for (const rule of INTENT_RULES) {
    const intent = rule.match(context);
    if (intent) return { intent, rule: rule.name };
  }
  return { intent: { kind: 'content' }, rule: FALLBACK_RULE };
}

/** Detects the intent of a parsed question; `previous` lets "Thế còn Sở Tài chính?" reuse the last question's shape. */
export function detectIntent(query: ParsedQuery, previous: PreviousTurn | null): Intent {
  return detectIntentWithRule(query, previous).intent;
}
