/**
 * Stage "read": in a candidate sentence, the span that answers the question's type — a time
 * expression for "when", a length of time for "how long", a figure for "how many", an actor
 * with a duty verb for "who". The shapes are those of Vietnamese official writing, not of one
 * document: dates written out or with slashes, "trước ngày …", "chậm nhất …", "trong thời hạn
 * 03 tháng", "hằng năm", "Quý IV"; agency and office names followed by "có trách nhiệm",
 * "chủ trì", "phê duyệt", "quyết định" … The words (ways of asking, units of time, duty verbs,
 * agency names) are `needs` and `spans` of the question words; the shapes are here.
 */
import { foldForMatch } from '../../../ingest/normalize/index.js';
import { QUESTION_WORDS, type QuestionWords } from '../query/question-words.js';

/** What a question asks for, as far as reading a span goes. */
export type AnswerNeed = 'when' | 'how-long' | 'how-many' | 'who' | 'what';

/** A time expression (see `timePattern` in query/question-patterns.ts for its shapes). */
const TIME = QUESTION_WORDS.time;

/** A length of time ("05 ngày làm việc", "01 kỳ tuyển dụng tiếp theo"), not a piece of a date ("24 tháng 6 năm 2025" holds no "6 năm"). */
const LENGTH = QUESTION_WORDS.lengthOfTime;

/** A figure: digits that are not part of a date or a document number. */
const FIGURE = /(?<![\d/.-])\d+(?:[.,]\d+)?(?![\d/])(?:\s*%)?/u;

/** Words before a number that make it a date, a place or a document's number, not an amount. */
const NOT_AMOUNT_BEFORE = QUESTION_WORDS.notAmountBefore;
/** A year standing alone ("2026"). */
const YEAR = /^(?:19|20)\d{2}$/;

/** The first figure of `text` that is an amount: not a year, a date, a place or a document's number. */
function figureSpan(text: string): string | null {
  for (const match of text.matchAll(new RegExp(FIGURE.source, 'gu'))) {
    const figure = match[0].trim();
    const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index ?? 0);
    if (YEAR.test(figure) || NOT_AMOUNT_BEFORE.test(before)) continue;
    return figure;
  }
  return null;
}

/** A duty verb: what an actor is made to do. */
const DUTY_VERB = QUESTION_WORDS.dutyVerb;

/** The start of an agency or office name, or a person by office. */
const ACTOR = QUESTION_WORDS.actor;

/** Whether `text` names an agency, an office or a person by office (a heading that addresses its duties to them). */
export function namesActor(text: string): boolean {
  return ACTOR.test(text);
}

/**
 * The span of `text` answering `need`, or null when the sentence holds none. "what" takes the
 * whole sentence. For "how many", `counted` (see {@link countedNoun}) asks for a figure of that
 * thing ("mấy vòng" → "2 vòng thi"), not any figure ("trong thời hạn 3 tháng").
 */
export function answerSpan(need: AnswerNeed, text: string, counted: readonly string[] | null = null): string | null {
  if (need === 'how-many' && counted) return countSpan(text, counted);
  switch (need) {
    case 'when':
      return TIME.exec(text)?.[0].trim() ?? null;
    case 'how-long':
      return LENGTH.exec(text)?.[0].trim() ?? null;
    case 'how-many':
      return figureSpan(text);
    case 'who':
      return ACTOR.test(text) && DUTY_VERB.test(text) ? text : null;
    case 'what':
      return text;
  }
}

/**
 * How precisely a span answers: for "when", a day beats a month, a month a year, a year a bare
 * "hằng năm"; other needs have one level. Used to choose between sentences that cover the
 * topic about as well.
 */
export function spanPrecision(need: AnswerNeed, span: string): number {
  if (need !== 'when') return 1;
  if (/ngày\s+\d|\d{1,2}[/.-]\d{1,2}/iu.test(span)) return 4;
  if (QUESTION_WORDS.precisePeriod.test(span)) return 3;
  if (/tháng\s+\d|quý/iu.test(span)) return 2;
  if (/năm\s+\d/iu.test(span)) return 1.5;
  return 1;
}

