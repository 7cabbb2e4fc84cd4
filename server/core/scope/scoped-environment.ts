/**
 * The environment seen through a scope: the registry's documents, tasks and obligations of the
 * documents in play, and searches confined to them. Everything after the scope stage reads
 * this view, so no later stage can wander into a document the question is not about. The
 * query context (vocabulary, lexicon, known documents) stays the whole corpus's.
 */
import type { IndexHit, LoadedIndex, Registry } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { Scope } from './scope.js';

/** How much deeper a search reads when several documents (not one) confine it. */
const FILTER_DEPTH = 4;

/** The environment confined to a scope; the environment itself when the scope is every document. */
export function scopedEnvironment(environment: AnswerEnvironment, scope: Scope): AnswerEnvironment {
  const all = environment.registry.documents;
  if (scope.documentIds.length === all.length) return withDefault(environment, scope);
  const ids = new Set(scope.documentIds);
  const registry = scopedRegistry(environment.registry, ids);
  return { ...environment, registry, index: confinedIndex(environment.index, registry, ids), defaultDocumentId: onlyDocument(registry, scope) };
}

/** Most scoped registries kept per registry; a corpus of many documents has many more possible scopes. */
const MAX_SCOPED_REGISTRIES = 256;

/** Scoped registries made so far, per whole registry and set of documents. */
const scopedRegistries = new WeakMap<Registry, Map<string, Registry>>();

/**
 * The registry's documents, tasks and obligations of the documents in `ids`. The same scope
 * gives the same object on every question, so that what later stages remember of a registry
 * (counts, lookups) is not made anew for each question that names a document.
 */
function scopedRegistry(whole: Registry, ids: ReadonlySet<string>): Registry {
  let made = scopedRegistries.get(whole);
  if (!made) scopedRegistries.set(whole, (made = new Map()));
  const key = [...ids].sort().join('\u0000');
  let registry = made.get(key);
  if (!registry) {
    registry = {
      ...whole,
      documents: whole.documents.filter((document) => ids.has(document.id)),
      tasks: whole.tasks.filter((task) => ids.has(task.documentId)),
      obligations: whole.obligations.filter((obligation) => ids.has(obligation.documentId)),
    };
    if (made.size < MAX_SCOPED_REGISTRIES) made.set(key, registry);
  }
  return registry;
}

function withDefault(environment: AnswerEnvironment, scope: Scope): AnswerEnvironment {
  const defaultDocumentId = onlyDocument(environment.registry, scope);
  return defaultDocumentId === environment.defaultDocumentId ? environment : { ...environment, defaultDocumentId };
}

/** The one document in play, when there is one: general questions about "the document" mean it. */
function onlyDocument(registry: Registry, scope: Scope): string | null {
  return scope.documentIds.length === 1 ? (registry.documents.find((document) => document.id === scope.documentIds[0])?.id ?? null) : null;
}

function confinedIndex(index: LoadedIndex, registry: Registry, ids: ReadonlySet<string>): LoadedIndex {
  const only = ids.size === 1 ? [...ids][0] : undefined;
  const keep = (hits: IndexHit[], k: number): IndexHit[] =>
    hits.filter((hit) => ids.has(index.chunkById.get(hit.chunkId)?.documentId ?? '')).slice(0, k);
  const view: LoadedIndex = Object.create(index) as LoadedIndex;
  Object.assign(view, {
    registry,
    searchLexical(query: string, k: number, documentId?: string): IndexHit[] {
      if (documentId !== undefined || only !== undefined) return index.searchLexical(query, k, documentId ?? only);
      return keep(index.searchLexical(query, k * FILTER_DEPTH), k);
    },
    async searchVector(query: string, k: number, documentId?: string): Promise<IndexHit[]> {
      if (documentId !== undefined || only !== undefined) return index.searchVector(query, k, documentId ?? only);
      return keep(await index.searchVector(query, k * FILTER_DEPTH), k);
    },
  });
  return view;
}
