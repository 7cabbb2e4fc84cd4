/**
 * Documents named in a question: a cited document by its number ("17-NQ/TU"), by type and
 * number ("Chỉ thị 18", "NQ 17", "directive 18", "văn bản 4614"), or an expected document by
 * an alias ("khung năng lực"). References (what the corpus cites) and expected documents
 * (corpus/registry.json) are merged by number, so either side can answer.
 */
import type { CorpusDocument, ExpectedDocumentStatus, Reference, Registry } from '../../../ingest/types.js';
import { DOCUMENT_TYPE_NAMES, NOT_CITED_WITH_TYPE_WORD, NOT_TYPE_WORDS } from '../../../ingest/document-types.js';
import { accentedKey, foldedTokens, wordTokens, matchKey } from '../../../common/text-key.js';
import { candidatePositions, mentionIndex } from './document-mention-index.js';
import { expandTokens, type QueryVocabulary } from './vocabulary.js';

/** A document the corpus knows of, loaded or not. */
export interface KnownDocument {
  /** Reference id, else expected id. */
  id: string;
  reference: Reference | null;
  expected: ExpectedDocumentStatus | null;
  /** Id of the corpus document holding its text, or null when its text is not loaded. */
  loadedAs: string | null;
  /** The loaded document itself, when its text is in the corpus. */
  document?: CorpusDocument;
  /**
   * Groups of phrases that name it together wherever they stand ("chỉ thị … Đắk Lắk"): each
   * group is a list of phrases that must all occur in the question.
   */
  together?: string[][][];
  /** The province or city it belongs to, folded ("bac ninh"): a slot of the question, not its topic. */
  placePhrase?: string[];
  /** Token sequences naming it: raw ones (numbers) and expanded ones (type + number, aliases). */
  rawPhrases: string[][];
  expandedPhrases: string[][];
  /** Where the corpus names it by an alias, found on first use (see `citedPlaces`). */
  placesByAlias?: CitedPlace[];
}

/** A place where a corpus document cites or names a known document. */
export interface CitedPlace {
  documentId: string;
  address: string;
  quote: string;
}

export interface DocumentMention {
  document: KnownDocument;
  /** Token range in the expanded tokens, when found there. */
  start: number;
  end: number;
}

/** The loaded documents a question's mentions name, each once, in order. */
export function namedLoadedIds(mentions: readonly DocumentMention[]): string[] {
  return [...new Set(mentions.flatMap((mention) => (mention.document.document ? [mention.document.document.id] : [])))];
}

/** Normalized document number for joining references and expected documents ("18/CT-TTg" → "18cttg"). */
export function numberKey(number: string | null): string | null {
  return number ? matchKey(number).replace(/[^a-z0-9]/g, '') : null;
}

/** Merges references and expected documents into one list of known documents with their names. */
export function compileKnownDocuments(registry: Registry, vocabulary: QueryVocabulary): KnownDocument[] {
  const known: KnownDocument[] = [];
  const byNumber = new Map<string, KnownDocument>();
  for (const reference of registry.references) {
    const entry: KnownDocument = { id: reference.id, reference, expected: null, loadedAs: reference.loadedAs, rawPhrases: [], expandedPhrases: [] };
    known.push(entry);
    const key = numberKey(reference.number);
    if (key) byNumber.set(key, entry);
  }
  for (const expected of registry.expected) {
    const key = numberKey(expected.number);
    const existing = key ? byNumber.get(key) : undefined;
    if (existing) {
      existing.expected = expected;
      continue;
    }
    const loadedAs = expected.present ? (registry.documents.find((doc) => doc.file === expected.file)?.id ?? expected.id) : null;
    known.push({ id: expected.id, reference: null, expected, loadedAs, rawPhrases: [], expandedPhrases: [] });
  }
  for (const document of registry.documents) addLoaded(known, byNumber, document);
  for (const entry of known) addPhrases(entry, vocabulary);
  return known;
}

/**
 * A loaded document joins the known document of the same number (cited or expected), or
 * becomes one of its own: every loaded document can be named by its number, type and number,
 * short name (type and title) and place.
 */
function addLoaded(known: KnownDocument[], byNumber: Map<string, KnownDocument>, document: CorpusDocument): void {
  const key = numberKey(document.header.number);
  const existing = (key ? byNumber.get(key) : undefined) ?? known.find((entry) => entry.expected?.present && entry.expected.file === document.file);
  if (existing) {
    existing.loadedAs = document.id;
    existing.document = document;
    return;
  }
  const entry: KnownDocument = { id: document.id, reference: null, expected: null, loadedAs: document.id, document, rawPhrases: [], expandedPhrases: [] };
  known.push(entry);
  if (key) byNumber.set(key, entry);
}

