/**
 * The plan assistant: the one core every face calls. Built over one loaded index; holds no
 * global state. Conversations live in a `ConversationStore` that may be passed in, so a
 * server that swaps indexes keeps them (a new index = a new assistant, same store).
 */
import type { LoadedIndex } from '../../ingest/types.js';
import type { AppConfig } from '../../common/config.js';
import type { ChatModel } from '../llm/chat-model.js';
import { createOpenAIChatModel } from '../llm/openai-chat-model.js';
import { loadPromptTemplates, type PromptTemplates } from '../llm/prompts.js';
import { enforceCitations } from './answer/citations.js';
import { respond, type Reply } from './answer/respond.js';
import { extractiveResponse } from './response.js';
import * as catalog from './catalog/catalog.js';
import { ConversationStore } from './conversation.js';
import { buildEnvironment, type AnswerEnvironment } from './environment.js';
import { InvalidInputError, NotFoundError } from '../../common/errors.js';
import { listObligations } from './catalog/obligations.js';
import { answerWithModel, modelSources, type ModelPath } from './model-path.js';
import type { QueryVocabulary } from './query/vocabulary.js';
import { hybridSearch } from './retrieval/hybrid.js';
import { questionIndex } from './retrieval/search-memo.js';
import { streamAnswer } from './stream.js';
import type { AskRequest, PlanAssistant, SearchHit } from './types.js';
import { documentById } from './registry-lookup.js';

export interface PlanAssistantDeps {
  index: LoadedIndex;
  config: AppConfig;
  /** A language model; by default one is made from the configuration when `config.llmEnabled`. */
  llm?: ChatModel;
  /** Clock for conversation expiry. */
  now?: () => Date;
  /** Conversation memory shared across index swaps; by default a new store bounded by the configuration. */
  conversations?: ConversationStore;
  /** Query vocabulary; by default the shipped `ingest/vocabulary/query-synonyms.json`. */
  vocabulary?: QueryVocabulary;
  /** Prompt templates; by default the shipped `prompts/`. */
  prompts?: PromptTemplates;
}

/** Longest question accepted, in characters. */
export const MAX_QUESTION_CHARS = 2000;

/** Creates the assistant over an index. */
export function createPlanAssistant(deps: PlanAssistantDeps): PlanAssistant & { close(): void } {
  const environment = buildEnvironment(deps.index, deps.vocabulary);
  const conversations =
    deps.conversations ??
    new ConversationStore({ maxConversations: deps.config.CONVERSATION_MAX, ttlMinutes: deps.config.CONVERSATION_TTL_MINUTES, now: deps.now });
  const model = deps.llm ?? (deps.config.llmEnabled ? createOpenAIChatModel(deps.config) : undefined);
  const modelPath: ModelPath | null = model ? { model, templates: deps.prompts ?? loadPromptTemplates() } : null;

  // The environment as plain data, made on the first question: its lazy `unitShapes` getter made
  // copying it for every question (`{ ...environment }`) take V8's slow path, ~5 µs each.
  let plain: AnswerEnvironment | null = null;

  /** The extractive reply and the conversation id, with the conversation updated. */
  async function extract(request: AskRequest): Promise<{ reply: Reply; conversationId: string }> {
    const question = validQuestion(request.question);
    const conversationId = request.conversationId?.trim() || conversations.newId();
    const previous = conversations.get(conversationId);
    plain ??= { ...environment };
    const reply = await respond(forQuestion(requested(plain, request.documentId)), question, previous);
    // An abstention says nothing about a task: the conversation keeps pointing where it was.
    if (!reply.abstained || !previous) conversations.set(conversationId, reply.memory);
    return { reply, conversationId };
  }

  return {
    async ask(request, options = {}) {
      const { reply, conversationId } = await extract(request);
      const response = extractiveResponse(environment, reply, conversationId);
      if (!modelPath || reply.abstained || reply.citations.length === 0) return response;
      const sources = await modelSources(environment, reply);
      const outcome = await answerWithModel(modelPath, request.question, reply, sources, options.signal);
      if (!outcome.ok) return { ...response, notice: outcome.notice };
      return { ...response, ...enforceCitations(environment.registry, outcome.answer, outcome.citations), mode: 'llm' };
    },
    askStream(request, options = {}) {
      return streamAnswer({ environment, modelPath, extract: () => extract(request), question: request.question, signal: options.signal });
    },
    async search(query, options = {}) {
      const k = Math.min(Math.max(1, Math.floor(options.k ?? 5)), 50);
      const hits = await hybridSearch(environment.index, query, { k, documentId: options.documentId });
      return hits.map((hit): SearchHit => ({
        documentId: hit.chunk.documentId,
        documentTitle: documentById(environment.registry.documents, hit.chunk.documentId)?.title ?? hit.chunk.documentId,
        address: hit.chunk.address,
        text: hit.chunk.text,
        score: Number(hit.score.toFixed(6)),
      }));
    },
    listTasks: (filter) => catalog.listTasks(environment, filter),
    getTask: (addressOrNumber, documentId) => catalog.getTask(environment, addressOrNumber, documentId),
    listUnits: () => environment.registry.units.map((unit) => ({ ...unit, aliases: [...unit.aliases] })),
    listObligations: (filter) => listObligations(environment.registry, filter),
    listDocuments: () => catalog.listDocuments(environment),
    getDocument: (id) => catalog.getDocument(environment, id),
    getSection: (documentId, address) => catalog.getSection(environment, documentId, address),
    listReferences: () => catalog.listReferences(environment),
    stats: () => catalog.stats(environment),
    close() {
      // Nothing to release: the index belongs to the caller, the store outlives the assistant.
    },
  };
}

/** The environment with the caller's document in front of the scope stage; throws `NotFoundError` for an id not loaded. */
function requested(environment: AnswerEnvironment, documentId: string | undefined): AnswerEnvironment {
  const id = documentId?.trim();
  if (!id) return environment;
  if (!environment.registry.documents.some((document) => document.id === id)) {
    const loaded = environment.registry.documents.map((document) => document.id).join(', ');
    throw new NotFoundError(`Không có văn bản “${id}” trong kho. Các văn bản đã nạp: ${loaded}.`);
  }
  return { ...environment, requestedDocumentId: id };
}

/** The environment one question is answered in: its repeated searches are served once (see `questionIndex`). */
function forQuestion(environment: AnswerEnvironment): AnswerEnvironment {
  return { ...environment, index: questionIndex(environment.index) };
}

function validQuestion(question: unknown): string {
  if (typeof question !== 'string' || question.trim() === '') throw new InvalidInputError('Câu hỏi không được để trống.');
  if (question.length > MAX_QUESTION_CHARS) throw new InvalidInputError(`Câu hỏi dài quá ${MAX_QUESTION_CHARS} ký tự.`);
  return question.trim();
}
