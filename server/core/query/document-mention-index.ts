/**
 * Which known documents a question may name, found from the first words of their phrases, so
 * that `findDocumentMentions` compares a question in full with those documents only. With
 * thousands of documents loaded, comparing every phrase of every document cost milliseconds
 * per question; a phrase can only match where its first word does.
 */
import type { KnownDocument } from './document-mentions.js';

/** The known documents (by position in their list) whose phrases start with each first word. */
export interface MentionIndex {
  /** By the first word of a raw phrase (matched against the tokens as typed). */
  byRawWord: Map<string, number[]>;
  /** By the first word of an expanded phrase, or of one phrase of each "together" group. */
  byExpandedWord: Map<string, number[]>;
  /** Each document's expanded phrases, longest first (the longest naming wins). */
  longestFirst: string[][][];
}

const mentionIndexByList = new WeakMap<readonly KnownDocument[], MentionIndex>();

function addPhrase(map: Map<string, number[]>, phrase: readonly string[] | undefined, position: number): void {
  // An empty phrase never matches, so it needs no entry.
  if (!phrase || phrase.length === 0) return;
  const list = map.get(phrase[0]);
  if (!list) map.set(phrase[0], [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}

/**
 * The index of a list of known documents (an index's environment), built on the first
 * question and kept while the list lives. The phrases must not change afterwards; they are
 * fixed when the list is compiled.
 */
export function mentionIndex(known: readonly KnownDocument[]): MentionIndex {
  let index = mentionIndexByList.get(known);
  if (index) return index;
  const byRawWord = new Map<string, number[]>();
  const byExpandedWord = new Map<string, number[]>();
  known.forEach((document, position) => {
    for (const phrase of document.rawPhrases) addPhrase(byRawWord, phrase, position);
    for (const phrase of document.expandedPhrases) addPhrase(byExpandedWord, phrase, position);
    // A group matches only when all its phrases occur, so one of them is enough to look up: the
    // last (the place), which picks fewer documents than the type word before it.
    for (const group of document.together ?? []) addPhrase(byExpandedWord, group[group.length - 1], position);
  });
  const longestFirst = known.map((document) => [...document.expandedPhrases].sort((a, b) => b.length - a.length));
  index = { byRawWord, byExpandedWord, longestFirst };
  mentionIndexByList.set(known, index);
  return index;
}

/**
 * Adds the documents with a phrase whose first word a token matches: the token itself or, for
 * a number written with its suffix ("17-nq/tu"), its leading digits (a bare number in a phrase
 * matches the full number, see `sameWord` in document-mentions.ts).
 */
function collect(byWord: Map<string, number[]>, tokens: readonly string[], into: Set<number>): void {
  for (const token of tokens) {
    for (const position of byWord.get(token) ?? []) into.add(position);
    const digits = /^\d+/.exec(token)?.[0];
    if (digits && digits !== token) for (const position of byWord.get(digits) ?? []) into.add(position);
  }
}

/** Positions of the documents a question may name, in list order. */
export function candidatePositions(index: MentionIndex, rawTokens: readonly string[], compact: readonly string[]): number[] {
  const positions = new Set<number>();
  collect(index.byRawWord, rawTokens, positions);
  collect(index.byExpandedWord, compact, positions);
  return [...positions].sort((a, b) => a - b);
}
