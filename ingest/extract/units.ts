/**
 * Finding units in text and resolving what a user typed to a unit. Matching runs on the folded
 * form (no diacritics, lowercase), which keeps offsets, so mentions point into the original.
 */
import { foldForMatch, foldVietnamese } from '../normalize/index.js';
import type { Unit } from '../types.js';
import type { VocabularyUnit } from './vocabulary.js';

/** A unit named in a text, with the span of the words that name it. */
export interface UnitMention {
  unitId: string;
  start: number;
  end: number;
}

interface Matcher {
  pattern: RegExp;
  unitByKey: Map<string, string>;
}

const matchers = new WeakMap<readonly Unit[], Matcher>();
const resolvers = new WeakMap<readonly Unit[], { exact: Map<string, Unit>; contained: Array<[string, Unit]> }>();

/** A letter or digit of folded text: ASCII ones, Latin letters left unfolded, superscript and subscript digits. */
const WORD_CHAR = '[a-z0-9\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u024f\\u2070-\\u209f]';

/** Whitespace and commas as one canonical form, so "xã,  phường" and "xã, phường" agree. */
function matchKey(folded: string): string {
  return folded.replace(/\s*,\s*/g, ', ').replace(/\s+/g, ' ').trim();
}

function escapeForPattern(key: string): string {
  return key
    .replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
    .replace(/, /g, ',\\s*')
    .replace(/ /g, '\\s+');
}

/** Patterns of a unit: its own, or (without them) its name and multi-word aliases. */
function patternsOf(unit: VocabularyUnit): string[] {
  if (unit.patterns && unit.patterns.length > 0) return unit.patterns;
  return [unit.name, ...unit.aliases].filter((alias) => alias.includes(' ')).map(foldVietnamese);
}

function matcherFor(units: readonly Unit[]): Matcher {
  let matcher = matchers.get(units);
  if (!matcher) {
    const unitByKey = new Map<string, string>();
    for (const unit of units) {
      for (const pattern of patternsOf(unit)) {
        const key = matchKey(foldVietnamese(pattern));
        if (key && !unitByKey.has(key)) unitByKey.set(key, unit.id);
      }
    }
    const keys = [...unitByKey.keys()].sort((a, b) => b.length - a.length);
    const alternatives = keys.map(escapeForPattern).join('|') || '(?!)';
    // The folded text is ASCII but for rare letters and digits (superscript footnote marks):
    // a plain class instead of \p{L}\p{N} keeps the scan fast (the 'u' flag made it ~3× slower).
    matcher = { pattern: new RegExp(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`, 'g'), unitByKey };
    matchers.set(units, matcher);
  }
  return matcher;
}

/**
 * Mentions of units in `text` (NFC, as document texts are): longest pattern first,
 * non-overlapping, in order; offsets index `text`.
 */
export function findUnitMentions(text: string, units: Unit[]): UnitMention[] {
  const { pattern, unitByKey } = matcherFor(units);
  const mentions: UnitMention[] = [];
  for (const match of foldVietnamese(text).matchAll(pattern)) {
    const unitId = unitByKey.get(matchKey(match[0]));
    if (unitId) mentions.push({ unitId, start: match.index, end: match.index + match[0].length });
  }
  return mentions;
}

/** A lookup key: folded, punctuation as spaces ("UBND xã, phường" → "ubnd xa phuong"). */
function lookupKey(text: string): string {
  return foldForMatch(text)
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

function resolverFor(units: readonly Unit[]) {
  let resolver = resolvers.get(units);
  if (!resolver) {
    const exact = new Map<string, Unit>();
    const contained: Array<[string, Unit]> = [];
    for (const unit of units) {
      const names = [unit.id.replace(/-/g, ' '), unit.name, ...unit.aliases, ...patternsOf(unit)];
      for (const name of names) {
        const key = lookupKey(name);
        if (!key) continue;
        if (!exact.has(key)) exact.set(key, unit);
        // Inside a longer query only multi-word names and acronyms count: "xã" alone is too common.
        const acronym = /^[\p{Lu}&]{3,}$/u.test(name.replace(/\s/g, ''));
        if (key.includes(' ') || acronym) contained.push([key, unit]);
      }
    }
    contained.sort((a, b) => b[0].length - a[0].length);
    resolver = { exact, contained };
    resolvers.set(units, resolver);
  }
  return resolver;
}

/**
 * The unit a user means: by id, name, alias or pattern, with or without diacritics, any case
 * ("so noi vu", "SNV", "Sở NV", "Department of Home Affairs", "ubnd xa"); else the longest
 * name contained in the query as whole words; else undefined.
 */
export function resolveUnit(query: string, units: Unit[]): Unit | undefined {
  const key = lookupKey(query);
  if (!key) return undefined;
  const { exact, contained } = resolverFor(units);
  const direct = exact.get(key);
  if (direct) return direct;
  const padded = ` ${key} `;
  return contained.find(([name]) => padded.includes(` ${name} `))?.[1];
}
