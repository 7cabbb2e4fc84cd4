/**
 * The query vocabulary (`ingest/vocabulary/query-synonyms.json`) compiled into phrase rules
 * over folded tokens: abbreviations become their full form, synonyms their canonical phrase.
 * Kept as data so that a new way of asking is a line of JSON, not a code change.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldedTokens } from './text-key.js';

/** The JSON file as written. */
export interface QuerySynonymsFile {
  abbreviations: Array<{ short: string; long: string }>;
  /** `topic: true` groups name a subject (kept for search); the others signal an intent. */
  synonyms: Array<{ canonical: string; variants: string[]; topic?: boolean }>;
  months: Array<{ words: string[]; month: number }>;
}

/** One rewrite: when `tokens` appear in a row, emit `replacement`; `canonical` names a synonym group. */
export interface PhraseRule {
  tokens: string[];
  replacement: string[];
  canonical: string | null;
  /** Whether the replacement is an intent cue (dropped from the topic) rather than a subject. */
  cue: boolean;
}

/** The compiled vocabulary: rules indexed by first token, longest first. */
export interface QueryVocabulary {
  rulesByFirstToken: Map<string, PhraseRule[]>;
  /** Folded month words ("sau" → 6, "june" → 6). */
  monthWords: Map<string, number>;
  /** Every folded token the vocabulary knows, for typo correction beside the corpus words. */
  words: Set<string>;
}

/** The result of rewriting a question's tokens. */
export interface Expansion {
  tokens: string[];
  /** Canonical phrases (folded, space-joined) whose group matched. */
  cues: Set<string>;
  /** Per output token: whether it came from an intent cue. */
  cueMask: boolean[];
}

const DEFAULT_FILE = fileURLToPath(new URL('../../../ingest/vocabulary/query-synonyms.json', import.meta.url));

/** Reads and compiles the vocabulary file (default: the shipped one). */
export function loadQueryVocabulary(file: string = DEFAULT_FILE): QueryVocabulary {
  return compileQueryVocabulary(JSON.parse(fs.readFileSync(file, 'utf8')) as QuerySynonymsFile);
}

/** Compiles the vocabulary; the canonical phrase of a group also matches itself. */
export function compileQueryVocabulary(data: QuerySynonymsFile): QueryVocabulary {
  const rules: PhraseRule[] = [];
  const words = new Set<string>();
  const add = (phrase: string, replacement: string[], canonical: string | null, cue: boolean): void => {
    const tokens = foldedTokens(phrase);
    if (tokens.length === 0) return;
    tokens.forEach((token) => words.add(token));
    rules.push({ tokens, replacement, canonical, cue });
  };
  for (const { short, long } of data.abbreviations) add(short, foldedTokens(long), null, false);
  for (const group of data.synonyms) {
    const canonicalTokens = foldedTokens(group.canonical);
    const canonical = canonicalTokens.join(' ');
    const cue = group.topic !== true;
    add(group.canonical, canonicalTokens, canonical, cue);
    for (const variant of group.variants) add(variant, canonicalTokens, canonical, cue);
  }
  const rulesByFirstToken = new Map<string, PhraseRule[]>();
  for (const rule of rules) {
    const list = rulesByFirstToken.get(rule.tokens[0]) ?? [];
    list.push(rule);
    rulesByFirstToken.set(rule.tokens[0], list);
  }
  for (const list of rulesByFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const monthWords = new Map<string, number>();
  for (const { words: names, month } of data.months) {
    for (const name of names) monthWords.set(foldedTokens(name).join(' '), month);
  }
  return { rulesByFirstToken, monthWords, words };
}

/**
 * Rewrites tokens left to right, taking the longest rule that matches at each position.
 * One pass: a replacement is never rewritten again, so rules cannot loop.
 */
export function expandTokens(tokens: readonly string[], vocabulary: QueryVocabulary): Expansion {
  const out: string[] = [];
  const cueMask: boolean[] = [];
  const cues = new Set<string>();
  let index = 0;
  while (index < tokens.length) {
    const rule = (vocabulary.rulesByFirstToken.get(tokens[index]) ?? []).find((candidate) =>
      candidate.tokens.every((token, offset) => tokens[index + offset] === token),
    );
    if (!rule) {
      out.push(tokens[index]);
      cueMask.push(false);
      index += 1;
      continue;
    }
    out.push(...rule.replacement);
    rule.replacement.forEach(() => cueMask.push(rule.cue));
    if (rule.canonical) cues.add(rule.canonical);
    index += rule.tokens.length;
  }
  return { tokens: out, cues, cueMask };
}
