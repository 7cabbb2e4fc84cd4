/**
 * Documents cited by corpus documents, found by their number ("Chỉ thị số 18/CT-TTg ngày
 * 08/5/2026 của Thủ tướng Chính phủ về …"): number, type, date, issuer, subject, every place
 * cited (address and verbatim clause), and whether the corpus holds the cited text.
 */
import { foldVietnamese } from '../normalize/index.js';
import { slugify } from '../parse/index.js';
import type { CorpusDocument, ExpectedDocument, Reference, Section, Span } from '../types.js';

const TYPE_WORDS =
  'Thông tư liên tịch|Thông báo|Chỉ thị|Nghị quyết|Văn bản|Công văn|Quyết định|Nghị định|Thông tư|Kế hoạch|Kết luận|Quy định|Hướng dẫn|Luật|Pháp lệnh|Đề án|Chương trình|Báo cáo|Tờ trình';
const CITATION = new RegExp(
  `(?<![\\p{L}])(?<type>${TYPE_WORDS})\\s+(?:số\\s+)?(?<number>\\d{1,5}(?:\\/\\d{4})?[-/][\\p{L}\\p{N}]+(?:[-/.][\\p{L}\\p{N}]+)*)`,
  'giu',
);
const DATE_NUMERIC = /^\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/iu;
const DATE_WORDS = /^\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const ISSUER = /^\s+của\s+(.+?)(?=\s+về\s|\s+v\/v\s|[;,\n]|\.(?:\s|$|\/)|$)/u;
const SUBJECT = /^\s+(về\s+[^;\n]*?)(?=;|\.(?:\s|$|\/)|\n|$)/u;
const CLAUSE_START = /[;\n]|[.!?](?=\s)/g;
const CLAUSE_END = /[;\n]|[.!?](?=\s|$)/;
const LEADING_MARK = /^(?:[-+•]\s+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s+|\[\d{1,3}\]\s+|\d{1,3}[.)]\s+|[a-zđ]\)\s+)/u;

function numberKey(number: string): string {
  return foldVietnamese(number).replace(/\s+/g, '');
}

function isoDate(day: string, month: string, year: string): string | null {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/** The clause around a citation: from the previous ";" or sentence end to the next one. */
function citingClause(text: string, from: number, to: number): Span {
  let start = 0;
  for (const match of text.slice(0, from).matchAll(CLAUSE_START)) start = match.index + match[0].length;
  const after = text.slice(to);
  const end = CLAUSE_END.exec(after);
  let stop = to + (end ? end.index + (/[.!?]/.test(end[0]) ? 1 : 0) : after.length);
  while (start < stop && /\s/.test(text[start])) start += 1;
  const mark = LEADING_MARK.exec(text.slice(start, stop));
  if (mark) start += mark[0].length;
  while (stop > start && /\s/.test(text[stop - 1])) stop -= 1;
  return { start, end: stop };
}

function smallestSection(sections: readonly Section[], offset: number): Section | undefined {
  let best: Section | undefined;
  for (const section of sections) {
    if (section.span.start > offset || offset >= section.span.end) continue;
    if (!best || section.span.end - section.span.start < best.span.end - best.span.start) best = section;
  }
  return best;
}

/** Where the text of a cited number lives in the corpus, if it does. */
function loadedAs(number: string, documents: CorpusDocument[], expected: ExpectedDocument[]): string | null {
  const wanted = numberKey(number);
  const byHeader = documents.find((doc) => doc.header.number && numberKey(doc.header.number) === wanted);
  if (byHeader) return byHeader.id;
  const listed = expected.find((entry) => entry.number && entry.file && numberKey(entry.number) === wanted);
  return listed && documents.some((doc) => doc.id === listed.id) ? listed.id : null;
}

/** Reads one citation's details from the text right after its number. */
function details(after: string): { date: string | null; issuer: string | null; subject: string | null } {
  const date = DATE_NUMERIC.exec(after) ?? DATE_WORDS.exec(after);
  let rest = date ? after.slice(date[0].length) : after;
  const issuer = ISSUER.exec(rest);
  if (issuer) rest = rest.slice(issuer[0].length);
  const subject = SUBJECT.exec(rest);
  return {
    date: date ? isoDate(date[1], date[2], date[3]) : null,
    issuer: issuer ? issuer[1].trim() : null,
    subject: subject ? subject[1].trim() : null,
  };
}

/** Every document cited in `documents`, deduplicated by number, in order of first citation. */
export function extractReferences(documents: CorpusDocument[], expected: ExpectedDocument[]): Reference[] {
  const byNumber = new Map<string, Reference>();
  for (const doc of documents) {
    const own = doc.header.number ? numberKey(doc.header.number) : null;
    const sections = doc.sections.filter((section) => section.kind !== 'header');
    for (const match of doc.text.matchAll(CITATION)) {
      const number = match.groups?.number ?? '';
      const key = numberKey(number);
      if (!/\p{L}/u.test(number) || key === own) continue;
      const section = smallestSection(sections, match.index);
      if (!section) continue;
      const end = match.index + match[0].length;
      const found = details(doc.text.slice(end, end + 600));
      let reference = byNumber.get(key);
      if (!reference) {
        reference = { id: slugify(number), number, typeText: match.groups?.type ?? '', date: null, issuer: null, subject: null, citedIn: [], loadedAs: loadedAs(number, documents, expected) };
        byNumber.set(key, reference);
      }
      reference.date ??= found.date;
      reference.issuer ??= found.issuer;
      reference.subject ??= found.subject;
      const span = citingClause(doc.text, match.index, end);
      reference.citedIn.push({ documentId: doc.id, address: section.address, quote: doc.text.slice(span.start, span.end), span });
    }
  }
  return [...byNumber.values()];
}
