/**
 * Everything the answer core derives from one index, built once when an assistant is created:
 * the query vocabulary compiled against the index's units and documents, the corpus lexicon,
 * and lookup tables. A new index gets a new environment; nothing here is global.
 */
import type { LoadedIndex, Registry, Task } from '../../ingest/types.js';
import { readUnitShapes, type UnitShapes } from '../../ingest/extract/index.js';
import { compileKnownDocuments } from './query/document-mentions.js';
import { buildLexicon, lexiconFromWords, type Lexicon } from './query/lexicon.js';
import { STOP_WORDS } from './query/stopwords.js';
import type { QueryContext } from './query/understand.js';
import { buildTypoDictionary, type TypoDictionary } from './query/typos.js';
import { compileUnitMatcher } from './query/unit-mentions.js';
import { loadQueryVocabulary, type QueryVocabulary } from './query/vocabulary.js';
import { enclosingHeadings, passageTerms, type PassageTerms } from './retrieval/support.js';

export interface AnswerEnvironment {
  index: LoadedIndex;
  registry: Registry;
  query: QueryContext;
  /** Task of each chunk that lies in a task item. */
  taskByChunkId: Map<string, Task>;
  /** The document general questions are about by default: the first plan, else the first document. */
  defaultDocumentId: string | null;
  /** The one document the caller asked to answer from (`AskRequest.documentId`); it wins the scope stage. */
  requestedDocumentId?: string;
  /** Syllables and pairs of a chunk (text and enclosing headings), computed on first use. */
  chunkTerms(chunkId: string): PassageTerms;
  /** Syllables and pairs of any text, cached by the caller's key (a task, a section). */
  textTerms(key: string, text: () => string): PassageTerms;
  /** The shapes of unit names (`unit-shapes.json`), read on first use, for units no document names. */
  readonly unitShapes: UnitShapes;
}

/** Builds the environment of an index; `vocabulary` defaults to the shipped query vocabulary. */
export function buildEnvironment(index: LoadedIndex, vocabulary: QueryVocabulary = loadQueryVocabulary()): AnswerEnvironment {
  const { registry } = index;
  const knownWords = new Set<string>([...vocabulary.words, ...STOP_WORDS]);
  // The lexicon reads every passage: built on the first question, not at start-up.
  let lexicon: Lexicon | null = null;
  let typos: TypoDictionary | null = null;
  const query: QueryContext = {
    vocabulary,
    get lexicon() {
      // An index that collected its words at ingest spares reading every chunk again.
      lexicon ??= index.words ? lexiconFromWords(index.words, index.chunks.length) : buildLexicon(index.chunks);
      return lexicon;
    },
    get typos() {
      return (typos ??= buildTypoDictionary(this.lexicon, vocabulary));
    },
    units: compileUnitMatcher(registry.units, vocabulary),
    documents: compileKnownDocuments(registry, vocabulary),
    knownWords,
    defaultYear: documentYear(registry),
  };
  const taskByChunkId = new Map<string, Task>();
  const tasksByDocument = tasksByDocumentAddress(registry.tasks);
  for (const chunk of index.chunks) {
    const tasks = tasksByDocument.get(chunk.documentId);
    const task = tasks && taskAt(tasks, chunk.address);
    if (task) taskByChunkId.set(chunk.id, task);
  }
  let unitShapes: UnitShapes | null = null;
  const termsCache = new Map<string, PassageTerms>();
  const textCache = new Map<string, PassageTerms>();
  return {
    index,
    registry,
    query,
    taskByChunkId,
    // No document is the default when several are loaded: the scope stage says which are in play.
    defaultDocumentId: registry.documents.length === 1 ? registry.documents[0].id : null,
    chunkTerms(chunkId) {
      let terms = termsCache.get(chunkId);
      if (!terms) {
        const chunk = index.chunkById.get(chunkId);
        terms = passageTerms(chunk ? `${enclosingHeadings(chunk)}\n${chunk.text}` : '');
        termsCache.set(chunkId, terms);
      }
      return terms;
    },
    get unitShapes() {
      return (unitShapes ??= readUnitShapes());
    },
    textTerms(key, text) {
      let terms = textCache.get(key);
      if (!terms) {
        terms = passageTerms(text());
        textCache.set(key, terms);
      }
      return terms;
    },
  };
}

/**
 * The year dates typed without one ("trước 30/6") fall in: the year most task deadlines fall
 * in, else the latest year a document states (its issue date or its header's year). Null when
 * nothing dates the corpus.
 */
function documentYear(registry: Registry): number | null {
  const counts = new Map<number, number>();
  for (const task of registry.tasks) {
    if (task.timeline.due) counts.set(Number(task.timeline.due.slice(0, 4)), (counts.get(Number(task.timeline.due.slice(0, 4))) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  if (best) return best[0];
  const stated = registry.documents.map((doc) => doc.header.year ?? (doc.header.issuedDate ? Number(doc.header.issuedDate.slice(0, 4)) : null));
  const years = stated.filter((year): year is number => year !== null);
  return years.length > 0 ? Math.max(...years) : null;
}

/** Tasks by document id, then by address (what `taskKey` joins, kept apart to skip string building per chunk). */
function tasksByDocumentAddress(tasks: Task[]): Map<string, Map<string, Task>> {
  const byDocument = new Map<string, Map<string, Task>>();
  for (const task of tasks) {
    let byAddress = byDocument.get(task.documentId);
    if (!byAddress) byDocument.set(task.documentId, (byAddress = new Map()));
    // A later task of the same key replaces an earlier one, as in a `new Map(entries)`.
    byAddress.set(task.address, task);
  }
  return byDocument;
}

/**
 * The task whose address is `address` or one of its ancestors ("II.6.a" → II.6). Walks the
 * prefixes by cutting at the last dot: at 100k chunks, splitting and joining each address took
 * ~150 ms of building the assistant.
 */
function taskAt(tasks: Map<string, Task>, address: string): Task | undefined {
  let prefix = address;
  for (;;) {
    const task = tasks.get(prefix);
    if (task) return task;
    const dot = prefix.lastIndexOf('.');
    if (dot < 0) return undefined;
    prefix = prefix.slice(0, dot);
  }
}
