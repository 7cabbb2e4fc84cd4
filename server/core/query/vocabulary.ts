/**
 * The query vocabulary (`ingest/vocabulary/query-synonyms.json`) compiled into phrase rules
 * over folded tokens: abbreviations become their full form, synonyms their canonical phrase.
 * Kept as data so that a new way of asking is a line of JSON, not a code change.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accentedKey, foldedTokens, wordTokens } from '../../../common/text-key.js';
import { compileEnglishGlossary, englishGlossaryWords, readEnglishGlossary, type EnglishGlossaryFile } from './english-glossary.js';

/** The JSON file as written. */
export interface QuerySynonymsFile {
  abbreviations: Array<{ short: string; long: string }>;
  /** `topic: true` groups name a subject (kept for search); the others signal an intent. */
  synonyms: Array<{ canonical: string; variants: string[]; topic?: boolean }>;
  months: Array<{ words: string[]; month: number }>;
  /** Terms of public administration read whole ("đơn vị hành chính"). */
  terms?: string[];
}

/** One rewrite: when `tokens` appear in a row, emit `replacement`; `canonical` names a synonym group. */
export interface PhraseRule {
  tokens: string[];
  replacement: string[];
  canonical: string | null;
  /** Whether the replacement is an intent cue (dropped from the topic) rather than a subject. */
  cue: boolean;
  /** Per replacement word, whether it is grammar of the question (an English way of asking, written in Vietnamese). */
  grammar?: boolean[];
  /** The phrase's words as written, lower case with diacritics: a question typed with tone marks must match them. */
  written?: string[];
}

/** Rules indexed by first token, longest first. */
export type RuleTable = Map<string, PhraseRule[]>;

/** The compiled vocabulary: abbreviations are rewritten first, then the English glossary, then synonyms. */
export interface QueryVocabulary {
  abbreviations: RuleTable;
  /** English phrases of the domain → the Vietnamese the documents write (`english-glossary.json`). */
  glossary: RuleTable;
  synonyms: RuleTable;
  /** Folded month words ("sau" → 6, "june" → 6). */
  monthWords: Map<string, number>;
  /** How each month word is recognized: English names anywhere, Vietnamese ones after "tháng". */
  monthPatterns: Array<{ pattern: RegExp; month: number }>;
  /** Every folded token the vocabulary knows, for typo correction beside the corpus words. */
  words: Set<string>;
  /** Terms of public administration, folded, as words ("don vi hanh chinh" → ["don", "vi", "hanh", "chinh"]). */
  terms: string[][];
  /** English words shaped like Vietnamese syllables ("may"), read as English grammar once the glossary has translated a question. */
  englishOnly: ReadonlySet<string>;
}

/** The result of rewriting a question's tokens. */
export interface Expansion {
  tokens: string[];
  /** Canonical phrases (folded, space-joined) whose group matched. */
  cues: Set<string>;
  /** Per output token: whether it came from an intent cue. */
  cueMask: boolean[];
  /** Per output token: the index of the input token it passes through unchanged, or null for a rewrite. */
  origin: Array<number | null>;
  /**
   * Whether the English glossary rewrote words: the question was (partly) English, and readers of
   * the question as typed (`ParsedQuery.key`) find its Vietnamese only in the expanded tokens.
   */
  translated: boolean;
  /** The tokens after the glossary, before the synonyms: the Vietnamese question words it wrote ("bao lâu") as written. */
  glossed: string[];
  /**
   * Indexes of the input tokens the glossary read as English grammar: dropped ("may be", which is
   * not "mấy") or written as the Vietnamese way of asking ("who is responsible for" → "ai có trách nhiệm").
   */
  dropped: Set<number>;
}

/** The shipped vocabulary file. */
export const DEFAULT_VOCABULARY_FILE = fileURLToPath(new URL('../../../ingest/vocabulary/query-synonyms.json', import.meta.url));
const DEFAULT_FILE = DEFAULT_VOCABULARY_FILE;