/** "bao nhiêu cán bộ", "mấy vòng", "how many rounds": the count word and the noun after it. */
const COUNTED = QUESTION_WORDS.counted;

/** Words after a count word that are not the thing counted ("bao nhiêu là …", "mấy phần trăm" keeps its noun). */
const NOT_COUNTED = QUESTION_WORDS.notCounted;

/**
 * The thing a question counts, as folded syllables ("bao nhiêu cán bộ xã" → ["can", "bo"];
 * "mấy vòng" → ["vong"]); null when it counts nothing named ("mức … là bao nhiêu?"). Only the
 * first syllable is required of an answer; the second narrows when the text writes it.
 */
export function countedNoun(key: string): string[] | null {
  const match = COUNTED.exec(key);
  if (!match) return null;
  const words = match[1].split(' ');
  // "bao nhiêu phần trăm" asks for a share: any figure answers ("30%"), no noun is counted.
  if (NOT_COUNTED.has(words[0]) || QUESTION_WORDS.shareNouns.has(match[1])) return null;
  return words.slice(0, 1);
}

/** Number words written out, folded. */
const NUMBER_WORD = QUESTION_WORDS.numberWord;
/** "hạn chế", "giới hạn" after "không", folded. */
const NO_LIMIT = QUESTION_WORDS.noLimitWords;

/**
 * "2 vòng thi" in `text` for the counted ["vong"]: a figure right before the noun (one word
 * between at most), or a share of it ("50% số câu hỏi", "30% thời gian").
 */
function countSpan(text: string, counted: readonly string[]): string | null {
  const { figure, unlimited } = countPatterns(counted[0]);
  const folded = foldForMatch(text);
  const match = figure.exec(folded);
  if (match) return match[1];
  // "bổ nhiệm lại với số lần không hạn chế": the count is that there is none.
  return unlimited.exec(folded)?.[0] ?? null;
}

/** The two patterns of a counted noun, compiled once per noun: one question reads them against every candidate sentence. */
const countPatternCache = new Map<string, { figure: RegExp; unlimited: RegExp }>();
/** Nouns whose patterns are kept; past it the cache starts again (nouns come from questions). */
const COUNT_PATTERNS_KEPT = 256;

function countPatterns(noun: string): { figure: RegExp; unlimited: RegExp } {
  let patterns = countPatternCache.get(noun);
  if (!patterns) {
    if (countPatternCache.size >= COUNT_PATTERNS_KEPT) countPatternCache.clear();
    // "50% số câu hỏi", "50% tiền lương": a share, of the noun or of one word before it.
    const share = '\\s*%\\s*(?:(?:tong\\s+)?so\\s+|\\p{L}+\\s+)?';
    patterns = {
      figure: new RegExp(`(?:^|[^\\p{L}\\d])(${NUMBER_WORD}(?:${share}|\\s+(?:\\p{L}+\\s+)?)${noun})(?![\\p{L}])`, 'u'),
      unlimited: new RegExp(`(?:so\\s+)?${noun}\\s+khong\\s+${NO_LIMIT}|khong\\s+${NO_LIMIT}\\s+(?:so\\s+)?${noun}`, 'u'),
    };
    countPatternCache.set(noun, patterns);
  }
  return patterns;
}

/**
 * What a question asks for, from its folded key: how long, how many, when, who, else what.
 * "mức" asks an amount only before what is paid or counted ("mức phụ cấp"): folded, "danh mục",
 * "phụ lục mục" are "muc" too.
 */
export function answerNeed(key: string, questionWords: QuestionWords = QUESTION_WORDS): AnswerNeed {
  if (questionWords.howLong.test(key)) return 'how-long';
  if (questionWords.when.test(key)) return 'when';
  if (questionWords.who.test(key)) return 'who';
  if (questionWords.howMany.test(key)) return 'how-many';
  return 'what';
}
