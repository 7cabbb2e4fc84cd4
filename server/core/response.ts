/**
 * The response a reply becomes, with its citations verified once more before it leaves.
 */
import { enforceCitations } from './answer/citations.js';
import type { Reply } from './answer/respond.js';
import type { AnswerEnvironment } from './environment.js';
import { intentName } from './intent/types.js';
import type { AskResponse } from './types.js';

/** The extractive response of a reply, citations verified. */
export function extractiveResponse(environment: AnswerEnvironment, reply: Reply, conversationId: string): AskResponse {
  const checked = enforceCitations(environment.registry, reply.answer, reply.citations);
  return {
    answer: checked.answer,
    citations: checked.citations,
    abstained: reply.abstained,
    conversationId,
    mode: 'extractive',
    intent: intentName(reply.intent),
    ...(reply.choices ? { choices: reply.choices } : {}),
    ...(reply.abstainReason ? { abstainReason: reply.abstainReason } : {}),
    ...(reply.intentRule ? { intentRule: reply.intentRule } : {}),
  };
}