/** Reads and compiles the vocabulary file and the English glossary (default: the shipped ones). */
export function loadQueryVocabulary(file: string = DEFAULT_FILE, glossaryFile?: string): QueryVocabulary {
  return compileQueryVocabulary(JSON.parse(fs.readFileSync(file, 'utf8')) as QuerySynonymsFile, readEnglishGlossary(glossaryFile));
}

/** Compiles the vocabulary; the canonical phrase of a group also matches itself. */
export function compileQueryVocabulary(data: QuerySynonymsFile, glossaryFile: EnglishGlossaryFile = { entries: [] }): QueryVocabulary {
  const words = new Set<string>();
  const rule = (phrase: string, replacement: string[], canonical: string | null, cue: boolean): PhraseRule[] => {
    const tokens = foldedTokens(phrase);
    tokens.forEach((token) => words.add(token));
    const written = wordTokens(accentedKey(phrase));
    return tokens.length > 0 ? [{ tokens, replacement, canonical, cue, ...(written.length === tokens.length ? { written } : {}) }] : [];
  };
  const abbreviations = data.abbreviations.flatMap(({ short, long }) => rule(short, foldedTokens(long), null, false));
  // The glossary's ~31,000 framed and inflected rules are compiled on the first question, not at
  // start-up (they took most of it); their words, which the typo dictionary needs, are known now.
  for (const word of englishGlossaryWords(glossaryFile)) words.add(word);
  const glossary = new LazyRuleTable(() =>
    compileEnglishGlossary(glossaryFile).map(({ tokens, replacement, grammar }): PhraseRule => ({ tokens, replacement, canonical: null, cue: false, grammar })),
  );
  const synonyms = data.synonyms.flatMap((group) => {
    const canonicalTokens = foldedTokens(group.canonical);
    const canonical = canonicalTokens.join(' ');
    const cue = group.topic !== true;
    return [group.canonical, ...group.variants].flatMap((phrase) => rule(phrase, canonicalTokens, canonical, cue));
  });
  const monthWords = new Map<string, number>();
  for (const { words: names, month } of data.months) {
    for (const name of names) monthWords.set(foldedTokens(name).join(' '), month);
  }
  const terms = (data.terms ?? []).map((term) => foldedTokens(term)).filter((tokens) => tokens.length > 1);
  const englishOnly = new Set((glossaryFile.englishOnly ?? []).flatMap((word) => foldedTokens(word)));
  return { abbreviations: indexRules(abbreviations), glossary, synonyms: indexRules(synonyms), monthWords, monthPatterns: monthPatternsOf(monthWords), words, terms, englishOnly };
}

/** Vietnamese month words that are also ordinary words ("năm", "sáu"): recognized only after "tháng". */
const VIETNAMESE_MONTH_WORDS = /^(?:mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|muoi mot|muoi hai|gieng|chap)$/;

/** Whether a folded month word is Vietnamese ("sau"), read only after "tháng", not an English name. */
export function isVietnameseMonthWord(words: string): boolean {
  return VIETNAMESE_MONTH_WORDS.test(words);
}

function monthPatternsOf(monthWords: Map<string, number>): Array<{ pattern: RegExp; month: number }> {
  return [...monthWords].map(([words, month]) => ({
    month,
    pattern: VIETNAMESE_MONTH_WORDS.test(words) ? new RegExp(`\\bthang\\s+${words}\\b(?!\\s+(?:mot|hai)\\b)`) : new RegExp(`\\b${words}\\b`),
  }));
}

/** A rule table filled from its rules the first time it is read. */
class LazyRuleTable extends Map<string, PhraseRule[]> {
  #rules: (() => PhraseRule[]) | null;

  constructor(rules: () => PhraseRule[]) {
    super();
    this.#rules = rules;
  }

  #fill(): void {
    if (!this.#rules) return;
    const rules = this.#rules;
    this.#rules = null;
    for (const [token, list] of indexRules(rules())) super.set(token, list);
  }

  override get(token: string): PhraseRule[] | undefined {
    this.#fill();
    return super.get(token);
  }

  override has(token: string): boolean {
    this.#fill();
    return super.has(token);
  }

  override get size(): number {
    this.#fill();
    return super.size;
  }

  override entries(): MapIterator<[string, PhraseRule[]]> {
    this.#fill();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.#fill();
    return super.keys();
  }

