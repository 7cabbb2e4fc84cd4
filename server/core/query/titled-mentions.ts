/**
 * A document named by its type and subject ("Luật Viên chức", "Nghị định về tiền lương") that
 * no known document is: its type word is followed right away by a word that begins no known
 * title of that type. "Luật này", "Luật số 80", "Luật 2025" name no subject and pass.
 */
import { DOCUMENT_TYPE_NAMES } from '../../../ingest/document-types.js';
import type { DocumentType } from '../../../ingest/types.js';
import { foldedTokens } from '../../../common/text-key.js';
import type { KnownDocument } from './document-mentions.js';
import { STOP_WORDS } from './stopwords.js';
import type { ParsedQuery } from './understand.js';

/** Words of a title, past which a subject named in a question is not looked for. */
const TITLE_WORDS = 6;

/** Words after a type name that name no subject ("luật này", "nghị định số …", "kế hoạch trên"). */
const NOT_A_SUBJECT = new Set(['so', 'nay', 'tren', 'kia', 'ay', 'do', 'moi', 'cu', 've', 'quy', 'dinh']);

/** Words after which a type name names a document (English ones stay in a translated question: "the Law on …", "under the 2025 Law …"). */
const NAMING_WORDS = new Set(['theo', 'cua', 'trong', 'tai', 'can', 'cu', 'the', 'under', 'of', 'by']);

/** The type-and-subject phrase the question writes for a document no known one is, or null. */
export function unknownTitledDocument(query: ParsedQuery, known: readonly KnownDocument[]): string | null {
  if (query.documents.length > 0) return null;
  const tokens = query.expanded;
  for (const [type, name] of Object.entries(DOCUMENT_TYPE_NAMES) as Array<[DocumentType, string]>) {
    if (type === 'other') continue;
    const words = foldedTokens(name);
    for (let start = 0; start + words.length < tokens.length; start += 1) {
      if (!words.every((word, offset) => tokens[start + offset] === word)) continue;
      // Named as a document opens the question or follows "theo", "của", "trong", "tại": "Người ký kế hoạch giữ …" names none.
      const before = tokens[start - 1] !== undefined && /^(?:19|20)\d{2}$/.test(tokens[start - 1]) ? tokens[start - 2] : tokens[start - 1];
      if (start > 0 && !NAMING_WORDS.has(before)) continue;
      const next = tokens[start + words.length];
      if (/\d/.test(next) || STOP_WORDS.has(next) || NOT_A_SUBJECT.has(next) || !query.topic.includes(next)) continue;
      // "Kế hoạch được gửi tới …" reads as "kế hoạch nơi nhận …": a cue, not a subject.
      if (startsCue(query, start + words.length)) continue;
      const titles = known.filter((document) => typeOf(document) === type).map(titleWords);
      if (!titles.some((title) => title.includes(next))) return asWritten(query.question, [...words, next]) ?? name;
    }
  }
  return null;
}

function typeOf(document: KnownDocument): DocumentType | null {
  if (document.document) return document.document.type;
  if (document.expected) return document.expected.type;
  const written = document.reference ? foldedTokens(document.reference.typeText).join(' ') : '';
  const entry = (Object.entries(DOCUMENT_TYPE_NAMES) as Array<[DocumentType, string]>).find(([, name]) => foldedTokens(name).join(' ') === written);
  return entry ? entry[0] : null;
}

/** The first words of every title the document is known by (its header, the registry, a citation's subject). */
function titleWords(document: KnownDocument): string[] {
  const titles = [document.document?.header.title, document.document?.title, document.expected?.title, document.reference?.subject, ...(document.expected?.aliases ?? [])];
  return titles.flatMap((title) => (title ? foldedTokens(title).filter((word) => !STOP_WORDS.has(word)).slice(0, TITLE_WORDS) : []));
}

/** Whether one of the question's cue phrases ("noi nhan") starts at token `index`. */
function startsCue(query: ParsedQuery, index: number): boolean {
  return [...query.cues].some((cue) => cue.split(' ').every((word, offset) => query.expanded[index + offset] === word));
}

/** The words of `question` as typed that fold to `folded` in a row ("Luật Viên" for ["luat", "vien"]), or null. */
function asWritten(question: string, folded: readonly string[]): string | null {
  const written = question.split(/\s+/).map((word) => word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter(Boolean);
  for (let start = 0; start + folded.length <= written.length; start += 1) {
    const slice = written.slice(start, start + folded.length);
    if (slice.every((word, offset) => foldedTokens(word).join(' ') === folded[offset])) return slice.join(' ');
  }
  return null;
}