/** Words of a title that name a document in speech: the first few, past a leading "về", "quy định". */
const TITLE_WORDS = 4;

function addLoadedPhrases(entry: KnownDocument, document: CorpusDocument, expand: (text: string) => string[]): void {
  const typeWords = expand(DOCUMENT_TYPE_NAMES[document.type] ?? '');
  const title = document.header.title ?? '';
  const titleTokens = expand(title).filter((token) => !/^\d/.test(token));
  const skip = titleTokens[0] === 've' ? 1 : 0;
  if (typeWords.length > 0 && titleTokens.length >= 2 && document.type !== 'other') {
    entry.expandedPhrases.push([...typeWords, ...titleTokens.slice(skip, skip + TITLE_WORDS)]);
  }
  const place = placeOf(document);
  if (typeWords.length > 0 && place) {
    const placeTokens = expand(place);
    if (placeTokens.length > 0) {
      (entry.together ??= []).push([typeWords, placeTokens]);
      entry.placePhrase = placeTokens;
    }
  }
}

/** The province or city a local document belongs to, from its issuer ("Ủy ban nhân dân tỉnh Bắc Ninh" → "Bắc Ninh"). */
export function placeOf(document: CorpusDocument): string | null {
  const issuer = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(document.header.issuer ?? '');
  return issuer ? issuer[1].trim() : null;
}

function addPhrases(entry: KnownDocument, vocabulary: QueryVocabulary): void {
  const number = entry.reference?.number ?? entry.expected?.number ?? entry.document?.header.number ?? null;
  const expand = (text: string): string[] => expandTokens(foldedTokens(text), vocabulary, undefined, { english: false }).tokens;
  if (entry.document) addLoadedPhrases(entry, entry.document, expand);
  if (number) {
    entry.rawPhrases.push(wordTokens(matchKey(number)));
    const lead = /^\d+/.exec(number)?.[0];
    const typeText = entry.reference?.typeText ?? typeTextOf(entry.expected) ?? (entry.document && entry.document.type !== 'other' ? DOCUMENT_TYPE_NAMES[entry.document.type] : null);
    if (lead && typeText) entry.expandedPhrases.push([...expand(typeText), lead]);
    if (lead && lead.length >= 3) entry.expandedPhrases.push([lead]);
  }
  // The plan's own aliases ("Kế hoạch", "KH") name the plan, not a cited document.
  if (entry.expected && !entry.expected.present) {
    for (const alias of entry.expected.aliases ?? []) {
      const tokens = expand(alias);
      if (tokens.length > 0) entry.expandedPhrases.push(tokens);
    }
  }
}

/** The type word an expected document is cited with ("Chỉ thị"); none for a type not cited so (a plan, a framework: `citedWithTypeWord` of document-types.json). */
function typeTextOf(expected: ExpectedDocumentStatus | null): string | null {
  if (!expected || NOT_CITED_WITH_TYPE_WORD.has(expected.type)) return null;
  return DOCUMENT_TYPE_NAMES[expected.type];
}

/**
 * Known documents named in the question. `rawTokens` are the folded tokens as typed;
 * `expanded` the tokens after abbreviation and synonym rewriting. Only the documents one of
 * whose phrases starts with a word of the question are compared in full (see `mentionIndex`):
 * with thousands of documents loaded, comparing every phrase of every one cost milliseconds.
 */
export function findDocumentMentions(
  rawTokens: readonly string[],
  expanded: readonly string[],
  known: readonly KnownDocument[],
  typeWordPairs?: ReadonlySet<string>,
): DocumentMention[] {
  // "Chỉ thị số 18" names the same document as "Chỉ thị 18".
  const positions: number[] = [];
  const compact: string[] = [];
  expanded.forEach((token, index) => {
    if (token === 'so' && /^\d/.test(expanded[index + 1] ?? '')) return;
    positions.push(index);
    compact.push(token);
  });
  const phrases = mentionIndex(known);
  const mentions: DocumentMention[] = [];
  for (const position of candidatePositions(phrases, rawTokens, compact)) {
    const document = known[position];
    const raw = document.rawPhrases.some((phrase) => indexOfPhrase(rawTokens, phrase) >= 0);
    let range: { start: number; end: number } | null = null;
    for (const phrase of phrases.longestFirst[position]) {
      const at = indexOfPhrase(compact, phrase, true, typeWordPairs);
      if (at >= 0) {
        range = { start: positions[at], end: positions[at + phrase.length - 1] + 1 };
        break;
      }
    }
    if (!raw && !range) range = togetherRange(compact, positions, document.together);
    if (raw || range) mentions.push({ document, start: range?.start ?? -1, end: range?.end ?? -1 });
  }
  return mentions;
}

