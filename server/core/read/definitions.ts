/**
 * Definitions: "Luân chuyển là gì?", "Thế nào là biệt phái?", "Luật … hiểu “ngạch” là gì?".
 * Laws and decrees define their terms in clauses of one shape, "<term> là <what it is>"
 * (usually under "Giải thích từ ngữ"); such a clause, found by its term, answers the question
 * whole, where ranking sentences by topic finds any clause that uses the term.
 */
import type { CorpusDocument, Section } from '../../../ingest/types.js';
import { matchKey } from '../../../common/text-key.js';
import type { ParsedQuery } from '../query/understand.js';
import { STOP_WORDS } from '../query/stopwords.js';
import { QUESTION_WORDS, type QuestionWords } from '../query/question-words.js';
import { foldedWords } from './shared-run.js';
import { withoutItemMarker } from './sentences.js';

/** A clause defining a term: the section, and the line of it that says so, verbatim, without its number ("9. "). */
export interface Definition {
  document: CorpusDocument;
  section: Section;
  line: string;
}

/** Most words a defined term has ("tạm đình chỉ công tác", "cơ quan sử dụng cán bộ, công chức"). */
const MAX_TERM_WORDS = 9;

/** A term written in quotes: "hiểu “luân chuyển” là gì". */
const QUOTED = /["“”'‘’]([^"“”'‘’]{2,80})["“”'‘’]/;

/**
 * The terms a question asks to define, longest first, folded; empty when it asks no definition.
 * Where the term stands is read from the frames of the question words ("… là gì", "thế nào là …",
 * "định nghĩa …"); before the term, a question may write only their frame words ("hiểu", "thuật
 * ngữ"), the document it names ("theo Luật …") or a year: anything else makes the term part of
 * another phrase ("nhiệm vụ của công chức là gì" does not ask what "công chức" is). `corpusWord`
 * tells the documents' words: an English word the glossary left before the term ("under Law No.
 * 80 …") may stand there too.
 */
export function definitionTerms(query: ParsedQuery, questionWords: QuestionWords = QUESTION_WORDS, corpusWord: (word: string) => boolean = () => true): string[][] {
  const key = matchKey(query.key);
  const quoted = QUOTED.exec(key);
  const framed = questionWords.definitionBefore.exec(key) ?? questionWords.definitionAfter.exec(key);
  if (!framed) return [];
  if (quoted) return [foldedWords(quoted[1])];
  const words = foldedWords(framed[1]);
  const named = new Set(query.documents.flatMap((mention) => query.expanded.slice(mention.start, mention.end)));
  const terms: string[][] = [];
  for (let start = 0; start < words.length; start += 1) {
    const term = words.slice(start);
    // A term of one word is not a function word ("nó là gì"); of two, it may be written with them ("biệt phái").
    if (term.length <= MAX_TERM_WORDS && (term.length > 1 || !STOP_WORDS.has(term[0]))) terms.push(term);
    // Only the way of asking and the document named may stand before the term.
    const word = words[start];
    // An English word the glossary left ("under Law No. 80 …") is no word of the documents either.
    if (!(questionWords.definitionFrameWords.has(word) || STOP_WORDS.has(word) || named.has(word) || /\d/.test(word) || !corpusWord(word))) break;
  }
  return terms;
}

/** The clauses defining one of the terms (the longest term defined wins), in document order. */
export function findDefinitions(documents: readonly CorpusDocument[], terms: readonly string[][]): Definition[] {
  for (const term of terms) {
    const key = term.join(' ');
    const found = documents.flatMap((document) => definitionsOf(document).get(key) ?? []);
    if (found.length > 0) return found;
  }
  return [];
}

/** Each document's defining lines by their term, built once per document. */
const definitionCache = new WeakMap<CorpusDocument, Map<string, Definition[]>>();

function definitionsOf(document: CorpusDocument): Map<string, Definition[]> {
  let byTerm = definitionCache.get(document);
  if (byTerm) return byTerm;
  byTerm = new Map();
  for (const section of document.sections) {
    if (section.kind === 'header' || section.kind === 'signature' || section.kind === 'recipients') continue;
    for (const raw of section.text.split('\n')) {
      const line = withoutItemMarker(raw.trim());
      const term = definedTerm(line);
      if (!term) continue;
      const list = byTerm.get(term) ?? [];
      // A clause, its article and its chapter write the same line: the innermost (shortest) section keeps it.
      const same = list.findIndex((item) => item.line === line);
      if (same < 0) list.push({ document, section, line });
      else if (section.text.length < list[same].section.text.length) list[same] = { document, section, line };
      byTerm.set(term, list);
    }
  }
  definitionCache.set(document, byTerm);
  return byTerm;
}

/** The folded term a line without its number defines ("Luân chuyển là việc …" → "luan chuyen"), or null. */
function definedTerm(line: string): string | null {
  const words = foldedWords(line);
  const at = words.indexOf('la');
  if (at < 1 || at > MAX_TERM_WORDS) return null;
  // "… là việc …", "… là cơ quan …": a definition says what kind of thing the term is; "là" then a date or figure does not.
  const next = words[at + 1];
  if (next === undefined || /^\d/.test(next)) return null;
  return words.slice(0, at).join(' ');
}
