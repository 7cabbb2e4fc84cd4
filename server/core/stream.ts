/**
 * The streamed answer: `citations`, then `delta` pieces of the text, then `done` with the
 * whole response — the same response `ask` returns. Extractive text goes out in groups of a
 * few words; a model's reply goes out sentence by sentence as its tokens arrive, each sentence
 * checked for markers before it is sent.
 */
import { buildMessages, SentenceGate, type ModelSource } from '../llm/model-answer.js';
import type { Reply } from './answer/respond.js';
import { enforceCitations } from './answer/citations.js';
import { extractiveResponse } from './response.js';
import type { AnswerEnvironment } from './environment.js';
import { answerWithModel, FALLBACK_NOTICE, modelSources, type ModelPath } from './model-path.js';
import type { AskEvent, AskResponse } from './types.js';

/** Words per extractive delta. */
const WORDS_PER_DELTA = 4;

export interface StreamInput {
  environment: AnswerEnvironment;
  modelPath: ModelPath | null;
  extract: () => Promise<{ reply: Reply; conversationId: string }>;
  question: string;
  signal?: AbortSignal;
}

/** Streams one answer. */
export async function* streamAnswer(input: StreamInput): AsyncGenerator<AskEvent> {
  const { reply, conversationId } = await input.extract();
  const response = extractiveResponse(input.environment, reply, conversationId);
  if (!input.modelPath || reply.abstained || reply.citations.length === 0) {
    yield* emitWhole(response);
    return;
  }
  const sources = await modelSources(input.environment, reply);
  if (!input.modelPath.model.stream) {
    const outcome = await answerWithModel(input.modelPath, input.question, reply, sources, input.signal);
    const llm = outcome.ok ? { ...enforceCitations(input.environment.registry, outcome.answer, outcome.citations), mode: 'llm' as const } : null;
    yield* emitWhole(llm ? { ...response, ...llm } : { ...response, notice: outcome.ok ? undefined : outcome.notice });
    return;
  }
  yield* streamFromModel(input, response, reply, sources);
}

/** An answer known in full: citations, word groups, done. */
function* emitWhole(response: AskResponse): Generator<AskEvent> {
  yield { type: 'citations', citations: response.citations };
  const words = response.answer.split(/(?<=\s)/);
  for (let index = 0; index < words.length; index += WORDS_PER_DELTA) {
    yield { type: 'delta', text: words.slice(index, index + WORDS_PER_DELTA).join('') };
  }
  yield { type: 'done', response };
}

/**
 * The model's tokens, gated sentence by sentence. Until the first checked sentence nothing
 * is sent, so a failure before it still falls back cleanly to the extractive answer; a failure
 * after it ends the answer with what was checked.
 */
async function* streamFromModel(input: StreamInput, response: AskResponse, reply: Reply, sources: readonly ModelSource[]): AsyncGenerator<AskEvent> {
  const modelPath = input.modelPath as ModelPath;
  const gate = new SentenceGate(sources.length);
  const citations = sources.map((source) => source.citation);
  const sent: string[] = [];
  const send = function* (sentences: string[]): Generator<AskEvent> {
    for (const sentence of sentences) {
      if (sent.length === 0) yield { type: 'citations', citations };
      yield { type: 'delta', text: sent.length === 0 ? sentence : ` ${sentence}` };
      sent.push(sentence);
    }
  };
  try {
    const messages = buildMessages(modelPath.templates, input.question, sources, reply.answer);
    for await (const piece of (modelPath.model.stream as NonNullable<typeof modelPath.model.stream>)(messages, { signal: input.signal })) {
      yield* send(gate.push(piece));
    }
    yield* send(gate.flush());
  } catch (error) {
    if (input.signal?.aborted) throw error;
    if (sent.length === 0) {
      yield* emitWhole({ ...response, notice: FALLBACK_NOTICE.error });
      return;
    }
  }
  if (sent.length === 0) {
    yield* emitWhole({ ...response, notice: FALLBACK_NOTICE.unchecked });
    return;
  }
  yield { type: 'done', response: { ...response, ...enforceCitations(input.environment.registry, sent.join(' '), citations), mode: 'llm' } };
}
