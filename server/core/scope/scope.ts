/**
 * Stage "scope": which loaded documents a question is about (SPEC: Answering over many
 * documents). The question's own mentions win; then the conversation's documents when the
 * question names none; then the documents of the type it names ("kế hoạch", "nghị định");
 * else every loaded document. Rules are an ordered table; the first that yields documents decides.
 */
import type { CorpusDocument, DocumentType } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { STOP_WORDS } from '../query/stopwords.js';
import { DOCUMENT_TYPE_NAMES } from '../../../ingest/document-types.js';
import { foldedTokens } from '../../../common/text-key.js';
import { placeOf } from '../query/document-mentions.js';

export type ScopeSource = 'request' | 'question' | 'conversation' | 'type' | 'all';

export interface Scope {
  /** Ids of the loaded documents in play, in corpus order. */
  documentIds: string[];
  source: ScopeSource;
}

/** What the scope needs of the conversation's last turn. */
export interface ScopeMemory {
  /** The documents the last answer came from, and how they were chosen. */
  scopeIds?: string[];
  scopeSource?: ScopeSource;
}

interface ScopeRule {
  name: ScopeSource;
  pick(environment: AnswerEnvironment, query: ParsedQuery, previous: ScopeMemory | null): string[];
}

/** The document the caller asked for (a face's document picker, a tool's `documentId`), when loaded. */
function requestedDocument(environment: AnswerEnvironment): string[] {
  const id = environment.requestedDocumentId;
  return id !== undefined && environment.registry.documents.some((document) => document.id === id) ? [id] : [];
}

/** Loaded documents the question names by number, short name or place. */
function namedDocuments(_environment: AnswerEnvironment, query: ParsedQuery): string[] {
  return unique(query.documents.flatMap((mention) => (mention.document.loadedAs ? [mention.document.loadedAs] : [])));
}

/**
 * Loaded documents of the province or city the question names ("… của tỉnh Bắc Ninh"), when
 * that narrows the corpus: a place every document shares tells nothing.
 */
function placedDocuments(environment: AnswerEnvironment, query: ParsedQuery): string[] {
  const ids = environment.registry.documents
    .filter((document) => {
      const place = placeTokens(document);
      return place !== null && containsPhrase(query.expanded, place);
    })
    .map((document) => document.id);
  return ids.length < environment.registry.documents.length ? ids : [];
}

/** Each document's place, folded, read once per document (every question read every document's issuer). */
const placeTokensByDocument = new WeakMap<CorpusDocument, string[] | null>();

function placeTokens(document: CorpusDocument): string[] | null {
  let tokens = placeTokensByDocument.get(document);
  if (tokens === undefined) {
    const place = placeOf(document);
    tokens = place === null ? null : foldedTokens(place);
    placeTokensByDocument.set(document, tokens);
  }
  return tokens;
}

/**
 * The conversation's documents, when the last turn was confined to some and this question
 * names no other type of document ("Ai ký?" after a question on Nghị định 335).
 */
function conversationDocuments(environment: AnswerEnvironment, query: ParsedQuery, previous: ScopeMemory | null): string[] {
  // A requested scope is the caller's choice for that turn only: a turn without one asks of all.
  if (!previous?.scopeIds || previous.scopeIds.length === 0 || previous.scopeSource === 'all' || previous.scopeSource === 'request') return [];
  const typed = typedDocuments(environment, query);
  if (typed.length > 0 && !previous.scopeIds.some((id) => typed.includes(id))) return [];
  return previous.scopeIds.filter((id) => environment.registry.documents.some((document) => document.id === id));
}

/** Each type's name, folded, read once (every question folded it again for every document). */
const typeNameTokensByType = new Map<DocumentType, string[]>();

function typeNameTokens(type: DocumentType): string[] {
  let tokens = typeNameTokensByType.get(type);
  if (tokens === undefined) typeNameTokensByType.set(type, (tokens = foldedTokens(DOCUMENT_TYPE_NAMES[type])));
  return tokens;
}

/** Documents whose type the question names as a word ("kế hoạch", "luật", "decree"). */
function typedDocuments(environment: AnswerEnvironment, query: ParsedQuery): string[] {
  const named = new Map<string, boolean>();
  const isNamed = (type: DocumentType): boolean => {
    let found = named.get(type);
    if (found === undefined) named.set(type, (found = type !== 'other' && containsTypeName(query.expanded, typeNameTokens(type))));
    return found;
  };
  return environment.registry.documents.filter((document) => isNamed(document.type)).map((document) => document.id);
}

const RULES: readonly ScopeRule[] = [
  { name: 'request', pick: requestedDocument },
  { name: 'question', pick: namedDocuments },
  { name: 'question', pick: placedDocuments },
  { name: 'conversation', pick: conversationDocuments },
  { name: 'type', pick: typedDocuments },
];

/** The documents in play for a question. */
export function resolveScope(environment: AnswerEnvironment, query: ParsedQuery, previous: ScopeMemory | null): Scope {
  for (const rule of RULES) {
    const ids = rule.pick(environment, query, previous);
    if (ids.length > 0) return { documentIds: ids, source: rule.name };
  }
  return { documentIds: environment.registry.documents.map((document) => document.id), source: 'all' };
}

function containsPhrase(tokens: readonly string[], phrase: readonly string[], accept: (start: number) => boolean = () => true): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((word, offset) => tokens[start + offset] === word) && accept(start)) return true;
  }
  return false;
}

/**
 * A type name in the question. A one-syllable name ("luật") is also the end of common words
 * ("kỷ luật", "pháp luật"): it names a type only first, after a function word ("theo Luật …")
 * or after a year ("the 2025 Law").
 */
function containsTypeName(tokens: readonly string[], name: readonly string[]): boolean {
  if (name.length !== 1) return containsPhrase(tokens, name);
  return containsPhrase(tokens, name, (start) => start === 0 || STOP_WORDS.has(tokens[start - 1]) || /^\d/.test(tokens[start - 1]));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
