/**
 * Which known documents a question may name, found from a key of each of their phrases, so
 * that `findDocumentMentions` compares a question in full with those documents only. With
 * thousands of documents loaded, comparing every phrase of every document cost milliseconds
 * per question. A phrase matches only where all its words do, in order, so it is filed under
 * its rarest pair of neighbouring words (its word, when it has one): filed under its first
 * word, every plan of a thousand, named by its type word first, was a candidate of every
 * question that says that type word.
 */
import type { KnownDocument } from './document-mentions.js';

/** The known documents (by position in their list) filed under each key: a word, or two neighbouring words joined by a space. */
export interface MentionIndex {
  /** By the key of a raw phrase (matched against the tokens as typed). */
  byRawWord: Map<string, number[]>;
  /** By the key of an expanded phrase, or of one phrase of each "together" group. */
  byExpandedWord: Map<string, number[]>;
  /** Each document's expanded phrases, longest first (the longest naming wins). */
  longestFirst: string[][][];
}

const mentionIndexByList = new WeakMap<readonly KnownDocument[], MentionIndex>();

/** The phrases filed in one map of the index. */
type Filed = Array<{ phrase: readonly string[]; position: number }>;

/** A phrase's keys: its word, or each pair of neighbouring words. */
function phraseKeys(phrase: readonly string[]): string[] {
  if (phrase.length === 1) return [phrase[0]];
  return phrase.slice(1).map((word, index) => `${phrase[index]} ${word}`);
}

/** Files each phrase under its rarest key (held by the fewest phrases of the map; the first such key on a tie). */
function fileByRarestKey(filed: Filed): Map<string, number[]> {
  const counts = new Map<string, number>();
  for (const { phrase } of filed) for (const key of new Set(phraseKeys(phrase))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const map = new Map<string, number[]>();
  for (const { phrase, position } of filed) {
    // An empty phrase never matches, so it needs no entry.
    if (phrase.length === 0) continue;
    const key = phraseKeys(phrase).reduce((rarest, next) => ((counts.get(next) ?? 0) < (counts.get(rarest) ?? 0) ? next : rarest));
    const list = map.get(key);
    if (!list) map.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  }
  return map;
}

/**
 * The index of a list of known documents (an index's environment), built on the first
 * question and kept while the list lives. The phrases must not change afterwards; they are
 * fixed when the list is compiled.
 */
export function mentionIndex(known: readonly KnownDocument[]): MentionIndex {
  let index = mentionIndexByList.get(known);
  if (index) return index;
  const raw: Filed = [];
  const expanded: Filed = [];
  known.forEach((document, position) => {
    for (const phrase of document.rawPhrases) raw.push({ phrase, position });
    for (const phrase of document.expandedPhrases) expanded.push({ phrase, position });
    // A group matches only when all its phrases occur, so one of them is enough to look up: the
    // last (the place), which picks fewer documents than the type word before it.
    for (const group of document.together ?? []) if (group.length > 0) expanded.push({ phrase: group[group.length - 1], position });
  });
  const byRawWord = fileByRarestKey(raw);
  const byExpandedWord = fileByRarestKey(expanded);
  const longestFirst = known.map((document) => [...document.expandedPhrases].sort((a, b) => b.length - a.length));
  index = { byRawWord, byExpandedWord, longestFirst };
  mentionIndexByList.set(known, index);
  return index;
}

/**
 * Adds the documents with a phrase filed under a key the tokens match: a token, or two
 * neighbouring tokens. A token matches as itself or, for a number written with its suffix
 * ("17-nq/tu"), as its leading digits (a bare number in a phrase matches the full number, see
 * `sameWord` in document-mentions.ts).
 */
function collect(byKey: Map<string, number[]>, tokens: readonly string[], into: Set<number>): void {
  const add = (key: string) => {
    for (const position of byKey.get(key) ?? []) into.add(position);
  };
  const forms = tokens.map(tokenForms);
  forms.forEach((mine, index) => {
    for (const form of mine) {
      add(form);
      for (const next of forms[index + 1] ?? []) add(`${form} ${next}`);
    }
  });
}

/** The forms a phrase word may take in a token: the token itself, and the leading digits of a number with a suffix. */
function tokenForms(token: string): string[] {
  const digits = /^\d+/.exec(token)?.[0];
  return digits && digits !== token ? [token, digits] : [token];
}

/** Positions of the documents a question may name, in list order. */
export function candidatePositions(index: MentionIndex, rawTokens: readonly string[], compact: readonly string[]): number[] {
  const positions = new Set<number>();
  collect(index.byRawWord, rawTokens, positions);
  collect(index.byExpandedWord, compact, positions);
  return [...positions].sort((a, b) => a - b);
}
