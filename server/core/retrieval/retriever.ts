/**
 * The hybrid search as a LangChain retriever, for the model path and for anyone composing
 * LangChain chains over the index. Documents carry the passage text and where it stands.
 */
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { LoadedIndex } from '../../../ingest/types.js';
import { hybridSearch } from './hybrid.js';

/** Metadata of a retrieved passage. */
export interface PassageMetadata {
  chunkId: string;
  documentId: string;
  address: string;
  score: number;
}

export interface HybridRetrieverInput extends BaseRetrieverInput {
  index: LoadedIndex;
  /** Passages returned; default 5. */
  k?: number;
  /** Restricts retrieval to one document. */
  documentId?: string;
}

/** LangChain retriever over `hybridSearch`. */
export class HybridRetriever extends BaseRetriever {
  lc_namespace = ['plan_assistant', 'retrievers', 'hybrid'];

  private readonly index: LoadedIndex;
  private readonly k: number;
  private readonly documentId: string | undefined;

  constructor(fields: HybridRetrieverInput) {
    super(fields);
    this.index = fields.index;
    this.k = fields.k ?? 5;
    this.documentId = fields.documentId;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    const hits = await hybridSearch(this.index, query, { k: this.k, documentId: this.documentId });
    return hits.map(
      (hit) =>
        new Document<PassageMetadata>({
          pageContent: hit.chunk.text,
          metadata: { chunkId: hit.chunk.id, documentId: hit.chunk.documentId, address: hit.chunk.address, score: hit.score },
        }),
    );
  }
}
