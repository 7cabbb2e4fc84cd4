/**
 * Answers about documents the corpus cites or expects: number, date, issuer, subject, where
 * they are cited, and whether their text is loaded. Of a document whose text is not loaded the
 * assistant says only what the citing document says, and a question about its content is
 * declined (the caller marks the answer abstained).
 */
import { documentLabel } from './format.js';
import { DOCUMENT_TYPE_NAMES } from '../../../ingest/document-types.js';
import type { CorpusDocument, Registry } from '../../../ingest/types.js';
import type { CitedPlace, KnownDocument } from '../query/document-mentions.js';
import { foldedTokens } from '../../../common/text-key.js';
import { formatDate, joinVi, placeLabel } from './format.js';
import { splitSentences } from '../read/sentences.js';
import type { ComposeContext } from './task-answers.js';
import { documentById } from '../registry-lookup.js';

/** "Chỉ thị số 18/CT-TTg ngày 08/5/2026 của Thủ tướng Chính phủ" — the identity line of a known document. */
export function identityOf(document: KnownDocument): string {
  const reference = document.reference;
  const expected = document.expected;
  const number = reference?.number ?? expected?.number ?? null;
  const typeText = reference?.typeText ?? null;
  const head = number ? `${typeText ?? typeFromTitle(expected?.title) ?? 'Văn bản'} số ${number}` : (expected?.title ?? reference?.subject ?? 'Văn bản');
  const date = reference?.date ?? expected?.date ?? null;
  const issuer = reference?.issuer ?? expected?.issuer ?? null;
  return `${head}${date ? ` ngày ${formatDate(date)}` : ''}${issuer ? ` của ${issuer}` : ''}`;
}

function typeFromTitle(title: string | undefined): string | null {
  if (!title) return null;
  const name = Object.values(DOCUMENT_TYPE_NAMES).find((type) => title.startsWith(type));
  return name ?? null;
}

/** What the corpus knows of each document: identity, subject, where cited (quoted), loaded or not. */
export function composeReferences(context: ComposeContext, documents: readonly KnownDocument[]): string {
  return documents.map((document) => referenceParagraph(context, document)).join('\n\n');
}

function referenceParagraph(context: ComposeContext, document: KnownDocument): string {
  const places = citedPlaces(context.registry, document);
  const subject = document.reference?.subject ?? subjectFromTitle(document);
  const markers = places.map((place) => context.citations.cite(place.documentId, place.address, place.quote));
  const sentences = [`${identityOf(document)}${subject ? ` ${subject}` : ''} ${markers[0] ?? ''}`.trim() + '.'];
  const citing = [...new Set(places.map((place) => place.documentId))];
  for (const documentId of citing) {
    const own = places.map((place, index) => ({ place, marker: markers[index] })).filter((item) => item.place.documentId === documentId);
    // One or two places: what they say of it is the answer ("Bãi bỏ … Nghị định số 33/2023/NĐ-CP …").
    const quoted = own.length <= QUOTED_PLACES;
    const where = joinVi(own.map((item) => (quoted ? `${placeLabel(item.place.address)}: “${item.place.quote.trim()}” ${item.marker}` : `${placeLabel(item.place.address)} ${item.marker}`)));
    sentences.push(`${citingName(context, documentId)} nhắc đến văn bản này tại ${where}.`);
  }
  const citers = citing.length === 1 ? citingName(context, citing[0]) : 'các văn bản đã nạp';
  sentences.push(
    document.loadedAs
      ? `Toàn văn văn bản này đã được nạp vào hệ thống.`
      : `Toàn văn văn bản này chưa được nạp vào hệ thống, nên chỉ nêu được những gì ${citers} viết về nó.`,
  );
  return sentences.join(' ');
}

/** Most places of one citing document quoted in full; more are listed by label. */
const QUOTED_PLACES = 2;

/** How a citing document is named in a sentence ("Kế hoạch số 141/KH-UBND"), by its id. */
function citingName(context: ComposeContext, documentId: string): string {
  const document = documentById(context.registry.documents, documentId);
  return document ? documentLabel(document) : 'Văn bản';
}

/** "về nâng cao chất lượng …" from an expected document's title, when no reference gives a subject. */
function subjectFromTitle(document: KnownDocument): string | null {
  const title = document.expected?.title ?? '';
  const at = title.indexOf(' về ');
  return at >= 0 ? title.slice(at + 1) : null;
}

/**
 * Where the corpus cites a document: the reference's places, or — for an expected document
 * without a number ("khung năng lực") — the sentences that name it by one of its aliases.
 */
export function citedPlaces(registry: Registry, document: KnownDocument): CitedPlace[] {
  if (document.reference && document.reference.citedIn.length > 0) {
    return document.reference.citedIn.map((place) => ({ documentId: place.documentId, address: place.address, quote: place.quote }));
  }
  // Scanning every section for an alias is costly on a large corpus: once per known document.
  document.placesByAlias ??= placesByAlias(registry, document);
  return document.placesByAlias;
}

function placesByAlias(registry: Registry, document: KnownDocument): CitedPlace[] {
  const aliases = [document.expected?.title ?? '', ...(document.expected?.aliases ?? [])]
    .map((alias) => foldedTokens(alias).join(' '))
    .filter((alias) => alias.split(' ').length >= 2);
  const places: CitedPlace[] = [];
  for (const corpusDocument of registry.documents) {
    for (const section of corpusDocument.sections) {
      if (section.kind !== 'item' && section.kind !== 'subitem' && section.kind !== 'paragraph' && section.kind !== 'preamble') continue;
      const sentence = splitSentences(section.text).find((candidate) => {
        const folded = ` ${foldedTokens(candidate.text).join(' ')} `;
        return aliases.some((alias) => folded.includes(` ${alias} `));
      });
      if (sentence) places.push({ documentId: corpusDocument.id, address: section.address, quote: sentence.text });
    }
  }
  return places.slice(0, 3);
}

/** The answer to a question about the content of a document whose text is not loaded. */
export function unloadedContentAnswer(documents: readonly KnownDocument[]): string {
  const names = documents.filter((document) => !document.loadedAs).map((document) => {
    const subject = document.reference?.subject ?? subjectFromTitle(document);
    return `${identityOf(document)}${subject ? ` (${subject})` : ''}`;
  });
  return (
    `Các văn bản đã nạp không chứa toàn văn ${joinVi(names)}, nên không thể trả lời về nội dung của văn bản này. ` +
    `Các văn bản đã nạp chỉ dẫn chiếu văn bản này (số hiệu, ngày, cơ quan ban hành, trích yếu) mà không nêu nội dung đó. ` +
    `Bạn có thể hỏi văn bản này được dẫn chiếu ở đâu, hoặc hỏi về nội dung của các văn bản đã nạp.`
  );
}

/** "Nghị định số 335/2025/NĐ-CP có nhắc đến phụ lục …, nhưng bản đã nạp không có phần phụ lục …" */
export function appendixNotLoadedAnswer(documents: readonly CorpusDocument[]): string {
  const names = documents.map((document) => documentLabel(document)).join(', ');
  return `${names} có nhắc đến phụ lục hoặc mẫu được hỏi, nhưng bản văn bản đã nạp không có phần phụ lục, nên trợ lý không thể nêu nội dung của phụ lục đó. Bạn có thể hỏi điều khoản nào dẫn chiếu phụ lục này.`;
}
