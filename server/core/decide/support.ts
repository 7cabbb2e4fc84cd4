/**
 * The abstention decision for answers found by retrieval (a task found by its description, a
 * general question). Answers read from the registry by task number, unit or date are
 * supported by construction and never pass through here. Thresholds were calibrated on the
 * dev and project eval sets (test/eval): in-corpus questions cover ≥ 0.6 of their topic with
 * few foreign words; off-corpus ones ("phụ cấp", "giá vé Tràng An", "dân số") fall below.
 */
import type { Lexicon } from '../query/lexicon.js';
import type { PassageTerms } from '../retrieval/support.js';
import type { ParsedQuery } from '../query/understand.js';
import { querySignals } from '../retrieval/support.js';
import { answerNeed } from '../read/spans.js';
import { QUESTION_WORDS } from '../query/question-words.js';

/** Least topic coverage of the best passage or task. */
export const MIN_COVERAGE = 0.6;
/** Largest share of topic weight in words the corpus never uses. */
export const MAX_UNKNOWN_SHARE = 0.25;
/** Least share of adjacent topic pairs the corpus also writes side by side (with ≥ 2 pairs). */
export const MIN_PAIR_FIT = 0.4;

/**
 * Dates ("08/5/2026", "6/2026", "2026", "ngày 10 tháng 6", "tháng 12"), document numbers
 * ("21-TB/VPTW") and places in a text ("Điều 6", "khoản 2"): digits that are not amounts.
 */
const NOT_AMOUNTS =
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{1,2}\/\d{4}\b|\b(?:19|20)\d{2}\b|\b\d+[-/][\p{Lu}Đ][\p{L}/-]*|(?<![\p{L}])(?:ngày|tháng|Điều|khoản|Chương|Mục)\s+\d{1,3}(?!\d)/giu;

/** "số lần không hạn chế", "không giới hạn": an amount stated as having no limit. */
const UNLIMITED = QUESTION_WORDS.noLimit;

/** Whether a passage states a figure that could answer "bao nhiêu", beyond its dates and document numbers, or says there is no limit. */
export function hasFigure(passage: string): boolean {
  return /\d/.test(passage.replace(NOT_AMOUNTS, ' ')) || UNLIMITED.test(passage);
}

/**
 * Why the question's own words are foreign to the corpus (words it never uses, or corpus
 * words in combinations it never writes), or null. Checked before any intent is answered:
 * "Hạn nộp thuế thu nhập cá nhân năm 2026?" is not a question about the plan's deadlines.
 */
export function foreignReason(query: ParsedQuery, lexicon: Lexicon): string | null {
  const known = foreignReasons.get(query);
  if (known && known.lexicon === lexicon) return known.reason;
  const reason = readForeignReason(query, lexicon);
  foreignReasons.set(query, { lexicon, reason });
  return reason;
}

/** The reason of each parsed question (it lives as long as the question): asked before answering and again by each support check. */
const foreignReasons = new WeakMap<ParsedQuery, { lexicon: Lexicon; reason: string | null }>();

function readForeignReason(query: ParsedQuery, lexicon: Lexicon): string | null {
  const signals = querySignals(query, lexicon);
  if (signals.unknownShare > MAX_UNKNOWN_SHARE) return 'unknown-words';
  if (signals.pairCount >= 2 && signals.pairFit < MIN_PAIR_FIT) return 'foreign-pairs';
  // "sắp xếp đơn vị hành chính" where no document writes "đơn vị hành chính": the term is foreign, whatever its syllables meet.
  if (query.namedTerms.some((term) => !writtenWhole(term, lexicon))) return 'unknown-term';
  return null;
}

/** Whether the corpus writes every adjacent pair of a folded term ("don vi hanh chinh"). */
function writtenWhole(term: string, lexicon: Lexicon): boolean {
  return termPairs(term).every((pair) => lexicon.pairs.has(pair));
}