/** The token range of the first phrase (the type word) of the first group whose phrases all occur, or null. */
function togetherRange(compact: readonly string[], positions: readonly number[], groups: readonly string[][][] | undefined): { start: number; end: number } | null {
  for (const group of groups ?? []) {
    const found = group.map((phrase) => ({ at: indexOfPhrase(compact, phrase), length: phrase.length }));
    if (found.some((item) => item.at < 0)) continue;
    const [first] = found;
    return { start: positions[first.at], end: positions[first.at + first.length - 1] + 1 };
  }
  return null;
}

/**
 * Token indexes (in `tokens`) of every occurrence of a loaded document's place ("bac ninh"),
 * or of the place written as one word, when that place picks some of the loaded documents,
 * not all (then it tells nothing).
 */
export function placeTokenIndexes(tokens: readonly string[], known: readonly KnownDocument[]): Set<number> {
  const indexes = new Set<number>();
  for (const phrase of tellingPlaces(known)) {
    for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
      if (phrase.every((word, offset) => tokens[start + offset] === word)) for (let i = 0; i < phrase.length; i += 1) indexes.add(start + i);
    }
    // Written as one word, as English does ("Hanoi" for "Hà Nội").
    const joined = phrase.length > 1 ? phrase.join('') : null;
    tokens.forEach((token, index) => {
      if (token === joined) indexes.add(index);
    });
  }
  return indexes;
}

/** The place phrases of a list of known documents that pick some loaded documents but not all, once per list. */
const tellingPlacesByList = new WeakMap<readonly KnownDocument[], string[][]>();

function tellingPlaces(known: readonly KnownDocument[]): string[][] {
  let places = tellingPlacesByList.get(known);
  if (places) return places;
  const loaded = known.filter((document) => document.loadedAs !== null);
  const counts = new Map<string, { phrase: string[]; count: number }>();
  for (const document of loaded) {
    if (!document.placePhrase) continue;
    const key = document.placePhrase.join(' ');
    const entry = counts.get(key) ?? { phrase: document.placePhrase, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  places = [...counts.values()].filter((entry) => entry.count < loaded.length).map((entry) => entry.phrase);
  tellingPlacesByList.set(known, places);
  return places;
}

/**
 * Where a phrase starts in the tokens, or -1. With `typed`, a type's name inside another word
 * ("kỷ luật") is skipped, unless the question typed those letters as other words with tone
 * marks (`typeWordPairs`: "Ai ký Luật …" names a law).
 */
function indexOfPhrase(tokens: readonly string[], phrase: readonly string[], typed = false, typeWordPairs?: ReadonlySet<string>): number {
  if (phrase.length === 0) return -1;
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    const pair = start > 0 ? `${tokens[start - 1]} ${tokens[start]}` : '';
    if (typed && NOT_TYPE_PAIRS.has(pair) && !typeWordPairs?.has(pair)) continue;
    if (phrase.every((word, offset) => sameWord(tokens[start + offset], word))) return start;
  }
  return -1;
}

/** "ky luat", "phap luat": a type's name inside another word, where no document is named. */
const NOT_TYPE_PAIRS: ReadonlySet<string> = new Set(NOT_TYPE_WORDS.map((word) => foldedTokens(word).join(' ')));
/** The same words with their tone marks, lower case ("kỷ luật"). */
const NOT_TYPE_WRITTEN: ReadonlySet<string> = new Set(NOT_TYPE_WORDS.map((word) => wordTokens(accentedKey(word)).join(' ')));

/**
 * The folded pairs of a question that hold a type's name inside another word's letters but
 * were typed as other words ("ký luật", not "kỷ luật"): `written` gives the question's words
 * with their tone marks, or undefined where the marks are not trusted.
 */
export function typedTypeWordPairs(folded: readonly string[], written: ReadonlyArray<string | undefined>): Set<string> {
  const pairs = new Set<string>();
  for (let index = 1; index < folded.length; index += 1) {
    const pair = `${folded[index - 1]} ${folded[index]}`;
    const [first, second] = [written[index - 1], written[index]];
    if (!NOT_TYPE_PAIRS.has(pair) || first === undefined || second === undefined) continue;
    if (!NOT_TYPE_WRITTEN.has(`${first} ${second}`)) pairs.add(pair);
  }
  return pairs;
}

/** A question token matches a phrase word; a bare number also matches a full number ("17" ~ "17-nq/tu"). */
function sameWord(token: string, word: string): boolean {
  if (token === word) return true;
  return /^\d+$/.test(word) && token.startsWith(word) && !/\d/.test(token.charAt(word.length));
}
