/**
 * The question words (`ingest/vocabulary/question-words.json`): the ways of asking that the
 * readers of a question look for ("bao lâu", "là gì", "ai là"), and the words read in the
 * documents' sentences for the span that answers ("có trách nhiệm", "Ủy ban"). One loader:
 * the file is checked (a bad entry is an error naming the file, the place and the fix) and
 * compiled into patterns once (see `question-patterns.ts`); a new way of asking is a line of JSON.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matchKey } from '../../../common/text-key.js';
import { compileQuestionWords, type QuestionWords } from './question-patterns.js';

export type { QuestionWords } from './question-patterns.js';

/**
 * A way of asking: its words, or its words with the neighbours that cancel it: after a word of
 * `notAfter` ("phụ lúc nào"), or before a word of `notBefore` ("ai là người …") unless that word
 * is followed by one of `unlessThen` ("ai là người đứng đầu").
 */
export type PhraseEntry = string | { words: string; notAfter?: string[]; notBefore?: string[]; unlessThen?: string[] };

/** Words before a date that make it a bound ("trước", "chậm nhất"); `strict` ones exclude the month they name. */
export interface DateBound {
  words: string[];
  side: 'before' | 'after';
  strict: boolean;
}

/** The JSON file as written: folded lists (matched on the folded question), `spans` as the documents write. */
export interface QuestionWordsFile {
  about?: string;
  parts: { asks: PhraseEntry[]; leftBeforeAsk: string[] };
  followUps: { continues: string[] };
  definitions: { asksAfter: string[]; leadIns: string[]; asksBefore: string[]; frameWords: string[] };
  place: { asksWhatItSays: string[] };
  appendix: { asksContent: string[] };
  support: {
    person: PhraseEntry[];
    venue: { events: string[]; at: string[]; places: string[]; englishAsks: string[]; englishEvents: string[] };
    amount: string[];
  };
  dates: { shareBefore: string[]; shareAfter: string[]; bounds: DateBound[]; boundDayWords: string[]; yearWords: string[] };
  needs: {
    howLong: string[];
    howMany: string[];
    when: PhraseEntry[];
    who: string[];
    countWords: string[];
    notCounted: string[];
    shareNouns: string[];
    /** Words of a share question that say nothing of what the share is of ("tỷ lệ", "năm", "chỉ tiêu"). */
    figureFrameWords: string[];
  };
  spans: {
    datePrefixes: string[];
    numericDatePrefixes: string[];
    periodFrames: string[];
    periodUnits: string[];
    periodTails: string[];
    recurrenceWords: string[];
    recurrencePeriods: string[];
    standingWords: string[];
    precisePeriodWords: string[];
    noLimitWords: string[];
    numberWords: string[];
    lengthUnits: string[];
    lengthUnitsWithNoun: string[];
    lengthTails: string[];
    notLengthAfter: string[];
    notAmountAfter: string[];
    dutyVerbs: string[];
    actors: string[];
  };
}

/** A question-words file that cannot be used: the message names the file, the entry and what is wrong. */
export class QuestionWordsError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'QuestionWordsError';
  }
}

/** Every list the file must have, by section; `entries` lists may hold objects, `written` ones keep tone marks and case. */
const LISTS: Record<string, { lists: string[]; entries?: string[]; written?: true | string[] }> = {
  parts: { lists: ['asks', 'leftBeforeAsk'], entries: ['asks'], written: ['leftBeforeAsk'] },
  followUps: { lists: ['continues'] },
  definitions: { lists: ['asksAfter', 'leadIns', 'asksBefore', 'frameWords'] },
  place: { lists: ['asksWhatItSays'] },
  appendix: { lists: ['asksContent'] },
  support: { lists: ['person', 'amount'], entries: ['person'] },
  'support.venue': { lists: ['events', 'at', 'places', 'englishAsks', 'englishEvents'] },
  dates: { lists: ['shareBefore', 'shareAfter', 'boundDayWords', 'yearWords'] },
  needs: { lists: ['howLong', 'howMany', 'when', 'who', 'countWords', 'notCounted', 'shareNouns', 'figureFrameWords'], entries: ['when'] },
  spans: {
    lists: [
      'datePrefixes', 'numericDatePrefixes', 'periodFrames', 'periodUnits', 'periodTails', 'recurrenceWords', 'recurrencePeriods', 'standingWords',
      'precisePeriodWords', 'noLimitWords', 'numberWords', 'lengthUnits', 'lengthUnitsWithNoun', 'lengthTails', 'notLengthAfter', 'notAmountAfter',
      'dutyVerbs', 'actors',
    ],
    written: true,
  },
};

