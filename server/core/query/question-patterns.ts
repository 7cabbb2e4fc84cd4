/**
 * The question words compiled into the patterns their readers test: the words come from the
 * file (`question-words.json`, checked by `loadQuestionWords`), the structure stays here (word
 * boundaries, what a pattern captures, the neighbours that cancel a way of asking). Each
 * pattern is built once, when the file is loaded.
 */
import { matchKey } from '../../../common/text-key.js';
import type { PhraseEntry, QuestionWordsFile } from './question-words.js';

/** The compiled question words: one pattern or set per reader. */
export interface QuestionWords {
  /** Ways of asking that end a part of a multi-part question ("bao lâu", "ai", "khi nào"). */
  partAsks: RegExp;
  /** Words left before a way of asking at the end of a first part ("trong" of "trong bao lâu"), as typed. */
  leftBeforeAsk: RegExp;
  /** The start of a question that goes on from the last one ("Còn …", "What about …"). */
  continues: RegExp;
  /** "<term> (được hiểu) là gì": captures the words before the way of asking. */
  definitionAfter: RegExp;
  /** "thế nào là <term>", "định nghĩa (của) <term>": captures the words after it. */
  definitionBefore: RegExp;
  /** Words that may stand before a term asked to be defined ("hiểu", "thuật ngữ"), folded. */
  definitionFrameWords: ReadonlySet<string>;
  /** Asking what a place of a document says ("quy định gì", "nói gì", "what does … say"). */
  asksWhatItSays: RegExp;
  /** Asking what an appendix holds ("gồm", "liệt kê", "list"). */
  asksAppendixContent: RegExp;
  /** Asking who a person is ("là ai", "ai là", but not "ai là người làm …"). */
  personQuestion: RegExp;
  /** Asking where an event takes place ("tổ chức ở đâu", "where … held"). */
  venueQuestion: RegExp;
  /** Asking an amount ("bao nhiêu", "mức lương", "how much"). */
  amountQuestion: RegExp;
  /** "30/6" with no year, not a share ("quá 2/3 số phiếu"); global, for `replace`: captures day and month. */
  daySlashMonth: RegExp;
  /** The words before a date that make it a bound, in the table's order: each tested on the text before the date. */
  bounds: Array<{ pattern: RegExp; side: 'before' | 'after'; strict: boolean }>;
  /** A year named alone ("năm 2026"): captures the year. */
  yearAlone: RegExp;
  /** What a question asks for, by the answer's kind. */
  howLong: RegExp;
  howMany: RegExp;
  when: RegExp;
  who: RegExp;
  /** A count word and the one or two words after it ("bao nhiêu cán bộ"): captures the words. */
  counted: RegExp;
  /** Words after a count word that are not the thing counted ("bao nhiêu là …"), folded. */
  notCounted: ReadonlySet<string>;
  /** Nouns after a count word that ask a share, not a count of a thing ("phần trăm"), folded. */
  shareNouns: ReadonlySet<string>;
  /** Words of a share question that say nothing of what the share is of. */
  figureFrameWords: ReadonlySet<string>;
  /** A question asking a share ("bao nhiêu phần trăm"). */
  shareQuestion: RegExp;
  /** A time expression in a sentence ("chậm nhất ngày 30/6/2026", "trong thời hạn 03 ngày làm việc", "hằng năm"). */
  time: RegExp;
  /** Words that make a time span precise beyond a month ("thời hạn", "vòng", "kể từ"). */
  precisePeriod: RegExp;
  /** "không hạn chế", "không giới hạn" in a sentence: an amount stated as having no limit. */
  noLimit: RegExp;
  /** The words of `noLimit` after "không", folded, as a pattern source without flags or captures. */
  noLimitWords: string;
  /** A figure or a number word, folded, as a pattern source without flags or captures. */
  numberWord: string;
  /** A length of time in a sentence ("05 ngày làm việc", "01 kỳ tuyển dụng tiếp theo"). */
  lengthOfTime: RegExp;
  /** Words before a number that make it a date, a place or a document's number, not an amount. */
  notAmountBefore: RegExp;
  /** A duty verb in a sentence ("có trách nhiệm", "chủ trì"). */
  dutyVerb: RegExp;
  /** The start of an agency or office name in a sentence ("Sở", "Ủy ban", "người đứng đầu"). */
  actor: RegExp;
}

