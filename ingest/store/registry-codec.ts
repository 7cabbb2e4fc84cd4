/**
 * `registry.json` without the text it repeats. Every section's text, every field source's text
 * and every citing quote is, by contract, a slice of its document's normalized text; a task's
 * text is its item's section text and its title its title source's text. Storing them again
 * made the file ~2.5× larger than needed (52 MB for a 6 MB generated corpus). On write such a
 * text is dropped only when it equals what it repeats; on read it is put back, so what is
 * loaded equals what was built.
 */
import type { CorpusDocument, FieldSource, Obligation, Registry, Section, Span, Task } from '../types.js';

type Spanned = { span: Span } & Record<string, unknown>;

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** A copy of `value` without `value[key]` when it equals the slice of `text` at `value.span`. */
function dropDerived<T extends { span: Span }>(value: T, key: keyof T & string, text: string): T {
  const record = value as unknown as Spanned;
  if (record[key] !== slice(text, record.span)) return value;
  const { [key]: _dropped, ...rest } = record;
  return rest as unknown as T;
}

/** The registry as stored: derivable texts removed. */
export function encodeRegistry(registry: Registry): Registry {
  const textById = new Map(registry.documents.map((doc) => [doc.id, doc.text]));
  const textOf = (documentId: string) => textById.get(documentId) ?? '';
  const sectionSpans = sectionSpanIndex(registry.documents);
  return {
    ...registry,
    documents: registry.documents.map((doc) => ({ ...doc, sections: doc.sections.map((section) => dropDerived(section, 'text', doc.text)) })),
    tasks: registry.tasks.map((task) => encodeTask(task, textOf(task.documentId), sectionSpans)),
    obligations: (registry.obligations ?? []).map((obligation) => encodeObligation(obligation, textOf(obligation.documentId))),
    references: registry.references.map((reference) => ({
      ...reference,
      citedIn: reference.citedIn.map((place) => dropDerived(place, 'quote', textOf(place.documentId))),
    })),
  };
}

/**
 * The registry as built, from what `encodeRegistry` stored. Restores **in place**: `stored` is
 * freshly parsed and owned by the caller; copying every section and task object (hundreds of
 * thousands at 100k chunks) took as long as parsing the file. Restored keys land last, where
 * a copy with the key added would put them.
 */
export function decodeRegistry(stored: Registry): Registry {
  for (const doc of stored.documents) restoreSectionTexts(doc.sections, doc.text);
  const textById = new Map(stored.documents.map((doc) => [doc.id, doc.text]));
  const textOf = (documentId: string) => textById.get(documentId) ?? '';
  for (const task of stored.tasks) decodeTask(task, textOf(task.documentId));
  // An index written before obligations were stored has none.
  stored.obligations ??= [];
  for (const obligation of stored.obligations) decodeObligation(obligation, textOf(obligation.documentId));
  for (const reference of stored.references) {
    for (const place of reference.citedIn) restoreInPlace(place, 'quote', textOf(place.documentId));
  }
  return stored;
}

/** Puts `value[key]` back from the slice of `text` when it was dropped. */
function restoreInPlace<T extends { span: Span }>(value: T, key: keyof T & string, text: string): void {
  const record = value as unknown as Spanned;
  if (!(key in record)) record[key as string] = slice(text, record.span);
}

/**
 * Puts back, in place, the section texts `encodeRegistry` dropped; returns `sections`. Separate
 * so that a reader can restore one document's sections when it first needs them.
 */
export function restoreSectionTexts(sections: Section[], documentText: string): Section[] {
  for (const section of sections) restoreInPlace(section, 'text', documentText);
  return sections;
}

/** Spans of the sections whose text is their slice, by `${documentId}#${address}`. */
function sectionSpanIndex(documents: CorpusDocument[]): Map<string, { text: string; span: Span }> {
  return new Map(documents.flatMap((doc) => doc.sections.map((section): [string, { text: string; span: Span }] => [`${doc.id}#${section.address}`, section])));
}

/**
 * A task's text is its item's section text: stored as that section's span (`textSpan`), so that
 * restoring it needs the document's text only, not its sections.
 */
function encodeTask(task: Task, documentText: string, sections: Map<string, { text: string; span: Span }>): Task {
  const stored: Partial<Task> & { textSpan?: Span } = mapTaskSources(task, (source) => dropDerived(source, 'text', documentText));
  const section = sections.get(`${task.documentId}#${task.address}`);
  if (section && task.text === section.text && task.text === slice(documentText, section.span)) {
    delete stored.text;
    stored.textSpan = section.span;
  }
  if (task.title === task.sources.title.text) delete stored.title;
  return stored as Task;
}

function decodeTask(task: Task, documentText: string): void {
  const { sources } = task;
  for (const source of [sources.title, sources.lead, sources.coordinating, sources.timeline]) if (source) restoreInPlace(source, 'text', documentText);
  for (const assignment of task.assignments) restoreInPlace(assignment.source, 'text', documentText);
  const record = task as Partial<Task> & Pick<Task, 'documentId' | 'address'>;
  if (!('title' in record)) record.title = sources.title.text;
  const stored = record as { textSpan?: Span };
  if (stored.textSpan) {
    const span = stored.textSpan;
    delete stored.textSpan;
    record.text = slice(documentText, span);
  }
  if (!('text' in record)) record.text = '';
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

/**
 * An obligation's source texts are slices of its document's text, and its action is its action
 * source's text: stored without them.
 */
function encodeObligation(obligation: Obligation, documentText: string): Obligation {
  const { sources } = obligation;
  const stored: Partial<Obligation> = {
    ...obligation,
    sources: {
      actor: dropDerived(sources.actor, 'text', documentText),
      action: dropDerived(sources.action, 'text', documentText),
      timeline: sources.timeline && dropDerived(sources.timeline, 'text', documentText),
    },
  };
  if (obligation.action === sources.action.text) delete stored.action;
  return stored as Obligation;
}

function decodeObligation(obligation: Obligation, documentText: string): void {
  const { sources } = obligation;
  for (const source of [sources.actor, sources.action, sources.timeline]) if (source) restoreInPlace(source, 'text', documentText);
  if (!('action' in obligation)) (obligation as Obligation).action = sources.action.text;
}
