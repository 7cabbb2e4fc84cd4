/**
 * Baseline 2: plain LangChain RAG — `RecursiveCharacterTextSplitter` (1000/200) and HNSWLib
 * over the same embedder as ours; the nearest chunk is the answer. A chunk is addressed by the
 * section at its centre in the normalized text (a 1000-character chunk usually starts in the
 * tail of the previous section because of the overlap).
 */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Embeddings } from '@langchain/core/embeddings';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Registry } from '../../../ingest/types.js';
import { addressAt, answerFromPassage, documentsById, locate, type Baseline, type Passage } from './passages.js';

/** The splitter's chunks of every document, located in its normalized text. */
export async function recursiveChunkPassages(registry: Registry): Promise<Passage[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const passages: Passage[] = [];
  for (const document of registry.documents) {
    let cursor = 0;
    for (const chunk of await splitter.splitText(document.text)) {
      const found = locate(document.text, chunk, cursor);
      // The splitter keeps text verbatim in practice; if it ever does not, keep the chunk at the cursor.
      const start = found === -1 ? cursor : found;
      cursor = start + 1;
      passages.push({
        documentId: document.id,
        address: addressAt(document, start + Math.floor(chunk.length / 2)),
        text: chunk,
        start,
      });
    }
  }
  return passages;
}

/** Builds the LangChain RAG baseline; embeds every chunk once with `embeddings`. */
export async function createLangchainRagBaseline(registry: Registry, embeddings: Embeddings): Promise<Baseline> {
  const passages = await recursiveChunkPassages(registry);
  const store = await HNSWLib.fromTexts(
    passages.map((passage) => passage.text),
    passages.map((_, position) => ({ position })),
    embeddings,
  );
  const documents = documentsById(registry);
  const top = async (question: string, k: number) => {
    const results = await store.similaritySearch(question, Math.min(k, passages.length));
    return results.map((result) => passages[result.metadata.position as number]);
  };
  return {
    name: 'LangChain RAG (1000/200 + HNSWLib)',
    async answer(question) {
      return answerFromPassage((await top(question, 1))[0], documents);
    },
    async rank(question, k = 5) {
      return (await top(question, k)).map((passage) => passage.address);
    },
  };
}
