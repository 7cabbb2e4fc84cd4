/**
 * The words faces show beside the data, computed once on the server so that the API, the
 * pages, the files (CSV, ICS) and the MCP text all say the same: dates in Vietnamese text
 * ("30/6/2026", beside the ISO value), places by their label ("Điều 18 khoản 1", never
 * "dieu.18.khoan.1"), documents by their short name ("NĐ 335/2025"), roles and timeline kinds
 * in words (ingest/vocabulary/display-words.json).
 */
import words from '../../../ingest/vocabulary/display-words.json' with { type: 'json' };
import { DOCUMENT_TYPE_NAMES } from '../../../ingest/document-types.js';
import { addressLabel } from '../../../ingest/parse/labels.js';
import type { DocumentType, ExpectedDocumentStatus, ObligationRole, Reference, Timeline, TimelineKind } from '../../../ingest/types.js';
import { formatDate, formatOptionalDate } from '../answer/format.js';
import { documentShortName } from './obligations.js';
import type { Citation, ObligationView, PlaceQuote, SearchHit } from '../types.js';

/** How each obligation role reads: "Chủ trì", "Phối hợp", … */
export const ROLE_TEXT: Readonly<Record<ObligationRole, string>> = words.roles;

/** How each timeline kind reads: "Có thời hạn", "Thường xuyên", … */
export const KIND_TEXT: Readonly<Record<TimelineKind, string>> = words.timelineKinds;

/** A timeline as faces send it: the kind in words and, for a dated one, the due date as Vietnamese text. */
export type TimelineView = Timeline & { kindText: string; dueText?: string };

/** The timeline with `kindText` and `dueText` ("30/6/2026") beside `due` ("2026-06-30"). */
export function toTimelineView(timeline: Timeline): TimelineView {
  const view: TimelineView = { ...timeline, kindText: KIND_TEXT[timeline.kind] ?? timeline.kind };
  if (timeline.due) view.dueText = formatDate(timeline.due);
  return view;
}

/** The Vietnamese label of an address; a label already given wins. */
export function labelOf(address: string, label?: string | null): string {
  return label?.trim() || addressLabel(address);
}

/** A place quoted as faces send it: with its label. */
export function toPlaceQuote(source: { section: string; quote: string; label?: string }): PlaceQuote {
  return { section: source.section, label: labelOf(source.section, source.label), quote: source.quote };
}

/** "Nghị định" for "nghi-dinh"; "Văn bản" for a type the table does not know. */
export function typeName(type: DocumentType | string): string {
  return (DOCUMENT_TYPE_NAMES as Record<string, string>)[type] ?? DOCUMENT_TYPE_NAMES.other;
}

/** A number line as written, without its "Số:" ("Số: /KH-UBND" → "/KH-UBND"), for a number left blank. */
export function writtenNumber(numberText: string | null | undefined): string | null {
  const bare = numberText?.replace(/^\s*(số|so)\s*[:.]?\s*/iu, '').trim();
  return bare || null;
}

/** Looks up the short name of a loaded document by id; the id when it is not loaded. */
export type ShortNames = (documentId: string) => string;

/** The short-name lookup of a list of documents. */
export function shortNamesOf(documents: ReadonlyArray<{ id: string; type: DocumentType; number: string | null }>): ShortNames {
  const names = new Map(documents.map((doc) => [doc.id, documentShortName(doc.type, doc.number)]));
  return (documentId) => names.get(documentId) ?? documentId;
}

/** A citation as faces send it: with the place's label and the document's short name. */
export type CitationView = Citation & { label: string; documentShortName: string };

/**
 * Adds the label and the document's short name to a citation (same keys in the same order as
 * `{ ...citation, label, documentShortName }`). `Object.assign`, not a spread: in Node 20's V8 a
 * spread followed by new keys takes the slow path and gives every object a map of its own
 * (~3.5 µs per citation here, and every reader of the views then sees a new shape).
 */
export function toCitationView(citation: Citation, shortNames: ShortNames): CitationView {
  return Object.assign({}, citation, { label: labelOf(citation.section, citation.label), documentShortName: shortNames(citation.documentId) });
}

/** A search hit as faces send it: with the passage's label and the document's short name. */
export type SearchHitView = SearchHit & { label: string; documentShortName: string };

/** Adds the label and the document's short name to a search hit. */
export function toSearchHitView(hit: SearchHit, shortNames: ShortNames): SearchHitView {
  return { ...hit, label: labelOf(hit.address, hit.label), documentShortName: shortNames(hit.documentId) };
}

/** An obligation as faces send it: the role in words, the due date as text. */
export type ObligationDisplay = Omit<ObligationView, 'timeline'> & { roleText: string; timeline: TimelineView };

/** Adds `roleText` and the timeline's words to an obligation. */
export function toObligationDisplay(item: ObligationView): ObligationDisplay {
  return { ...item, label: labelOf(item.address, item.label), roleText: ROLE_TEXT[item.role] ?? item.role, timeline: toTimelineView(item.timeline) };
}

/** An expected document as faces send it: its type name, short name and date as text. */
export type ExpectedView = ExpectedDocumentStatus & { typeName: string; shortName: string; dateText: string | null };

/** Adds the type name, the short name and the date as text to an expected document. */
export function toExpectedView(item: ExpectedDocumentStatus): ExpectedView {
  return { ...item, typeName: typeName(item.type), shortName: documentShortName(item.type, item.number), dateText: formatOptionalDate(item.date) };
}

/** A cited document as faces send it: its date as text, and each place citing it with its label. */
export type ReferenceView = Omit<Reference, 'citedIn'> & { dateText: string | null; citedIn: Array<Reference['citedIn'][number] & { label: string }> };

/** Adds the date as text and the labels of the places that cite it. */
export function toReferenceView(reference: Reference): ReferenceView {
  return {
    ...reference,
    dateText: formatOptionalDate(reference.date),
    citedIn: reference.citedIn.map((place) => ({ ...place, label: labelOf(place.address) })),
  };
}
