/**
 * Documents a conversation has referred to: "Chỉ thị đó ban hành ngày nào?" after a turn
 * about Chỉ thị 18 is about Chỉ thị 18, not about the plan. The question's own mentions win;
 * the remembered ones stand in only when it names none and points back at one.
 */
import { DOCUMENT_TYPE_NAMES } from '../../../ingest/document-types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { DocumentFact } from '../intent/types.js';
import type { KnownDocument } from '../query/document-mentions.js';
import { foldedTokens } from '../../../common/text-key.js';
import type { ParsedQuery } from '../query/understand.js';

/** The question with the remembered documents as its mentions when it points back at them. */
export function withRememberedDocuments(query: ParsedQuery, remembered: readonly string[], known: readonly KnownDocument[]): ParsedQuery {
  if (!query.refersToDocument || query.documents.length > 0 || remembered.length === 0) return query;
  const candidates = remembered.flatMap((id) => known.filter((item) => item.id === id));
  // "Nghị quyết này" after a turn listing a notice, a directive and a resolution: the resolution.
  const ofKind = candidates.filter((document) => {
    const kind = kindText(document);
    return kind !== null && query.text.includes(` ${kind} `);
  });
  const chosen = ofKind.length > 0 ? ofKind : candidates;
  // Not found in the question's words: no token range.
  const documents = chosen.map((document) => ({ document, start: -1, end: -1 }));
  return documents.length > 0 ? { ...query, documents } : query;
}

/** The folded kind word a document is cited with ("nghi quyet"), if known. */
function kindText(document: KnownDocument): string | null {
  const text = document.reference?.typeText ?? (document.expected ? DOCUMENT_TYPE_NAMES[document.expected.type] : null);
  return text ? foldedTokens(text).join(' ') : null;
}

/** The document ids a turn leaves for the next: those it answered about, else the ones remembered before. */
export function documentsToRemember(answered: readonly KnownDocument[], before: readonly string[]): string[] {
  return answered.length > 0 ? answered.map((document) => document.id) : [...before];
}

/**
 * The documents a document-fact answer names: the ones a plan cites (in its preamble for its
 * bases), so that "nghị quyết này" after "Kế hoạch căn cứ những văn bản nào?" finds its own.
 */
export function citedDocuments(environment: AnswerEnvironment, documentId: string, facts: readonly DocumentFact[]): KnownDocument[] {
  if (!facts.includes('bases') && !facts.includes('references')) return [];
  const basesOnly = !facts.includes('references');
  return environment.query.documents.filter((document) =>
    document.reference?.citedIn.some((place) => place.documentId === documentId && (!basesOnly || place.address === 'preamble')),
  );
}