/** Characters with a meaning in a pattern, escaped wherever a word holds one. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** One phrase as a pattern: its words escaped, joined by `separator` (a space as written, or `\s+`). */
function phrase(words: string, separator = ' '): string {
  return words
    .split(' ')
    .map((word) => word.replace(SYNTAX, '\\$&'))
    .join(separator);
}

/**
 * Phrases as one group, longest first: a phrase is tried before its own start ("định nghĩa
 * của" before "định nghĩa"), as an optional word written in the pattern would be.
 */
function anyOf(phrases: readonly string[], separator = ' '): string {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((words) => phrase(words, separator)).join('|')})`;
}

/** One way of asking with the neighbours that cancel it (see `PhraseEntry`). */
function entryPattern(entry: PhraseEntry): string {
  if (typeof entry === 'string') return phrase(entry);
  const before = entry.notAfter ? `(?<!${anyOf(entry.notAfter)} )` : '';
  const unless = entry.unlessThen ? ` (?!${anyOf(entry.unlessThen)})` : '';
  const after = entry.notBefore ? `(?! ${anyOf(entry.notBefore)}${unless})` : '';
  return `${before}${phrase(entry.words)}${after}`;
}

/** Ways of asking as one group, longest first. */
function anyEntry(entries: readonly PhraseEntry[]): string {
  const words = (entry: PhraseEntry): string => (typeof entry === 'string' ? entry : entry.words);
  const sorted = [...entries].sort((a, b) => words(b).length - words(a).length);
  return `(?:${sorted.map(entryPattern).join('|')})`;
}

/** Whole words of a folded question: `\b(?:…)\b`. */
function wholeWords(group: string, flags = ''): RegExp {
  return new RegExp(`\\b${group}\\b`, flags);
}

/**
 * The shapes of a time expression as official writing puts it, in the order they are tried:
 * dates written out or with digits after the words that bound them, periods ("trong thời hạn
 * 03 ngày"), "kể từ ngày …", recurrences ("hằng năm"), "định kỳ", quarters, months, years,
 * stages ("giai đoạn 2021–2025"), standing duties ("thường xuyên"). The calendar's own words
 * (ngày, tháng, năm, quý) are its grammar and stay here.
 */
function timePattern(spans: QuestionWordsFile['spans']): RegExp {
  return new RegExp(
    [
      String.raw`${anyOf(spans.datePrefixes)}?\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?`,
      String.raw`${anyOf(spans.numericDatePrefixes)}?\s*ngày\s+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?`,
      String.raw`trong ${anyOf(spans.periodFrames)}\s+(?:\d+|\p{L}+)\s+${anyOf(spans.periodUnits)}(?: ${anyOf(spans.periodTails)})?(?:,?\s+kể từ[^.;]*)?`,
      String.raw`kể từ ngày[^.;]*`,
      String.raw`${anyOf(spans.recurrenceWords)}\s+${anyOf(spans.recurrencePeriods)}`,
      String.raw`định kỳ[^.;]{0,40}`,
      String.raw`quý\s+[IV]{1,3}(?!\p{L})(?:\s*[-/]\s*\d{4}|\s+năm\s+\d{4})?`,
      String.raw`(?:trong\s+)?tháng\s+\d{1,2}(?:[/]\d{4}|\s+năm\s+\d{4})?`,
      String.raw`(?:trong\s+)?năm\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?`,
      String.raw`giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}`,
      anyOf(spans.standingWords),
    ].join('|'),
    'iu',
  );
}

/** Compiles a checked file (see `checkQuestionWords`) into its patterns. */
export function compileQuestionWords(data: QuestionWordsFile): QuestionWords {
  const { definitions, support, dates, needs, spans } = data;
  const venue = support.venue;
  return {
    partAsks: wholeWords(anyEntry(data.parts.asks)),
    leftBeforeAsk: new RegExp(`\\s+${anyOf(data.parts.leftBeforeAsk)}$`, 'iu'),
    continues: new RegExp(`^${anyOf(data.followUps.continues)}\\b`),
    definitionAfter: new RegExp(`([^?.;:!]+?)\\s+(?:${anyOf(definitions.leadIns)}\\s+)?${anyOf(definitions.asksAfter, '\\s+')}\\b`),
    definitionBefore: new RegExp(`\\b${anyOf(definitions.asksBefore)}\\s+([^?.,;:!]+)`),
    definitionFrameWords: new Set(definitions.frameWords),
    asksWhatItSays: wholeWords(anyOf(data.place.asksWhatItSays)),
    asksAppendixContent: wholeWords(anyOf(data.appendix.asksContent)),
    personQuestion: wholeWords(anyEntry(support.person)),
    venueQuestion: new RegExp(
      `\\b${anyOf(venue.events)}\\s+${anyOf(venue.at)}\\s+${anyOf(venue.places)}\\b|\\b${anyOf(venue.englishAsks)}\\b.*\\b${anyOf(venue.englishEvents)}\\b`,
    ),
    amountQuestion: wholeWords(anyOf(support.amount)),
    daySlashMonth: new RegExp(
      `(?<!\\b${anyOf(dates.shareBefore)}\\s+)\\b(\\d{1,2})\\s*\\/\\s*(\\d{1,2})\\b(?!\\s*[/.-]\\s*\\d)(?!\\s+${anyOf(dates.shareAfter)}\\b)`,
      'g',
    ),
    bounds: dates.bounds.map(({ words, side, strict }) => ({
      pattern: new RegExp(`\\b${anyOf(words)}\\s+(?:${anyOf(dates.boundDayWords)}\\s+)?$`),
      side,
      strict,
    })),
    yearAlone: new RegExp(`\\b${anyOf(dates.yearWords)}\\s+(20\\d{2})\\b`),
    howLong: wholeWords(anyOf(needs.howLong)),
    howMany: wholeWords(anyOf(needs.howMany)),
    when: wholeWords(anyEntry(needs.when)),
    who: new RegExp(`(?:^|\\s)${anyOf(needs.who)}(?:\\s|$)`),
    counted: new RegExp(`\\b${anyOf(needs.countWords)}\\s+([a-z]+(?:\\s+[a-z]+)?)`),
    notCounted: new Set(needs.notCounted),
    shareNouns: new Set(needs.shareNouns),
    figureFrameWords: new Set(needs.figureFrameWords),
    shareQuestion: wholeWords(anyOf(needs.shareNouns)),
    time: timePattern(spans),
    precisePeriod: new RegExp(anyOf(spans.precisePeriodWords), 'iu'),
    noLimit: new RegExp(`không ${anyOf(spans.noLimitWords)}`, 'iu'),
    noLimitWords: anyOf(spans.noLimitWords.map(matchKey)),
    numberWord: `(?:\\d+(?:[.,]\\d+)?|${anyOf(spans.numberWords.map(matchKey))})`,
    lengthOfTime: new RegExp(
      `(?<!${anyOf(spans.notLengthAfter)}\\s+)(?<![\\d/])(?:\\d+|${anyOf(spans.numberWords)})\\s+` +
        `(?:${anyOf(spans.lengthUnits)}|${anyOf(spans.lengthUnitsWithNoun)}\\s+\\p{L}+(?:\\s+\\p{L}+)?)(?!\\s*\\d)(?:\\s+${anyOf(spans.lengthTails)})?`,
      'iu',
    ),
    notAmountBefore: new RegExp(`${anyOf(spans.notAmountAfter)}\\s*$`, 'iu'),
    // Written (accented) words: \b knows only ASCII letters, so "chủ trì" needs letter-aware edges.
    dutyVerb: new RegExp(`(?<![\\p{L}\\p{N}])${anyOf(spans.dutyVerbs)}(?![\\p{L}\\p{N}])`, 'iu'),
    actor: new RegExp(`(?:^|[\\s,(;:])${anyOf(spans.actors)}(?=\\s|,|$)`, 'u'),
  };
}