  override values(): MapIterator<PhraseRule[]> {
    this.#fill();
    return super.values();
  }

  override forEach(callback: (value: PhraseRule[], key: string, map: Map<string, PhraseRule[]>) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, PhraseRule[]]> {
    this.#fill();
    return super[Symbol.iterator]();
  }
}

function indexRules(rules: PhraseRule[]): RuleTable {
  const table: RuleTable = new Map();
  for (const rule of rules) {
    const list = table.get(rule.tokens[0]) ?? [];
    list.push(rule);
    table.set(rule.tokens[0], list);
  }
  for (const list of table.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return table;
}

/**
 * Rewrites tokens: abbreviations first ("DS nv" → "danh sách nhiệm vụ"), then the English
 * glossary ("forms of discipline" → "hình thức kỷ luật"), then synonyms ("danh sách" → "liệt kê").
 * Each pass goes left to right taking the longest rule that matches; a replacement is not
 * rewritten again within its pass, so rules cannot loop. The glossary leaves alone the English
 * ways of asking the synonyms know ("who is responsible", "how long"): they say what is asked.
 */
export function expandTokens(tokens: readonly string[], vocabulary: QueryVocabulary, written?: ReadonlyArray<string | undefined>, options: { english?: boolean } = {}): Expansion {
  const start: Piece[] = tokens.map((token, index) => ({ token, cue: false, origin: index }));
  const cues = new Set<string>();
  const abbreviated = rewrite(start, vocabulary.abbreviations, cues);
  const dropped = new Set<number>();
  // Names written in Vietnamese (units, documents) skip the glossary: reading them at start-up would compile it.
  const glossed = options.english === false ? abbreviated : rewrite(abbreviated, vocabulary.glossary, cues, vocabulary.synonyms, dropped);
  const english = glossed.length !== abbreviated.length || glossed.some((piece, index) => piece !== abbreviated[index]);
  // In a question the glossary translated, "may" is the English modal, not "mấy".
  const translated = english ? withoutWords(glossed, vocabulary.englishOnly, dropped) : glossed;
  const rewritten = rewrite(translated, vocabulary.synonyms, cues, undefined, undefined, written);
  return {
    tokens: rewritten.map((piece) => piece.token),
    cues,
    cueMask: rewritten.map((piece) => piece.cue),
    origin: rewritten.map((piece) => piece.origin),
    translated: english,
    glossed: translated.map((piece) => piece.token),
    dropped,
  };
}

/** The pieces without the typed words of `words`, whose input indexes are added to `dropped`. */
function withoutWords(pieces: readonly Piece[], words: ReadonlySet<string>, dropped: Set<number>): Piece[] {
  return pieces.filter((piece) => {
    if (piece.origin === null || !words.has(piece.token)) return true;
    dropped.add(piece.origin);
    return false;
  });
}

interface Piece {
  token: string;
  cue: boolean;
  origin: number | null;
}

/**
 * One pass of `table` over the pieces. With `yieldTo`, a rule of that table matching at the
 * same place is kept for its own pass when it is longer, or as long and an intent cue.
 */
function rewrite(
  pieces: readonly Piece[],
  table: RuleTable,
  cues: Set<string>,
  yieldTo?: RuleTable,
  dropped?: Set<number>,
  written?: ReadonlyArray<string | undefined>,
): Piece[] {
  const out: Piece[] = [];
  let index = 0;
  while (index < pieces.length) {
    const rule = longestRule(table, pieces, index, written);
    const kept = yieldTo && longestRule(yieldTo, pieces, index);
    if (kept && (!rule || kept.tokens.length > rule.tokens.length || (kept.cue && kept.tokens.length === rule.tokens.length))) {
      out.push(...pieces.slice(index, index + kept.tokens.length));
      index += kept.tokens.length;
      continue;
    }
    if (!rule) {
      out.push(pieces[index]);
      index += 1;
      continue;
    }
    rule.replacement.forEach((token, at) => out.push({ token, cue: rule.cue || rule.grammar?.[at] === true, origin: null }));
    if (rule.replacement.length === 0 || rule.grammar) {
      for (const piece of pieces.slice(index, index + rule.tokens.length)) if (piece.origin !== null) dropped?.add(piece.origin);
    }
    if (rule.canonical) cues.add(rule.canonical);
    index += rule.tokens.length;
  }
  return out;
}

/**
 * The longest rule of `table` whose words start at `index`. With `written` (the question's words
 * as typed with tone marks, by input index), a word typed with marks must have the rule's marks:
 * "quyết định kỷ luật" holds the letters of "định kỳ", not the word.
 */
function longestRule(table: RuleTable, pieces: readonly Piece[], index: number, written?: ReadonlyArray<string | undefined>): PhraseRule | undefined {
  const rules = table.get(pieces[index].token);
  return rules === undefined ? undefined : firstFrom(rules, 1, pieces, index, written);
}

/**
 * The first rule of `rules` (longest first, whose first `depth` words are the pieces' from
 * `index`) that matches. A long list is looked up by its next word: the rules longer than
 * `depth` under the piece's word, then the rules of `depth` words, which is the list's order.
 */
function firstFrom(rules: readonly PhraseRule[], depth: number, pieces: readonly Piece[], index: number, written?: ReadonlyArray<string | undefined>): PhraseRule | undefined {
  if (rules.length < SPLIT_FROM) return firstMatching(rules, pieces, index, written);
  const split = splitRules(rules, depth);
  const next = pieces[index + depth]?.token;
  const longer = next === undefined ? undefined : split.byNext.get(next);
  const found = longer && firstFrom(longer, depth + 1, pieces, index, written);
  if (found) return found;
  // Their first `depth` words match already: only the marks are left to check.
  for (const rule of split.ending) if (marksAgree(rule, pieces, index, written)) return rule;
  return undefined;
}

/** The first rule of `rules` whose words are the pieces' from `index`, with their marks (a loop: no closure made per lookup). */
function firstMatching(rules: readonly PhraseRule[], pieces: readonly Piece[], index: number, written?: ReadonlyArray<string | undefined>): PhraseRule | undefined {
  for (const rule of rules) {
    let matches = true;
    for (let offset = 0; offset < rule.tokens.length; offset += 1) {
      if (pieces[index + offset]?.token !== rule.tokens[offset]) {
        matches = false;
        break;
      }
    }
    if (matches && marksAgree(rule, pieces, index, written)) return rule;
  }
  return undefined;
}

/** Whether every word of the rule typed with tone marks has the rule's marks (true without marks to compare). */
function marksAgree(rule: PhraseRule, pieces: readonly Piece[], index: number, written?: ReadonlyArray<string | undefined>): boolean {
  if (!written || !rule.written) return true;
  for (let offset = 0; offset < rule.tokens.length; offset += 1) {
    const origin = pieces[index + offset].origin;
    const typed = origin === null ? undefined : written[origin];
    const marked = rule.written[offset];
    if (typed !== undefined && marked !== rule.tokens[offset] && typed !== marked) return false;
  }
  return true;
}

/** Rules sharing their first `depth` words, apart by the next one; those of exactly `depth` words, in the list's order. */
interface SplitRules {
  byNext: Map<string, PhraseRule[]>;
  ending: PhraseRule[];
}

/**
 * Lists at least this long are split by their next word: the glossary's framed English
 * questions put ~15,000 rules under "what", ~7,000 of them under "what is", and a question
 * starting so tried all of those.
 */
const SPLIT_FROM = 16;
const splitLists = new WeakMap<readonly PhraseRule[], SplitRules>();

/** A list's rules by word `depth`, each sublist in the list's order (so the first match is the same rule). */
function splitRules(rules: readonly PhraseRule[], depth: number): SplitRules {
  let split = splitLists.get(rules);
  if (!split) {
    split = { byNext: new Map(), ending: [] };
    for (const rule of rules) {
      if (rule.tokens.length === depth) {
        split.ending.push(rule);
        continue;
      }
      const list = split.byNext.get(rule.tokens[depth]);
      if (list) list.push(rule);
      else split.byNext.set(rule.tokens[depth], [rule]);
    }
    splitLists.set(rules, split);
  }
  return split;
}
