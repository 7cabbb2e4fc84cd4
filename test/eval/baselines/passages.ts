/**
 * What both baselines share: passages located in a document's normalized text, and the
 * address of the section a passage stands in, so the shared scorer can check sections.
 */
import type { CorpusDocument, Registry } from '../../../ingest/types.js';
import type { AskResponse, Citation } from '../../../server/core/types.js';

/** A retrievable passage: verbatim text of a document at a known offset, with its address. */
export interface Passage {
  documentId: string;
  address: string;
  text: string;
  start: number;
}

/** A baseline answering the eval's questions the way a plain retriever would. */
export interface Baseline {
  /** Short name for tables ("BM25 (đoạn văn)"). */
  name: string;
  /** The top passage as the answer, with one citation of it; abstains only when nothing is found. */
  answer(question: string): Promise<AskResponse>;
  /** Addresses of the top `k` passages, best first (duplicates kept: rank positions matter). */
  rank(question: string, k?: number): Promise<string[]>;
}

/**
 * The innermost section containing `offset`: the smallest span that holds it. Falls back to
 * the nearest section before the offset (text between sections, such as blank lines).
 */
export function addressAt(document: CorpusDocument, offset: number): string {
  let best: { address: string; length: number } | null = null;
  let before: { address: string; start: number } | null = null;
  for (const section of document.sections) {
    const { start, end } = section.span;
    if (start <= offset && offset < end && (best === null || end - start < best.length)) {
      best = { address: section.address, length: end - start };
    }
    if (start <= offset && (before === null || start > before.start)) before = { address: section.address, start };
  }
  return best?.address ?? before?.address ?? 'header';
}

/** Blank-line separated paragraphs of `text`, trimmed, with their start offsets. */
export function splitParagraphs(text: string): Array<{ text: string; start: number }> {
  const paragraphs: Array<{ text: string; start: number }> = [];
  const pattern = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) paragraphs.push({ text: trimmed, start: (match.index ?? 0) + leading });
  }
  return paragraphs;
}

/** Finds `passage` in `text` at or after `from`, then anywhere; -1 when it is not verbatim. */
export function locate(text: string, passage: string, from: number): number {
  const after = text.indexOf(passage, from);
  return after !== -1 ? after : text.indexOf(passage);
}

/** A document by id, for titles in citations. */
export function documentsById(registry: Registry): Map<string, CorpusDocument> {
  return new Map(registry.documents.map((document) => [document.id, document]));
}

/** The baseline's answer: the passage itself, citing it once; an abstention when there is none. */
export function answerFromPassage(passage: Passage | undefined, documents: Map<string, CorpusDocument>): AskResponse {
  if (!passage) {
    return {
      answer: 'Không tìm thấy đoạn văn nào phù hợp với câu hỏi.',
      citations: [],
      abstained: true,
      conversationId: 'baseline',
      mode: 'extractive',
    };
  }
  const citation: Citation = {
    documentId: passage.documentId,
    documentTitle: documents.get(passage.documentId)?.title ?? passage.documentId,
    section: passage.address,
    quote: passage.text,
  };
  return { answer: `${passage.text} [1]`, citations: [citation], abstained: false, conversationId: 'baseline', mode: 'extractive' };
}
