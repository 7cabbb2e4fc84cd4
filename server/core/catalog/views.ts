/**
 * The shapes faces show: tasks with their units spelled out, task details with the verbatim
 * source of each field, document summaries.
 */
import type { CorpusDocument, FieldSource, Registry, Signer, Task, Unit } from '../../../ingest/types.js';
import type { DocumentFacts, DocumentSummary, SignerView, TaskDetail, TaskView, UnitView } from '../types.js';

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

function quoteOf(source: FieldSource): { section: string; quote: string } {
  return { section: source.address, quote: source.text };
}

function toSignerView(signer: Signer | null): SignerView | null {
  return signer ? { name: signer.name, position: signer.role, authority: [...signer.authority] } : null;
}

/** The header facts of a document, flat, with verbatim sources for what came from elsewhere. */
export function toDocumentFacts(document: CorpusDocument): DocumentFacts {
  const { header } = document;
  const factSources = Object.fromEntries(
    Object.entries(header.factSources ?? {}).flatMap(([fact, source]) => (source ? [[fact, quoteOf(source)]] : [])),
  );
  return {
    type: document.type,
    title: document.title,
    number: header.number,
    issuedDate: header.issuedDate,
    issuer: header.issuer,
    issuerParent: header.issuerParent ?? null,
    place: header.place,
    signer: toSignerView(document.signer),
    recipients: [...document.recipients],
    bases: [...(header.bases ?? [])],
    effectiveDate: header.effectiveDate ?? null,
    effectiveSource: header.effectiveSource ? quoteOf(header.effectiveSource) : null,
    replaces: (header.replaces ?? []).map((item) => ({ number: item.number, ...quoteOf(item.source) })),
    factSources,
    gaps: (header.gaps ?? []).map((gap) => ({ ...gap })),
  };
}

/** A document's summary for lists. */
export function toDocumentSummary(document: CorpusDocument): DocumentSummary {
  return { id: document.id, ...toDocumentFacts(document), file: document.file, sections: document.sections.length };
}

/**
 * A document for its own page: the whole document (header, text, sections) with its facts
 * flat beside it; the signer keeps `role` and gains `position`, the same words.
 */
export function toDocumentDetail(document: CorpusDocument): CorpusDocument & Omit<DocumentFacts, 'signer'> & { signer: (Signer & SignerView) | null } {
  const facts = toDocumentFacts(document);
  const signer = document.signer && facts.signer ? { ...document.signer, position: facts.signer.position } : null;
  return { ...document, ...facts, signer };
}
