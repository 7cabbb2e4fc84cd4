/**
 * The `documentId` argument of the tools: a loaded document's id, or its number as people
 * write it ("335/2025/NĐ-CP", "335/2025/ND-CP", "số 141/KH-UBND") or its short name
 * ("NĐ 335/2025"). Anything else is an error that names the loaded documents, so a model can
 * correct its call; an expected document that is not loaded says so.
 */
import { NotFoundError } from '../../common/errors.js';
import { foldForMatch } from '../../ingest/normalize/index.js';
import { documentShortName } from '../core/catalog/obligations.js';
import type { DocumentSummary, PlanAssistant } from '../core/types.js';

/** A number or name folded for comparison: no diacritics, case, "số", spaces or "." in it. */
function numberKey(value: string): string {
  return foldForMatch(value)
    .replace(/^so\s+/, '')
    .replace(/[\s.]+/g, '');
}

/** How a document is named in tool texts: its short name and its id ("NĐ 335/2025 [nghi-dinh-335-…]"). */
export function documentName(document: Pick<DocumentSummary, 'id' | 'type' | 'number'>): string {
  return `${documentShortName(document.type, document.number)} [${document.id}]`;
}

/** The keys a document answers to, besides its id. */
function keysOf(document: DocumentSummary): string[] {
  const keys = [documentShortName(document.type, document.number)];
  if (document.number) keys.push(document.number);
  return keys.map(numberKey);
}

/** The loaded document `ref` names; throws `NotFoundError` naming the loaded documents when none. */
export function resolveDocumentRef(assistant: PlanAssistant, ref: string): string {
  const value = ref.trim();
  const { documents, expected } = assistant.listDocuments();
  if (documents.some((document) => document.id === value)) return value;
  const key = numberKey(value);
  const matches = documents.filter((document) => keysOf(document).includes(key));
  if (matches.length === 1) return matches[0].id;
  const loaded = documents.map(documentName).join('; ') || '(chưa có)';
  const absent = expected.find((item) => !item.present && (item.id === value || (item.number !== null && numberKey(item.number) === key)));
  const why = absent ? ` Văn bản “${absent.title}” được dự kiến nhưng chưa được nạp vào kho.` : '';
  const which = matches.length > 1 ? `“${value}” khớp với nhiều văn bản; hãy dùng mã văn bản.` : `Không tìm thấy văn bản “${value}” (theo mã hoặc số hiệu).`;
  throw new NotFoundError(`${which}${why} Các văn bản đã nạp: ${loaded}.`);
}

/** `resolveDocumentRef` for an optional argument. */
export function resolveOptionalDocumentRef(assistant: PlanAssistant, ref: string | undefined): string | undefined {
  return ref === undefined ? undefined : resolveDocumentRef(assistant, ref);
}
