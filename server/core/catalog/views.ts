/**
 * The shapes faces show: tasks with their units spelled out and their places labelled, task
 * details with the verbatim source of each field, document summaries with their names and
 * dates also as Vietnamese text (display.ts), so no face computes a label or formats a date.
 */
import type { CorpusDocument, FieldSource, Registry, Signer, Task, Unit } from '../../../ingest/types.js';
import { formatOptionalDate } from '../answer/format.js';
import type { DocumentFacts, DocumentSummary, PlaceQuote, SignerView, TaskDetail, TaskView, UnitView } from '../types.js';
import { labelOf, ROLE_TEXT, toTimelineView, typeName, writtenNumber } from './display.js';
import { documentShortName } from './obligations.js';
import { documentById, sectionAt } from '../registry-lookup.js';

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
    label: labelOf(task.address),
    number: task.number,
    title: task.title,
    lead: unitViews(registry, task.lead),
    coordinating: unitViews(registry, task.coordinating),
    timeline: toTimelineView(task.timeline),
  };
}

function sourceView(source: FieldSource | null): PlaceQuote | null {
  return source ? quoteOf(source) : null;
}

/** A task with its assignments, sources and footnotes. */
export function toTaskDetail(registry: Registry, task: Task): TaskDetail {
  const document = documentById(registry.documents, task.documentId);
  return {
    ...toTaskView(registry, task),
    text: task.text,
    assignments: task.assignments.flatMap((assignment) => {
      const unit = registry.units.find((item) => item.id === assignment.unitId);
      if (!unit) return [];
      const { address, text } = assignment.source;
      // The role in words and the place's label ride beside the fields the core type declares.
      const item: TaskDetail['assignments'][number] & { roleText: string; label: string } = {
        unit: toUnitView(unit),
        role: assignment.role,
        roleText: ROLE_TEXT[assignment.role],
        duty: assignment.duty,
        quote: text,
        section: address,
        label: labelOf(address),
      };
      return [item];
    }),
    sources: {
      title: quoteOf(task.sources.title),
      lead: sourceView(task.sources.lead),
      coordinating: sourceView(task.sources.coordinating),
      timeline: sourceView(task.sources.timeline),
    },
    footnotes: task.footnotes.flatMap((address) => {
      const section = document ? sectionAt(document, address) : undefined;
      return section ? [{ section: address, label: labelOf(address, section.label), text: section.text }] : [];
    }),
  };
}

function quoteOf(source: FieldSource): PlaceQuote {
  return { section: source.address, label: labelOf(source.address), quote: source.text };
}

function toSignerView(signer: Signer | null): SignerView | null {
  return signer ? { name: signer.name, position: signer.role, authority: [...signer.authority] } : null;
}

/** What faces show of a document's facts as text: its names, its number as written, its dates. */
export interface DocumentFactsText {
  /** "Nghị định". */
  typeName: string;
  /** "NĐ 335/2025"; the type name when the document has no number. */
  shortName: string;
  /** The number, or the number line as written without its "Số:" when the number is blank ("/KH-UBND"). */
  numberText: string | null;
  /** "21/12/2025"; null when the document gives no date. */
  issuedDateText: string | null;
  effectiveDateText: string | null;
}

/** The header facts of a document, flat, with verbatim sources for what came from elsewhere. */
export function toDocumentFacts(document: CorpusDocument): DocumentFacts & DocumentFactsText {
  const { header } = document;
  const factSources = Object.fromEntries(
    Object.entries(header.factSources ?? {}).flatMap(([fact, source]) => (source ? [[fact, quoteOf(source)]] : [])),
  );
  return {
    type: document.type,
    typeName: typeName(document.type),
    shortName: documentShortName(document.type, header.number),
    title: document.title,
    number: header.number,
    numberText: header.number ?? writtenNumber(header.numberText),
    issuedDate: header.issuedDate,
    issuedDateText: formatOptionalDate(header.issuedDate),
    issuer: header.issuer,
    issuerParent: header.issuerParent ?? null,
    place: header.place,
    signer: toSignerView(document.signer),
    recipients: [...document.recipients],
    bases: [...(header.bases ?? [])],
    effectiveDate: header.effectiveDate ?? null,
    effectiveDateText: formatOptionalDate(header.effectiveDate),
    effectiveSource: header.effectiveSource ? quoteOf(header.effectiveSource) : null,
    replaces: (header.replaces ?? []).map((item) => ({ number: item.number, ...quoteOf(item.source) })),
    factSources,
    gaps: (header.gaps ?? []).map((gap) => ({ ...gap })),
  };
}

/** A document's summary for lists. */
export function toDocumentSummary(document: CorpusDocument): DocumentSummary & DocumentFactsText {
  return { id: document.id, ...toDocumentFacts(document), file: document.file, sections: document.sections.length };
}

/**
 * A document for its own page: the whole document (header, text, sections) with its facts
 * flat beside it; the signer keeps `role` and gains `position`, the same words.
 */
export function toDocumentDetail(
  document: CorpusDocument,
): CorpusDocument & Omit<DocumentFacts, 'signer'> & DocumentFactsText & { signer: (Signer & SignerView) | null } {
  const facts = toDocumentFacts(document);
  const signer = document.signer && facts.signer ? { ...document.signer, position: facts.signer.position } : null;
  return { ...document, ...facts, signer };
}
