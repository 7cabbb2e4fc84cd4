/**
 * Questions about a cited or expected document (not a loaded one, which is the scope of an
 * answer): which documents the question names, and whether it asks what their text says.
 */
import { hasPhrase, type ParsedQuery } from '../query/understand.js';
import type { KnownDocument } from '../query/document-mentions.js';
import { CUES } from './cues.js';

/** Words that ask about a cited document's identity (not its content): date, issuer, subject, where cited. */
const REFERENCE_META_WORDS = new Set(
  ('ban hanh ngay thang nam van de viec trich yeu chu de linh vuc co quan nguoi ky so hieu nap toan van he thong ' +
    'o dau phan dan chieu can cu nhac trich cap noi dung gia tri hieu luc tai lieu loai ten goi tinh trang hien ' +
    'chi thi nghi quyet thong bao quyet dinh what who when where which date issued issuer subject about title loaded text cited status document')
    .split(' '),
);

/**
 * "nói về gì", "nói gì", "về vấn đề gì", "trích yếu", "what is it about": the subject, which the plan's
 * citation states ("… về nâng cao chất lượng …"), not the content beyond it.
 */
const SUBJECT_QUESTION = /\b(?:noi ve (?:gi|cai gi|van de gi|viec gi)|noi gi|ve (?:van de|viec|linh vuc) gi|trich yeu|chu de|about|subject)\b/;

/** "… phê duyệt theo quyết định nào?", "văn bản nào …": which document, its identity, not what it says. */
const WHICH_DOCUMENT = /\b(?:quyet dinh|nghi dinh|nghi quyet|chi thi|thong tu|thong bao|cong van|van ban|ke hoach|luat) nao\b/;

/** "ở đâu", "phần nào", "mục nào": where a document is cited, not what it says. */
const LOCATION_QUESTION = /\b(?:o dau|cho nao|phan nao|muc nao|nhung phan|nhung muc|where)\b/;

/** "ở đâu", "where": where a document is cited ("mục nào" is left out: folded, it is also "mức nào"). */
const CITED_WHERE = /\b(?:o dau|cho nao|where)\b/;

/**
 * The cited or expected documents a question is about. A number ("17-NQ/TU", "Chỉ thị 18")
 * makes one count whatever else is asked; an alias alone ("khung năng lực") only when no task
 * cue claims the question (`taskShaped`: "Ai chủ trì rà soát khung năng lực?" is about a task)
 * and no loaded document is named beside it.
 */
export function citedDocuments(query: ParsedQuery, taskShaped: boolean): KnownDocument[] {
  // A loaded document named in the question is the scope of the answer, not a citation to describe,
  // unless the question asks where it is cited.
  const cited = CITED_WHERE.test(query.key) || query.cues.has(CUES.cited);
  const loaded = query.documents.filter((mention) => mention.document.loadedAs !== null);
  // "Luật Cán bộ, công chức" names the loaded law, not an unnumbered citation of the same words.
  const overlapsLoaded = (mention: (typeof loaded)[number]): boolean =>
    loaded.some((other) => other.start >= 0 && mention.start >= 0 && other.start < mention.end && mention.start < other.end);
  const mentions = query.documents.filter((mention) => (mention.document.loadedAs === null && !overlapsLoaded(mention)) || cited);
  const numbered = mentions.filter((mention) => (mention.document.reference?.number ?? mention.document.expected?.number) != null);
  // "Theo Nghị định 361, ai phải xây dựng … khung năng lực …?": a loaded document named beside an alias is what is asked.
  const chosen = numbered.length > 0 ? numbered : taskShaped || (loaded.length > 0 && !cited) ? [] : mentions;
  return chosen.map((mention) => mention.document);
}

/** Whether the question asks for the cited documents by their issuer: a citation cue and a unit ("căn cứ văn bản nào của Bộ Nội vụ"). */
export function asksCitedByIssuer(query: ParsedQuery): boolean {
  return query.cues.has(CUES.cited) || query.cues.has(CUES.bases);
}

/**
 * Whether the question asks what a document's text says, beyond its identity: words remain
 * after removing the document's name, identity words and the plan's name.
 */
export function asksForContent(query: ParsedQuery): boolean {
  if (LOCATION_QUESTION.test(query.key) || WHICH_DOCUMENT.test(query.key)) return false;
  if (hasPhrase(query, 'ke hoach') && (query.cues.has(CUES.content) || query.cues.has(CUES.cited))) return false;
  // "Nghị quyết 17 có những giải pháp gì?": a kind of content is content, even without a topic.
  const beyondIdentity = query.frames.length > 0 || query.topicBesideDocuments.some((word) => !REFERENCE_META_WORDS.has(word));
  // Its subject is part of the citation; "quy định gì về luân chuyển" still asks beyond it.
  if (SUBJECT_QUESTION.test(query.key)) return beyondIdentity;
  if (query.cues.has(CUES.content) && query.topicBesideDocuments.length === 0) return true;
  return beyondIdentity;
}
