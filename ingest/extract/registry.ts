/**
 * The structured registry built at ingest: documents, tasks, obligations, units, references,
 * the expected documents with their presence, and the files that could not be loaded.
 */
import type { CorpusDocument, ExpectedDocument, Registry, SkippedFile, Task } from '../types.js';
import { extractObligations } from './obligations.js';
import { extractReferences } from './references.js';
import { extractTasks } from './tasks.js';
import { unitsByShape } from './unit-shapes.js';
import { loadExtractVocabulary, type ExtractVocabulary, type VocabularyUnit } from './vocabulary.js';

/**
 * A document's tasks: the items of a part titled as tasks ("NHIỆM VỤ, GIẢI PHÁP"), every item
 * with field lines when no part is, and task-table rows. An item of the task part counts only
 * when the document's task items carry fields somewhere (a plan's do; a report's numbered
 * "Nhiệm vụ" list without a single "Đơn vị chủ trì" does not): one rule for every type.
 */
function documentTasks(doc: CorpusDocument, vocabulary: ExtractVocabulary, units: ExtractVocabulary['units']): Task[] {
  const tasks = extractTasks(doc, units, vocabulary.labels);
  const withFields = (task: Task) => task.sources.lead !== null || task.sources.coordinating !== null || task.sources.timeline !== null;
  return tasks.some(withFields) ? tasks : [];
}

/**
 * Builds the registry. Units are the vocabulary's (all of them, mentioned or not) plus those
 * the documents name by shape ("Sở X", "Hội đồng nhân dân tỉnh"); the vocabulary is
 * read from `ingest/vocabulary/` unless passed in (or only its units, as an array).
 */
export function buildRegistry(
  documents: CorpusDocument[],
  expected: ExpectedDocument[],
  skipped: SkippedFile[],
  vocabularyOrUnits: ExtractVocabulary | VocabularyUnit[] = loadExtractVocabulary(),
): Registry {
  const vocabulary = Array.isArray(vocabularyOrUnits) ? { ...loadExtractVocabulary(), units: vocabularyOrUnits } : vocabularyOrUnits;
  const units = unitsByShape(
    documents.map((doc) => doc.text),
    vocabulary.units,
    vocabulary.shapes,
  );
  const tasks = documents.flatMap((doc) => documentTasks(doc, vocabulary, units));
  const obligations = documents.flatMap((doc) => extractObligations(doc, tasks, units, vocabulary));
  const present = new Set(documents.map((doc) => doc.id));
  return {
    documents,
    tasks,
    obligations,
    units,
    references: extractReferences(documents, expected),
    expected: expected.map((entry) => ({ ...entry, present: present.has(entry.id) })),
    skipped,
  };
}
