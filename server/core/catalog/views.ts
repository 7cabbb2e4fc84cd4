/**
 * The shapes faces show: tasks with their units spelled out, task details with the verbatim
 * source of each field, document summaries.
 */
import type { CorpusDocument, FieldSource, Registry, Task, Unit } from '../../../ingest/types.js';
import type { DocumentSummary, TaskDetail, TaskView, UnitView } from '../types.js';

/** A unit as faces show it. */
export function toUnitView(unit: Unit): UnitView {
  return { name: unit.name, aliases: [...unit.aliases], level: unit.level };
}

/** Unit views of ids, skipping ids the registry does not know. */
export function unitViews(registry: Registry, ids: readonly string[]): UnitView[] {
  return ids.flatMap((id) => {
    const unit = registry.units.find((item) => item.id === id);
    return unit ? [toUnitView(unit)] : [];
  });
}

/** A task row of the table. */
export function toTaskView(registry: Registry, task: Task): TaskView {
  return {
    documentId: task.documentId,
    address: task.address,
    number: task.number,
    title: task.title,
    lead: unitViews(registry, task.lead),
    coordinating: unitViews(registry, task.coordinating),
    timeline: { ...task.timeline },
  };
}

function sourceView(source: FieldSource | null): { section: string; quote: string } | null {
  return source ? { section: source.address, quote: source.text } : null;
}

/** A task with its assignments, sources and footnotes. */
export function toTaskDetail(registry: Registry, task: Task): TaskDetail {
  const document = registry.documents.find((doc) => doc.id === task.documentId);
  return {
    ...toTaskView(registry, task),
    text: task.text,
    assignments: task.assignments.flatMap((assignment) => {
      const unit = registry.units.find((item) => item.id === assignment.unitId);
      if (!unit) return [];
      return [{ unit: toUnitView(unit), role: assignment.role, duty: assignment.duty, quote: assignment.source.text, section: assignment.source.address }];
    }),
    sources: {
      title: { section: task.sources.title.address, quote: task.sources.title.text },
      lead: sourceView(task.sources.lead),
      coordinating: sourceView(task.sources.coordinating),
      timeline: sourceView(task.sources.timeline),
    },
    footnotes: task.footnotes.flatMap((address) => {
      const section = document?.sections.find((item) => item.address === address);
      return section ? [{ section: address, text: section.text }] : [];
    }),
  };
}

/** A document's summary for lists. */
export function toDocumentSummary(document: CorpusDocument): DocumentSummary {
  return {
    id: document.id,
    type: document.type,
    title: document.title,
    number: document.header.number,
    issuer: document.header.issuer,
    issuedDate: document.header.issuedDate,
    file: document.file,
    sections: document.sections.length,
  };
}
