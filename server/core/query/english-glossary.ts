/**
 * The English glossary of the domain (`ingest/vocabulary/english-glossary.json`): English
 * phrases of civil-service and administrative regulations with the Vietnamese the documents
 * write ("probation" → "tập sự", "forms of discipline" → "hình thức kỷ luật"). A question
 * asked in English is rewritten into the documents' words before it is understood, so its
 * content words are words the corpus uses rather than foreign ones.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldedTokens } from '../../../common/text-key.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * The JSON file as written; an empty `vi` drops English grammar the stop words cannot hold ("can be").
 * `ask` marks an English way of asking written as the Vietnamese one ("how many" → "bao nhiêu",
 * "which decrees" → "những nghị định nào"): its Vietnamese function words are grammar, not topic.
 * `relative` marks people named before a relative "who" ("staff who" → "cán bộ, công chức").
 */
export interface EnglishGlossaryFile {
  about?: string;
  /** English words framing a term of the glossary and the Vietnamese around it ("which" → "những … nào"; "…" holds the term). */
  frames?: GlossaryFrame[];
  /** English words shaped like Vietnamese syllables ("may" is not "mấy"), dropped as grammar from a question the glossary translated. */
  englishOnly?: string[];
  entries: Array<{ en: string; vi: string; ask?: boolean; relative?: boolean }>;
}

/**
 * English words that frame a term of the glossary, and the Vietnamese written around it: "which" /
 * "what" before a noun ask "những … nào"; "when" / "while" before a verb in -ing (`verbs`) is
 * "khi …", a condition, not the question "when"; "what does … mean" ("…" holds the term when
 * English follows it too) is "… là gì". The frame's words are the question's grammar, unless
 * `content`: an English modifier the Vietnamese writes after its noun ("monthly allowance" →
 * "phụ cấp hằng tháng") is topic.
 */
export interface GlossaryFrame {
  en: string[];
  vi: string;
  verbs?: boolean;
  content?: boolean;
  /** Frames only entries of at most this many English words ("what is …" asks of a term, and terms are short). */
  maxWords?: number;
}

/** One glossary entry, folded: the English words and the Vietnamese words they become. */
export interface GlossaryEntry {
  tokens: string[];
  replacement: string[];
  /** Per replacement word, whether it is grammar of the question (a function word of an `ask` entry); absent when none is. */
  grammar?: boolean[];
}

const DEFAULT_FILE = fileURLToPath(new URL('../../../ingest/vocabulary/english-glossary.json', import.meta.url));

/** Reads the glossary file (default: the shipped one); a missing file is an empty glossary. */
export function readEnglishGlossary(file: string = DEFAULT_FILE): EnglishGlossaryFile {
  if (!fs.existsSync(file)) return { entries: [] };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EnglishGlossaryFile;
}

/**
 * The entries that can be applied to every question. A single word that could be a Vietnamese
 * syllable typed without tone marks ("can", "ban", "chat") is left out: the rule would also
 * fire on a Vietnamese question ("can bo" is "cán bộ", not "can"). See `couldBeVietnamese`. A
 * phrase of such words ("can be") is English only as long as no document writes it; the
 * glossary's test checks that against the real documents.
 */
export function compileEnglishGlossary(file: EnglishGlossaryFile): GlossaryEntry[] {
  const { usable, seen } = usableEntries(file);
  return [...usable, ...(file.frames ?? []).flatMap((frame) => framedForms(usable, seen, frame))];
}

/**
 * The words of every rule `compileEnglishGlossary` makes, without making the ~20,000 framed
 * ones: those are an entry's words between a frame's words. Cheap, for the typo dictionary at
 * start-up; the rules themselves are compiled on the first question (see `compileQueryVocabulary`).
 */
export function englishGlossaryWords(file: EnglishGlossaryFile): Set<string> {
  const words = new Set<string>();
  for (const entry of usableEntries(file).usable) for (const token of entry.tokens) words.add(token);
  for (const frame of file.frames ?? []) {
    for (const word of frame.en) for (const token of foldedTokens(word.replace('…', ' '))) words.add(token);
  }
  return words;
}