function termPairs(term: string): string[] {
  const words = term.split(' ');
  return words.slice(1).map((word, index) => `${words[index]} ${word}`);
}

/** Whether the passage writes every term the question names whole ("mức tiền thưởng": the passage must say "tiền thưởng"). */
export function writesTerms(query: ParsedQuery, passage: PassageTerms): boolean {
  return query.namedTerms.every((term) => termPairs(term).every((pair) => passage.pairs.has(pair)));
}

/** Why an answer found by retrieval is not supported, or null when it is. */
export function unsupportedReason(query: ParsedQuery, coverage: number, lexicon: Lexicon): string | null {
  return foreignReason(query, lexicon) ?? (coverage < MIN_COVERAGE ? 'low-coverage' : null);
}

/**
 * Extra checks for general questions: a question for a person or a venue is never answered, one
 * for an amount only when the passage holds a figure — the plan names no office holders beyond
 * its signer and no places where events are held. The ways of asking are `support` of the
 * question words: "Chủ tịch UBND tỉnh hiện nay là ai?" asks a person, while "Ai là người làm chủ
 * tịch hội đồng …?", "who is responsible …" ask for a role, which a regulation states.
 */
export function unanswerableShape(query: ParsedQuery, passage: string): string | null {
  if (QUESTION_WORDS.personQuestion.test(query.key)) return 'person';
  if (QUESTION_WORDS.venueQuestion.test(query.key)) return 'venue';
  // "Sau ngày nào … thực hiện đúng tỷ lệ …?" asks a time, "Cơ quan nào hướng dẫn … tỷ lệ công chức …?" an actor; the share is its topic.
  const asksTime = ['when', 'how-long', 'who'].includes(answerNeed(query.key));
  if (QUESTION_WORDS.amountQuestion.test(query.key) && !asksTime && !hasFigure(passage)) return 'amount';
  return null;
}

/**
 * Least share of the question's word pairs (those the corpus writes) that the answering passage
 * writes too, when several documents are in scope. Calibrated on the plan sets with the real
 * documents loaded: off-corpus questions ("mức lương cơ sở", "thủ tục làm căn cước") reach a
 * passage of another matter through their common syllables and keep ≤ 1/3 of their pairs;
 * answered ones keep ≥ 1/2. Counted, not weighed by rarity: the rarest pairs of a question are
 * often those across two words ("loại hoàn" of "xếp loại hoàn thành"), which no passage need write.
 */
export const MIN_PAIRS_WRITTEN = 0.5;

/** Whether the passage writes enough of the question's known topic pairs (true without any). */
export function writesPairs(query: ParsedQuery, passage: PassageTerms, lexicon: Lexicon): boolean {
  const known = query.topicPairs.filter((pair) => lexicon.pairs.has(pair));
  if (known.length === 0) return true;
  return known.filter((pair) => passage.pairs.has(pair)).length / known.length >= MIN_PAIRS_WRITTEN;
}

/**
 * The known pairs of the question's head noun phrase: in "phụ cấp công vụ của công chức cấp
 * xã", the words before "của" name what is asked ("phụ cấp công vụ"); those after it, whose it
 * is. Empty when the question has no "của" or its head writes no pair the corpus knows.
 */
export function headPairs(query: ParsedQuery, lexicon: Lexicon): string[] {
  const words = query.expanded;
  const split = words.indexOf('cua');
  if (split < 2) return [];
  const topic = new Set(query.topicPairs);
  const pairs: string[] = [];
  for (let index = 0; index + 1 < split; index += 1) {
    const pair = `${words[index]} ${words[index + 1]}`;
    if (topic.has(pair) && lexicon.pairs.has(pair)) pairs.push(pair);
  }
  return pairs;
}

/** Whether the passage writes one of the head's known pairs (true when the head has none). */
export function writesHead(query: ParsedQuery, passage: PassageTerms, lexicon: Lexicon): boolean {
  const head = headPairs(query, lexicon);
  return head.length === 0 || head.some((pair) => passage.pairs.has(pair));
}