const ENTRY_KEYS = new Set(['words', 'notAfter', 'notBefore', 'unlessThen']);

/** The problem with one word or phrase, or null: words are separated by one space; folded lists are written as the folded question is. */
function phraseProblem(value: unknown, written: boolean): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `must be a non-empty string, not ${JSON.stringify(value)}`;
  if (value !== value.trim() || /\s{2}|[^\S ]/u.test(value)) return `must be words separated by single spaces: ${JSON.stringify(value)}`;
  if (!written && matchKey(value) !== value) return `must be folded (no tone marks, lower case), as questions are matched: write ${JSON.stringify(matchKey(value))}, not ${JSON.stringify(value)}`;
  return null;
}

function checkList(value: unknown, where: string, options: { written: boolean; entries: boolean }): string | null {
  if (!Array.isArray(value) || value.length === 0) return `${where} must be a non-empty list of words or phrases`;
  for (const [index, item] of value.entries()) {
    const at = `${where}[${index}]`;
    if (options.entries && typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const problem = checkEntry(item as Record<string, unknown>, at);
      if (problem) return problem;
      continue;
    }
    const problem = phraseProblem(item, options.written);
    if (problem) return `${at} ${problem}`;
  }
  return null;
}

/** An entry with neighbours: `words`, and lists of folded words around it. */
function checkEntry(entry: Record<string, unknown>, at: string): string | null {
  const unknown = Object.keys(entry).find((key) => !ENTRY_KEYS.has(key));
  if (unknown) return `${at} has an unknown key "${unknown}" (known: ${[...ENTRY_KEYS].join(', ')})`;
  const problem = phraseProblem(entry.words, false);
  if (problem) return `${at}.words ${problem}`;
  if (entry.unlessThen !== undefined && entry.notBefore === undefined) return `${at}.unlessThen needs notBefore (the word it follows)`;
  for (const key of ['notAfter', 'notBefore', 'unlessThen']) {
    if (entry[key] === undefined) continue;
    const listProblem = checkList(entry[key], `${at}.${key}`, { written: false, entries: false });
    if (listProblem) return listProblem;
  }
  return null;
}

/** The ordered table of date bounds: each row its words, a side and whether it is strict. */
function checkBounds(bounds: unknown): string | null {
  if (!Array.isArray(bounds) || bounds.length === 0) return 'dates.bounds must be a non-empty list of {"words", "side", "strict"}';
  for (const [index, row] of bounds.entries()) {
    const at = `dates.bounds[${index}]`;
    if (typeof row !== 'object' || row === null) return `${at} must be an object {"words", "side", "strict"}`;
    const { words, side, strict } = row as Record<string, unknown>;
    if (side !== 'before' && side !== 'after') return `${at}.side must be "before" or "after", not ${JSON.stringify(side)}`;
    if (typeof strict !== 'boolean') return `${at}.strict must be true or false`;
    const problem = checkList(words, `${at}.words`, { written: false, entries: false });
    if (problem) return problem;
  }
  return null;
}

/** The section of the file at a dotted path ("support.venue"), or undefined. */
function sectionAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), data);
}

/** Checks the file's shape; throws a {@link QuestionWordsError} naming the first problem. */
export function checkQuestionWords(data: unknown, file = 'question-words.json'): QuestionWordsFile {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new QuestionWordsError(file, 'must hold a JSON object');
  for (const [path, spec] of Object.entries(LISTS)) {
    const section = sectionAt(data, path);
    if (typeof section !== 'object' || section === null || Array.isArray(section)) throw new QuestionWordsError(file, `"${path}" must be an object of lists`);
    for (const list of spec.lists) {
      const entries = spec.entries?.includes(list) ?? false;
      const written = spec.written === true || (spec.written?.includes(list) ?? false);
      const problem = checkList((section as Record<string, unknown>)[list], `${path}.${list}`, { written, entries });
      if (problem) throw new QuestionWordsError(file, problem);
    }
  }
  const bounds = checkBounds((data as { dates: { bounds?: unknown } }).dates.bounds);
  if (bounds) throw new QuestionWordsError(file, bounds);
  return data as QuestionWordsFile;
}

/** The shipped file. */
export const DEFAULT_QUESTION_WORDS_FILE = fileURLToPath(new URL('../../../ingest/vocabulary/question-words.json', import.meta.url));

/** Reads, checks and compiles a question-words file (default: the shipped one). */
export function loadQuestionWords(file: string = DEFAULT_QUESTION_WORDS_FILE): QuestionWords {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new QuestionWordsError(file, `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return compileQuestionWords(checkQuestionWords(data, file));
}

/** The shipped question words, loaded once. */
export const QUESTION_WORDS: QuestionWords = loadQuestionWords();
