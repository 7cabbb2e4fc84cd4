/**
 * The optional model path: the extractive reply's citations (plus, for open questions, the
 * passages of the LangChain hybrid retriever) become numbered sources; the model words the answer; its markers
 * are checked. Any failure — an error, a time-out, garbage, no cited sentence — falls back to
 * the extractive answer with a notice. Abstaining is decided before, never by the model.
 */
import type { ChatModel } from '../llm/chat-model.js';
import { buildMessages, checkReply, type ModelSource } from '../llm/model-answer.js';
import type { PromptTemplates } from '../llm/prompts.js';
import type { Reply } from './answer/respond.js';
import { documentLabel, placeLabel } from './answer/format.js';
import type { AnswerEnvironment } from './environment.js';
import { HybridRetriever } from './retrieval/retriever.js';
import { searchText } from './retrieval/task-finder.js';
import type { Citation } from './types.js';
import { documentById } from './registry-lookup.js';

/** Most sources given to the model. */
const MAX_SOURCES = 6;

/** Why the answer is extractive although a model is configured (Vietnamese, for the user). */
export const FALLBACK_NOTICE = {
  error: 'Không gọi được mô hình ngôn ngữ (lỗi kết nối hoặc quá thời gian chờ); câu trả lời dưới đây được trích trực tiếp từ văn bản.',
  unchecked: 'Câu trả lời của mô hình ngôn ngữ không có trích dẫn hợp lệ nên không được dùng; câu trả lời dưới đây được trích trực tiếp từ văn bản.',
} as const;

export interface ModelPath {
  model: ChatModel;
  templates: PromptTemplates;
}

export type ModelOutcome = { ok: true; answer: string; citations: Citation[] } | { ok: false; notice: string };

/** The numbered sources of a reply. */
export async function modelSources(environment: AnswerEnvironment, reply: Reply): Promise<ModelSource[]> {
  const sources: ModelSource[] = reply.citations.map((citation) => ({ citation, heading: headingOf(environment, citation), text: citation.quote }));
  if (reply.intent.kind === 'content' || (reply.intent.kind === 'task' && reply.intent.aspects.includes('content'))) {
    const retriever = new HybridRetriever({ index: environment.index, k: MAX_SOURCES });
    for (const passage of await retriever.invoke(searchText(reply.query))) {
      if (sources.length >= MAX_SOURCES) break;
      const { documentId, address } = passage.metadata;
      if (sources.some((source) => source.citation.section === address && source.citation.documentId === documentId)) continue;
      const document = documentById(environment.registry.documents, documentId);
      const citation: Citation = { documentId, documentTitle: document?.title ?? documentId, section: address, quote: passage.pageContent };
      sources.push({ citation, heading: headingOf(environment, citation), text: passage.pageContent });
    }
  }
  return sources;
}

function headingOf(environment: AnswerEnvironment, citation: Citation): string {
  const document = documentById(environment.registry.documents, citation.documentId);
  return `${document ? documentLabel(document) : citation.documentTitle} — ${placeLabel(citation.section)}`;
}

/** Asks the model for the whole answer and checks it. */
export async function answerWithModel(path: ModelPath, question: string, reply: Reply, sources: readonly ModelSource[], signal?: AbortSignal): Promise<ModelOutcome> {
  let text: string;
  try {
    text = await path.model.complete(buildMessages(path.templates, question, sources, reply.answer), { signal });
  } catch {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    return { ok: false, notice: FALLBACK_NOTICE.error };
  }
  const checked = checkReply(text, sources.length);
  if (!checked) return { ok: false, notice: FALLBACK_NOTICE.unchecked };
  return { ok: true, answer: checked, citations: sources.map((source) => source.citation) };
}
