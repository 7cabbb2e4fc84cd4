/**
 * Obligations as faces show them (SPEC: Obligation): who must do what in each loaded document,
 * with the document's short name and the Vietnamese label of every place quoted.
 */
import { resolveUnit } from '../../../ingest/extract/index.js';
import { DOCUMENT_TYPES } from '../../../ingest/document-types.js';
import { addressLabel } from '../../../ingest/parse/labels.js';
import type { DocumentType, FieldSource, Obligation, Registry } from '../../../ingest/types.js';
import { InvalidInputError, NotFoundError } from '../../../common/errors.js';
import type { ObligationFilter, ObligationView, PlaceQuote } from '../types.js';
import { unitViews } from './views.js';
import { documentById } from '../registry-lookup.js';

/**
 * "NĐ 335/2025" for 335/2025/NĐ-CP, "KH 141" for 141/KH-UBND, "Luật 80/2025" for 80/2025/QH15:
 * the type's abbreviation (its name when it has none) and the number's leading numeric parts.
 * A document without a number is named by its type alone.
 */
export function documentShortName(type: DocumentType, numberText: string | null): string {
  const entry = DOCUMENT_TYPES.find((item) => item.type === type);
  const word = entry?.symbols[0] ?? entry?.name ?? type;
  const number = numberText?.trim();
  if (!number) return entry?.name ?? word;
  const parts = number.split('/');
  const numeric = parts.slice(0, Math.max(1, parts.findIndex((part) => /\p{L}/u.test(part)))).join('/');
  return `${word} ${numeric || number}`;
}

function placeQuote(source: FieldSource): PlaceQuote {
  return { section: source.address, label: addressLabel(source.address), quote: source.text };
}

function toObligationView(registry: Registry, obligation: Obligation): ObligationView {
  const document = documentById(registry.documents, obligation.documentId);
  const view: ObligationView = {
    id: obligation.id,
    documentId: obligation.documentId,
    documentShortName: document ? documentShortName(document.type, document.header.number) : obligation.documentId,
    documentTitle: document?.title ?? obligation.documentId,
    address: obligation.address,
    label: addressLabel(obligation.address),
    role: obligation.role,
    action: obligation.action,
    timeline: { ...obligation.timeline },
    units: unitViews(registry, obligation.actors),
    sources: {
      actor: placeQuote(obligation.sources.actor),
      action: placeQuote(obligation.sources.action),
      timeline: obligation.sources.timeline ? placeQuote(obligation.sources.timeline) : null,
    },
  };
  if (obligation.taskAddress !== undefined) view.taskAddress = obligation.taskAddress;
  return view;
}

/** The obligations of the loaded documents, filtered by unit (any alias), document and role. */
export function listObligations(registry: Registry, filter: ObligationFilter = {}): ObligationView[] {
  let unitId: string | null = null;
  if (filter.unit !== undefined && filter.unit.trim() !== '') {
    const unit = resolveUnit(filter.unit, registry.units);
    if (!unit) throw new InvalidInputError(`Không nhận ra đơn vị “${filter.unit}”. Hãy dùng tên đơn vị như trong văn bản, ví dụ “${registry.units[0]?.name ?? ''}”.`);
    unitId = unit.id;
  }
  if (filter.documentId !== undefined && !registry.documents.some((document) => document.id === filter.documentId)) {
    throw new NotFoundError(`Không tìm thấy văn bản “${filter.documentId}”.`);
  }
  const order = new Map(registry.documents.map((document, index) => [document.id, index]));
  return registry.obligations
    .filter((obligation) => unitId === null || obligation.actors.includes(unitId))
    .filter((obligation) => filter.documentId === undefined || obligation.documentId === filter.documentId)
    .filter((obligation) => filter.role === undefined || obligation.role === filter.role)
    .map((obligation, index) => ({ obligation, index }))
    .sort((a, b) => (order.get(a.obligation.documentId) ?? 0) - (order.get(b.obligation.documentId) ?? 0) || a.index - b.index)
    .map(({ obligation }) => toObligationView(registry, obligation));
}