/** The file's entries and their inflected forms, folded, without the one-word ones Vietnamese could write; with the phrases seen. */
function usableEntries(file: EnglishGlossaryFile): { usable: GlossaryEntry[]; seen: Set<string> } {
  const written = file.entries
    .map((entry) => ({ tokens: foldedTokens(entry.en), replacement: foldedTokens(entry.vi), ...grammarOf(entry) }))
    .filter((entry) => entry.tokens.length > 0);
  // A form the file writes itself keeps its own translation ("proceedings" is not "proceeding").
  const seen = new Set(written.map((entry) => entry.tokens.join(' ')));
  const inflected = written.flatMap((entry) =>
    inflections(entry.tokens[entry.tokens.length - 1])
      .map((form) => ({ ...entry, tokens: [...entry.tokens.slice(0, -1), form] }))
      .filter((form) => {
        const key = form.tokens.join(' ');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
  );
  const usable = [...written, ...inflected].filter((entry) => entry.tokens.length > 1 || !couldBeVietnamese(entry.tokens[0]));
  return { usable, seen };
}

/**
 * "which disciplinary measures …" → "những hình thức kỷ luật nào", "when evaluating …" → "khi
 * đánh giá …", "what does secondment mean" → "biệt phái là gì": every entry that is not itself a
 * way of asking, framed by the frame's English words ("…" marks where the entry stands when
 * English words follow it too) and written inside its Vietnamese; a verb frame takes only
 * entries opening with an -ing form. One the file writes wins.
 */
function framedForms(entries: readonly GlossaryEntry[], seen: Set<string>, frame: GlossaryFrame): GlossaryEntry[] {
  // Each English frame as the words before the entry and after it; hyphens fold to two words ("commune-level").
  const words = frame.en.map((word) => {
    const [head, tail = ''] = word.split('…');
    return { head: foldedTokens(head), tail: foldedTokens(tail), lead: foldedTokens(head).join(' ') };
  });
  const [before, after = []] = frame.vi.split('…').map((part) => foldedTokens(part));
  const beforeGrammar = before.map(() => frame.content !== true);
  const afterGrammar = after.map(() => frame.content !== true);
  // Plain loops: the frames make ~10,000 rules, and the start-up of every assistant compiles them.
  const framed: GlossaryEntry[] = [];
  for (const entry of entries) {
    const key = entry.tokens.join(' ');
    if (entry.replacement.length === 0 || entry.grammar || words.some(({ lead }) => key === lead || key.startsWith(`${lead} `))) continue;
    if (frame.verbs && !entry.tokens[0].endsWith('ing')) continue;
    if (frame.maxWords !== undefined && entry.tokens.length > frame.maxWords) continue;
    const replacement = before.concat(entry.replacement, after);
    const grammar = beforeGrammar.concat(new Array<boolean>(entry.replacement.length).fill(false), afterGrammar);
    for (const { head, tail } of words) {
      const tokens = [...head, ...entry.tokens, ...tail];
      if (seen.has(tokens.join(' '))) continue;
      framed.push({ tokens, replacement, grammar });
    }
  }
  return framed;
}

/**
 * The function words of an `ask` entry's Vietnamese ("những", "nào", "bao nhiêu"): the question's
 * grammar, kept out of its topic. A `relative` entry ("staff who" → "cán bộ, công chức") names
 * people before a relative clause: its Vietnamese is all topic, but its English words are read
 * as grammar, so the "who" of "staff who draft laws" is not taken for the question "who".
 */
function grammarOf(entry: { vi: string; ask?: boolean; relative?: boolean }): { grammar?: boolean[] } {
  if (entry.ask === true) return { grammar: foldedTokens(entry.vi).map((word) => STOP_WORDS.has(word)) };
  return entry.relative === true ? { grammar: foldedTokens(entry.vi).map(() => false) } : {};
}

/**
 * Regular English forms of a last word, so that the file writes "approve" once and questions
 * may say "approves", "approved", "approving": plural or third person (-s, -es, -ies), past
 * (-ed, -d, -ied) and -ing. Irregular or doubled forms ("admitted") are written in the file.
 */
export function inflections(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word) || /(?:ing|ed|[^s]s)$/.test(word)) return [];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`, `${word}ing`];
  const plural = /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
  if (word.endsWith('e')) return [plural, `${word}d`, `${word.slice(0, -1)}ing`];
  return [plural, `${word}ed`, `${word}ing`];
}

/** Initial consonants of Vietnamese syllables, folded (đ → d), longest first. */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
/** Vowel nuclei of Vietnamese syllables, folded. */
const NUCLEUS =
  '(?:uye|uya|oai|oay|oeo|uay|uoi|uou|ieu|yeu|uyu|ia|ie|iu|ai|ao|au|ay|eo|eu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)';
/** Final consonants of Vietnamese syllables. */
const CODA = '(?:ng|nh|ch|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** Whether a folded word has the shape of a Vietnamese syllable ("can", "chat", "to"); "discipline", "rank" have not. */
export function couldBeVietnamese(word: string): boolean {
  return SYLLABLE.test(word);
}
