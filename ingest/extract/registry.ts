/**
 * The structured registry built at ingest: documents, tasks, units, references, the expected
 * documents with their presence, and the files that could not be loaded.
 */
import type { CorpusDocument, ExpectedDocument, Registry, SkippedFile, Unit } from '../types.js';
import { extractReferences } from './references.js';
import { extractTasks } from './tasks.js';
import { loadUnits } from './vocabulary.js';

/**
 * Builds the registry. Tasks come from plans (type ke-hoach) and from any other document whose
 * items carry task fields. Units default to the vocabulary's (all of them, mentioned or not).
 */
export function buildRegistry(
  documents: CorpusDocument[],
  expected: ExpectedDocument[],
  skipped: SkippedFile[],
  units: Unit[] = loadUnits(),
): Registry {
  const tasks = documents.flatMap((doc) =>
    extractTasks(doc, units).filter(
      (task) => doc.type === 'ke-hoach' || task.sources.lead !== null || task.sources.coordinating !== null || task.sources.timeline !== null,
    ),
  );
  const present = new Set(documents.map((doc) => doc.id));
  return {
    documents,
    tasks,
    obligations: [],
    units,
    references: extractReferences(documents, expected),
    expected: expected.map((entry) => ({ ...entry, present: present.has(entry.id) })),
    skipped,
  };
}
