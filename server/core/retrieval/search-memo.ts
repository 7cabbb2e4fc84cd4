/**
 * One question's searches, remembered for the rest of that question. Answering one question
 * searches the same text several times at different depths (the task finder reads 80 hits,
 * a scope confined to several documents reads deeper, the clauses read 60 or 64), and each
 * vector search embeds the text again. A view of the index made per question answers a
 * repeated search from the earlier one whenever that gives exactly the hits a new search
 * would; otherwise it searches. Nothing outlives the question: a new view is made for each.
 */
import type { IndexHit, LoadedIndex } from '../../../ingest/types.js';

interface Remembered<T> {
  k: number;
  hits: T;
}

/**
 * The index seen by one question: the same index, whose two searches remember their results.
 *
 * - Lexical: the k best by a total order (score, then chunk order), so the k best are the first
 *   k of any deeper search of the same text and document.
 * - Vector: hnswlib explores max(breadth, k) candidates and drops the farthest. A search of k
 *   ≤ K ≤ breadth explores the same candidates as one of K, so its hits are the first k of K's —
 *   unless the k-th and the (k+1)-th are as near (a tie: which of them hnswlib drops is not the
 *   order the hits come in). Then, and without a known breadth, only the same k is reused.
 */
export function questionIndex(index: LoadedIndex): LoadedIndex {
  return new QuestionIndex(index);
}

/**
 * A class, not `Object.create(index)`: every question's view then has the same shape, so the
 * code reading `index.chunkById` and the like sees one kind of object, not a new one each time.
 */
class QuestionIndex implements LoadedIndex {
  readonly manifest: LoadedIndex['manifest'];
  readonly registry: LoadedIndex['registry'];
  readonly chunks: LoadedIndex['chunks'];
  readonly chunkById: LoadedIndex['chunkById'];
  readonly embeddings: LoadedIndex['embeddings'];
  readonly vectorSearchBreadth: number | undefined;
  private readonly lexical = new Map<string, Remembered<IndexHit[]>>();
  private readonly vector = new Map<string, Remembered<Promise<IndexHit[]>>>();

  constructor(private readonly base: LoadedIndex) {
    this.manifest = base.manifest;
    this.registry = base.registry;
    this.chunks = base.chunks;
    this.chunkById = base.chunkById;
    this.embeddings = base.embeddings;
    this.vectorSearchBreadth = base.vectorSearchBreadth;
  }

  get vectorStore(): LoadedIndex['vectorStore'] {
    return this.base.vectorStore;
  }

  get words(): LoadedIndex['words'] {
    return this.base.words;
  }

  searchLexical(query: string, k: number, documentId?: string): IndexHit[] {
    const key = `${documentId ?? ''}\u0000${query}`;
    const known = this.lexical.get(key);
    if (known && k <= known.k) return known.hits.slice(0, Math.max(0, Math.floor(k)));
    const hits = this.base.searchLexical(query, k, documentId);
    this.lexical.set(key, { k, hits });
    return hits.slice();
  }

  async searchVector(query: string, k: number, documentId?: string): Promise<IndexHit[]> {
    const key = `${documentId ?? ''}\u0000${query}`;
    const known = this.vector.get(key);
    if (known) {
      const hits = await known.hits;
      if (k === known.k) return hits.slice();
      if (known.k <= (this.vectorSearchBreadth ?? 0) && isPrefix(hits, Math.floor(k))) return hits.slice(0, Math.floor(k));
    }
    const hits = this.base.searchVector(query, k, documentId);
    this.vector.set(key, { k, hits });
    return (await hits).slice();
  }
}

/** Whether the first `k` hits are what a search of `k` returns: fewer than all, and not tied with the next. */
function isPrefix(hits: readonly IndexHit[], k: number): boolean {
  return k > 0 && k < hits.length && hits[k - 1].score > hits[k].score;
}
