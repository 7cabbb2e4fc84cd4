/**
 * `registry.json` without the text it repeats. Every section's text, every field source's text
 * and every citing quote is, by contract, a slice of its document's normalized text; a task's
 * text is its item's section text and its title its title source's text. Storing them again
 * made the file ~2.5× larger than needed (52 MB for a 6 MB generated corpus). On write such a
 * text is dropped only when it equals what it repeats; on read it is put back, so what is
 * loaded equals what was built.
 */
import type { CorpusDocument, FieldSource, Reference, Registry, Span, Task } from '../types.js';

type Spanned = { span: Span } & Record<string, unknown>;

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** A copy of `value` without `value[key]` when it equals the slice of `text` at `value.span`. */
function dropDerived<T extends { span: Span }>(value: T, key: keyof T & string, text: string): T {
  const record = value as unknown as Spanned;
  if (record[key] !== slice(text, record.span)) return value;
  const { [key]: _dropped, ...rest } = record;
  return rest as unknown as T;
}

/** `value` with `value[key]` put back from the slice of `text` when it was dropped. */
function restoreDerived<T extends { span: Span }>(value: T, key: keyof T & string, text: string): T {
  return key in value ? value : ({ ...value, [key]: slice(text, value.span) } as T);
}

/** The registry as stored: derivable texts removed. */
export function encodeRegistry(registry: Registry): Registry {
  const textById = new Map(registry.documents.map((doc) => [doc.id, doc.text]));
  const textOf = (documentId: string) => textById.get(documentId) ?? '';
  const sectionTexts = sectionTextIndex(registry.documents);
  return {
    ...registry,
    documents: registry.documents.map((doc) => ({ ...doc, sections: doc.sections.map((section) => dropDerived(section, 'text', doc.text)) })),
    tasks: registry.tasks.map((task) => encodeTask(task, textOf(task.documentId), sectionTexts)),
    references: registry.references.map((reference) => ({
      ...reference,
      citedIn: reference.citedIn.map((place) => dropDerived(place, 'quote', textOf(place.documentId))),
    })),
  };
}

/** The registry as built, from what `encodeRegistry` stored. */
export function decodeRegistry(stored: Registry): Registry {
  const documents = stored.documents.map(
    (doc): CorpusDocument => ({ ...doc, sections: doc.sections.map((section) => restoreDerived(section, 'text', doc.text)) }),
  );
  const textById = new Map(documents.map((doc) => [doc.id, doc.text]));
  const textOf = (documentId: string) => textById.get(documentId) ?? '';
  const sectionTexts = sectionTextIndex(documents);
  return {
    ...stored,
    documents,
    tasks: stored.tasks.map((task) => decodeTask(task, textOf(task.documentId), sectionTexts)),
    references: stored.references.map(
      (reference): Reference => ({
        ...reference,
        citedIn: reference.citedIn.map((place) => restoreDerived(place, 'quote', textOf(place.documentId))),
      }),
    ),
  };
}

/** Section texts by `${documentId}#${address}`. */
function sectionTextIndex(documents: CorpusDocument[]): Map<string, string> {
  return new Map(documents.flatMap((doc) => doc.sections.map((section): [string, string] => [`${doc.id}#${section.address}`, section.text])));
}

function encodeTask(task: Task, documentText: string, sectionTexts: Map<string, string>): Task {
  const stored: Partial<Task> = mapTaskSources(task, (source) => dropDerived(source, 'text', documentText));
  if (task.text === sectionTexts.get(`${task.documentId}#${task.address}`)) delete stored.text;
  if (task.title === task.sources.title.text) delete stored.title;
  return stored as Task;
}

function decodeTask(stored: Task, documentText: string, sectionTexts: Map<string, string>): Task {
  const task = mapTaskSources(stored, (source) => restoreDerived(source, 'text', documentText));
  return {
    ...task,
    title: 'title' in stored ? stored.title : task.sources.title.text,
    text: 'text' in stored ? stored.text : (sectionTexts.get(`${task.documentId}#${task.address}`) ?? ''),
  };
}

/** A task with `map` applied to each of its field sources (title, lead, coordinating, timeline, assignments). */
function mapTaskSources(task: Task, map: (source: FieldSource) => FieldSource): Task {
  const sources = task.sources;
  return {
    ...task,
    sources: {
      title: map(sources.title),
      lead: sources.lead && map(sources.lead),
      coordinating: sources.coordinating && map(sources.coordinating),
      timeline: sources.timeline && map(sources.timeline),
    },
    assignments: task.assignments.map((assignment) => ({ ...assignment, source: map(assignment.source) })),
  };
}
