/**
 * Units named in a question, found on the expanded tokens ("SNV" → "so noi vu") against each
 * unit's name and aliases expanded the same way. One-word aliases ("xã", "commune") are weak:
 * "cán bộ cấp xã" does not name the People's Committees, "các xã" and a leading "Xã …" do.
 */
import type { Unit } from '../../../ingest/types.js';
import { foldedTokens } from '../../../common/text-key.js';
import { expandTokens, type QueryVocabulary } from './vocabulary.js';

interface UnitPhrase {
  unit: Unit;
  tokens: string[];
  /** The alias as written (with diacritics). */
  alias: string;
}

/** A unit found in the question, with the token range it covers. */
export interface UnitMention {
  unit: Unit;
  start: number;
  end: number;
}

export interface UnitMatcher {
  phrases: UnitPhrase[];
}

/** Words before a one-word alias that make it part of another phrase ("cấp xã", "địa bàn xã"). */
const WEAK_BLOCKERS = new Set(['cap', 'ban', 'quyen', 'bo', 'chuc', 'dan', 'toan', 'lien', 'the']);

/** Compiles the units' names and aliases, longest first. */
export function compileUnitMatcher(units: readonly Unit[], vocabulary: QueryVocabulary): UnitMatcher {
  const phrases: UnitPhrase[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    for (const alias of [unit.name, ...unit.aliases]) {
      const tokens = expandTokens(foldedTokens(alias), vocabulary, undefined, { english: false }).tokens;
      const key = `${unit.id}|${tokens.join(' ')}`;
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      phrases.push({ unit, tokens, alias });
    }
  }
  phrases.sort((a, b) => b.tokens.length - a.tokens.length);
  return { phrases };
}

/**
 * Decides whether a one-word alias at `index` really names the unit; the caller knows what
 * was typed ("phương" in "phương thức" is not "phường").
 */
export type WeakMentionGuard = (index: number, alias: string) => boolean;

/**
 * Units mentioned in `tokens` (expanded), left to right, without overlaps; each unit once.
 * `clauseStarts` are the token indexes that open a clause: there a one-word alias is the
 * clause's subject ("Với tuyển dụng công chức, xã có trách nhiệm gì?"), whatever word the
 * previous clause ended with.
 */
export function findUnitMentions(tokens: readonly string[], matcher: UnitMatcher, guard?: WeakMentionGuard, clauseStarts?: ReadonlySet<number>): UnitMention[] {
  const taken = new Array<boolean>(tokens.length).fill(false);
  const mentions: UnitMention[] = [];
  for (const phrase of phrasesStartingIn(tokens, matcher.phrases)) {
    for (let start = 0; start + phrase.tokens.length <= tokens.length; start += 1) {
      const end = start + phrase.tokens.length;
      if (!wordsAt(tokens, start, phrase.tokens) || takenIn(taken, start, end)) continue;
      // "the" blocks Vietnamese "thể xã" ("cụ thể xã"), not the English article of "the commune".
      const blocker = start > 0 && WEAK_BLOCKERS.has(tokens[start - 1]) && !(tokens[start - 1] === 'the' && /^[a-z]+$/.test(phrase.alias));
      if (phrase.tokens.length === 1 && blocker && !clauseStarts?.has(start)) continue;
      if (phrase.tokens.length === 1 && guard && !guard(start, phrase.alias)) continue;
      for (let i = start; i < end; i += 1) taken[i] = true;
      mentions.push({ unit: phrase.unit, start, end });
    }
  }
  const unique = new Map<string, UnitMention>();
  for (const mention of mentions.sort((a, b) => a.start - b.start)) {
    if (!unique.has(mention.unit.id)) unique.set(mention.unit.id, mention);
  }
  return [...unique.values()];
}

/** Whether `words` stand in `tokens` from `start` (a loop: this runs for every phrase at every place). */
function wordsAt(tokens: readonly string[], start: number, words: readonly string[]): boolean {
  for (let offset = 0; offset < words.length; offset += 1) if (tokens[start + offset] !== words[offset]) return false;
  return true;
}

/** Whether a token from `start` to `end` is taken already. */
function takenIn(taken: readonly boolean[], start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (taken[i]) return true;
  return false;
}

/** The phrases of a matcher by their first token (positions in the list), once per list. */
const phrasesByFirstToken = new WeakMap<readonly UnitPhrase[], Map<string, number[]>>();

/**
 * The phrases whose first token is among `tokens`, in the list's order (longest first): only
 * they can match, and matching them in that order takes the same tokens as trying every phrase.
 */
function phrasesStartingIn(tokens: readonly string[], phrases: readonly UnitPhrase[]): UnitPhrase[] {
  let byFirst = phrasesByFirstToken.get(phrases);
  if (!byFirst) {
    const map = new Map<string, number[]>();
    phrases.forEach((phrase, position) => {
      const list = map.get(phrase.tokens[0]);
      if (list) list.push(position);
      else map.set(phrase.tokens[0], [position]);
    });
    phrasesByFirstToken.set(phrases, (byFirst = map));
  }
  const positions = new Set<number>();
  for (const token of tokens) for (const position of byFirst.get(token) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b).map((position) => phrases[position]);
}
