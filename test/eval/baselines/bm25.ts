/**
 * Baseline 1: plain BM25 over the paragraphs of each document, with minisearch's default
 * tokenizer and default search options (no folding of diacritics, no prefix or fuzzy match).
 * The top paragraph is the answer.
 */
import MiniSearch from 'minisearch';
import type { Registry } from '../../../ingest/types.js';
import { addressAt, answerFromPassage, documentsById, splitParagraphs, type Baseline, type Passage } from './passages.js';

/** Every document split on blank lines; each paragraph addressed by the section that contains it. */
export function paragraphPassages(registry: Registry): Passage[] {
  return registry.documents.flatMap((document) =>
    splitParagraphs(document.text).map((paragraph) => ({
      documentId: document.id,
      address: addressAt(document, paragraph.start),
      text: paragraph.text,
      start: paragraph.start,
    })),
  );
}

/** Builds the BM25 paragraph baseline over the registry's documents. */
export function createBm25Baseline(registry: Registry): Baseline {
  const passages = paragraphPassages(registry);
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(passages.map((passage, id) => ({ id, text: passage.text })));
  const documents = documentsById(registry);
  const top = (question: string, k: number) =>
    index
      .search(question)
      .slice(0, k)
      .map((result) => passages[result.id as number]);
  return {
    name: 'BM25 (đoạn văn)',
    async answer(question) {
      return answerFromPassage(top(question, 1)[0], documents);
    },
    async rank(question, k = 5) {
      return top(question, k).map((passage) => passage.address);
    },
  };
}
