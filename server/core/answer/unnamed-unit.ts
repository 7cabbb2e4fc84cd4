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

/** Each document's text, as written (whitespace collapsed) and folded into words, built once per index. */
interface DocumentText {
  written: string;
  folded: string;
}

const documentTexts = new WeakMap<LoadedIndex, Map<string, DocumentText>>();

const writtenForm = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

function textsOf(index: LoadedIndex): Map<string, DocumentText> {
  let texts = documentTexts.get(index);
  if (texts) return texts;
  const parts = new Map<string, string[]>();
  for (const chunk of index.chunks) {
    const list = parts.get(chunk.documentId) ?? [];
    list.push(chunk.text);
    parts.set(chunk.documentId, list);
  }
  texts = new Map<string, DocumentText>();
  for (const [id, list] of parts) {
    const text = list.join('\n|\n');
    texts.set(id, { written: writtenForm(text), folded: ` ${wordTokens(matchKey(text)).join(' ')} ` });
  }
  documentTexts.set(index, texts);
  return texts;
}

/** An acronym in a name ("KH&CN", "UBND"): the name is compared spelled out, on folded words. */
const ACRONYM = /\p{Lu}{2,}/u;

/**
 * Whether a document writes the organ's name. As written, with its capitals: "cơ sở y tế" (a
 * health facility) is not "Sở Y tế". A name with an acronym is compared folded, with the query
 * vocabulary's abbreviations spelled out, and also without a lowercase word the acronym took
 * from the sentence ("Sở KH&CN chủ trì" → "Sở KH&CN").
 */
function writes(document: DocumentText, name: string, vocabulary: QueryVocabulary): boolean {
  if (!ACRONYM.test(name)) return document.written.includes(writtenForm(name));
  const words = name.trim().split(/\s+/);
  const names = /^\p{Ll}/u.test(words[words.length - 1]) ? [name, words.slice(0, -1).join(' ')] : [name];
  return names.some((candidate) => {
    const tokens = wordTokens(matchKey(candidate));
    return [tokens, expandTokens(tokens, vocabulary).tokens].some((form) => document.folded.includes(` ${form.join(' ')} `));
  });
}

/**
 * The first organ the question names by shape ("Sở Y tế", "Bộ Giáo dục và Đào tạo") that no
 * document in the environment's scope writes, as the question wrote it; null when every organ
 * named is in some document in scope (or none is named).
 */
export function unnamedUnit(environment: AnswerEnvironment, question: string): string | null {
  const organs = unitNamesByShape(question, environment.unitShapes).filter((name) => name.head !== undefined && name.position === undefined);
  if (organs.length === 0) return null;
  const texts = textsOf(environment.index);
  const inScope = environment.registry.documents.flatMap((document) => texts.get(document.id) ?? []);
  for (const organ of organs) {
    if (!inScope.some((document) => writes(document, organ.text, environment.query.vocabulary))) return organ.text.trim();
  }
  return null;
}
