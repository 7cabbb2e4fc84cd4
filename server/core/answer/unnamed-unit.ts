/**
 * A unit the question names that no document in scope names ("Sở Y tế có nhiệm vụ gì?" over
 * documents that never mention it). Such a question is not answered with another unit's tasks
 * or with a passage sharing its common words: the unit itself is off-corpus. Units are found in
 * the question by the shape of their names (an organ head and a proper name, `unit-shapes.json`),
 * not from a list, so a unit no document names is still recognised as a unit.
 */
import { matchKey, wordTokens } from '../../../common/text-key.js';
import { unitNamesByShape } from '../../../ingest/extract/index.js';
import type { LoadedIndex } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import { expandTokens, type QueryVocabulary } from '../query/vocabulary.js';
import { chunksThatMayWrite, documentsThatMayHold, unitTextIndex } from './unit-text-index.js';

/** A document's text, as written (whitespace collapsed) and folded into words. */
interface DocumentText {
  written: string;
  folded: string;
}

const writtenForm = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

/** One document's text, built when a question needs it (documents' texts are not kept). */
function documentText(index: LoadedIndex, chunks: readonly number[]): DocumentText {
  const text = chunks.map((position) => index.chunks[position].text).join('\n|\n');
  return { written: writtenForm(text), folded: ` ${wordTokens(matchKey(text)).join(' ')} ` };
}

/** An acronym in a name ("KH&CN", "UBND"): the name is compared spelled out, on folded words. */
const ACRONYM = /\p{Lu}{2,}/u;

/**
 * The token forms a name with an acronym is compared in: the name and, when it ends with a
 * lowercase word the acronym took from the sentence ("Sở KH&CN chủ trì" → "Sở KH&CN"), the
 * name without it; each as written and with the query vocabulary's abbreviations spelled out.
 */
function foldedForms(name: string, vocabulary: QueryVocabulary): string[][] {
  const words = name.trim().split(/\s+/);
  const names = /^\p{Ll}/u.test(words[words.length - 1]) ? [name, words.slice(0, -1).join(' ')] : [name];
  return names.flatMap((candidate) => {
    const tokens = wordTokens(matchKey(candidate));
    return [tokens, expandTokens(tokens, vocabulary).tokens];
  });
}

/**
 * Whether a document in scope writes the organ's name. As written, with its capitals: "cơ sở y
 * tế" (a health facility) is not "Sở Y tế". A name with an acronym is compared folded (see
 * `foldedForms`). The unit text index picks the passages (or documents) that may write the
 * name; only those are read.
 */
function writtenInScope(environment: AnswerEnvironment, inScope: ReadonlySet<string>, name: string): boolean {
  const { index } = environment;
  const texts = unitTextIndex(index);
  const scoped = texts.documentIds.flatMap((id, position) => (inScope.has(id) ? [position] : []));
  const readDocument = (position: number) => documentText(index, texts.chunksByDocument[position]);
  if (!ACRONYM.test(name)) {
    const written = writtenForm(name);
    // A chunk's text is a whole part of its document's: a name with no edge space and no "|" is
    // written in the document exactly when one of its chunks writes it.
    if (written.includes('|') || written !== written.trim()) return scoped.some((position) => readDocument(position).written.includes(written));
    const chunks = chunksThatMayWrite(texts, written) ?? scoped.flatMap((position) => texts.chunksByDocument[position]);
    return chunks.some((position) => inScope.has(index.chunks[position].documentId) && writtenForm(index.chunks[position].text).includes(written));
  }
  return foldedForms(name, environment.query.vocabulary).some((tokens) => {
    const documents = documentsThatMayHold(texts, tokens) ?? scoped;
    const needle = ` ${tokens.join(' ')} `;
    return documents.some((position) => inScope.has(texts.documentIds[position]) && readDocument(position).folded.includes(needle));
  });
}

/**
 * Whether a name is written in a scope, remembered per query context (one per index and
 * vocabulary; a scoped view shares it): the same organs come back in many questions.
 */
const answersByContext = new WeakMap<object, Map<string, boolean>>();
const MAX_ANSWERS = 2000;

/**
 * The first organ the question names by shape ("Sở Y tế", "Bộ Giáo dục và Đào tạo") that no
 * document in the environment's scope writes, as the question wrote it; null when every organ
 * named is in some document in scope (or none is named).
 */
export function unnamedUnit(environment: AnswerEnvironment, question: string): string | null {
  const organs = unitNamesByShape(question, environment.unitShapes).filter((name) => name.head !== undefined && name.position === undefined);
  if (organs.length === 0) return null;
  const inScope = new Set(environment.registry.documents.map((document) => document.id));
  const scopeKey = inScope.size === unitTextIndex(environment.index).documentIds.length ? '*' : [...inScope].join('\n');
  let answers = answersByContext.get(environment.query);
  if (!answers) answersByContext.set(environment.query, (answers = new Map()));
  for (const organ of organs) {
    const key = `${scopeKey}\u0000${organ.text}`;
    let written = answers.get(key);
    if (written === undefined) {
      written = writtenInScope(environment, inScope, organ.text);
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(key, written);
    }
    if (!written && !knownBeforePlace(environment, organ.text)) return organ.text.trim();
  }
  return null;
}

/**
 * Whether the name read by shape is a known unit followed by a place and the next word ("Sở
 * Nội vụ Đắk Lắk tham mưu …", "Sở NV Đắk Lắk phối hợp …"): the unit is known, the rest says
 * where. Only a whole known name counts as the unit ("Sở Tài nguyên …" is not "Sở Tài chính").
 */
export function knownBeforePlace(environment: AnswerEnvironment, name: string): boolean {
  const words = name.trim().split(/\s+/);
  const known = new Set(environment.registry.units.flatMap((unit) => [unit.name, ...unit.aliases].map((form) => matchKey(form))));
  for (let end = words.length - 1; end >= 2; end -= 1) {
    if (/^\p{Lu}/u.test(words[end]) && known.has(matchKey(words.slice(0, end).join(' ')))) return true;
  }
  return false;
}
