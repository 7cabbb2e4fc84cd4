/**
 * Question understanding: the question normalized like the documents, typos repaired against
 * the corpus, abbreviations and synonyms rewritten, and the slots read (task numbers, dates,
 * units, cited documents). What is left after removing cues, grammar words and slots is the
 * topic: the words retrieval and the support score work with.
 */
import { readDateSlots, type DateSlots } from './dates.js';
import { findDocumentMentions, typedTypeWordPairs, placeTokenIndexes, type DocumentMention, type KnownDocument } from './document-mentions.js';
import type { Lexicon } from './lexicon.js';
import { ACCENTED_STOP_WORDS, FRAME_PHRASES, GENERIC_PHRASES, MARKLESS_STOP_WORDS, STOP_WORDS } from './stopwords.js';
import { readTaskRefs, type TaskRefs } from './task-refs.js';
import { foldedTokens, hasDiacritics, matchKey, wordTokens, accentedKey } from '../../../common/text-key.js';
import { repairTypos, type TypoDictionary } from './typos.js';
import { findUnitMentions, type UnitMatcher, type UnitMention } from './unit-mentions.js';
import { expandTokens, type QueryVocabulary } from './vocabulary.js';
import { defaultContrasts, namedContrasts, type ContrastGroup, type NamedContrast } from './contrasts.js';
import { askedNumbers, askedSentence } from './question-shape.js';

/** What understanding needs from the index: built once per index. */
export interface QueryContext {
  vocabulary: QueryVocabulary;
  lexicon: Lexicon;
  /** Corpus and vocabulary words that typos are repaired towards. */
  typos: TypoDictionary;
  units: UnitMatcher;
  documents: KnownDocument[];
  /** Words known to be right although the corpus lacks them (question words, English cues). */
  knownWords: ReadonlySet<string>;
  /** The year of the documents, for dates typed without one ("trước 30/6"). */
  defaultYear?: number | null;
  /** Words that exclude each other ("cấp tỉnh" / "cấp xã"); the shipped groups when not given. */
  contrasts?: readonly ContrastGroup[];
}

export interface ParsedQuery {
  question: string;
  /** Whether the question was typed with diacritics. */
  accented: boolean;
  /** Folded key of the question (typos not repaired). */
  key: string;
  /** Lowercase tokens with diacritics, aligned with `rawTokens`. */
  accentedTokens: string[];
  /** Folded tokens as typed. */
  rawTokens: string[];
  /** After typo repair, aligned with `rawTokens`. */
  tokens: string[];
  /** Indexes of repaired tokens. */
  repaired: number[];
  /** After abbreviation and synonym rewriting. */
  expanded: string[];
  /** `expanded` joined by single spaces, padded with a space on each side for phrase tests. */
  text: string;
  /** Canonical synonym groups that matched ("chu tri", "thoi han"). */
  cues: Set<string>;
  taskRefs: TaskRefs;
  dates: DateSlots;
  units: UnitMention[];
  documents: DocumentMention[];
  /** Content words, in order (folded). */
  topic: string[];
  /** Content words plus the genre words ("thực hiện", "kế hoạch"): for ranking, where they still tell passages apart. */
  terms: string[];
  /**
   * `terms` plus the words of the units the question names ("… thuộc UBND xã"): a unit is a slot,
   * not a topic, but between sentences covering the topic alike, the one naming its level answers.
   */
  contextTerms: string[];
  /** Whether the question names the place of a loaded document ("… ở Bắc Ninh"), which says which document. */
  namesLoadedPlace: boolean;
  /** Small whole numbers the question writes outside document numbers and places ("chưa đủ 6 tháng", "vòng 1"), without leading zeros. */
  numbers: string[];
  /** The contrast groups the question names a member of ("… thuộc UBND xã": the level "xã"). */
  contrasts: NamedContrast[];
  /** Adjacent topic word pairs as typed ("nang luc"), whether or not the corpus knows them. */
  topicPairs: string[];
  /** The topic without the words that name a document ("khung năng lực"). */
  topicBesideDocuments: string[];
  /** The topic beside the documents' names and without the words of any loaded document's title. */
  topicBesideTitles: string[];
  /** Terms of administration the question names whole ("don vi hanh chinh"; the vocabulary's `terms`), folded. */
  namedTerms: string[];
  /** Nouns naming the kind of answer wanted ("nguyên tắc", "giải pháp"), kept out of the topic. */
  frames: string[];
  /** Points back at the tasks of the previous turn ("nhiệm vụ đó", "việc này", "these tasks"). */
  refersBack: boolean;
  /** Points back at a document named earlier ("chỉ thị đó", "nghị quyết này", "that directive"). */
  refersToDocument: boolean;
}

/** Least topic words of the asked sentence for it to stand for a question told as a story. */
const MIN_ASKED_TOPIC = 3;

/**
 * Parses a question against the index's vocabulary. A question told as a story ("Em vừa trúng
 * tuyển công chức ở … . Ai có trách nhiệm phân công việc và theo dõi, đánh giá em?") is read on
 * its asked sentence when that sentence has a topic of its own; the story's words only break
 * ties (`contextTerms`), and a document it names stays named.
 */
export function understandQuery(question: string, context: QueryContext): ParsedQuery {
  const whole = readQuery(question, context);
  const asked = askedSentence(question);
  if (asked === null) return whole;
  const tail = readQuery(asked, context);
  if (tail.topic.length < MIN_ASKED_TOPIC) return whole;
  return {
    ...tail,
    documents: tail.documents.length > 0 ? tail.documents : whole.documents.map((mention) => ({ ...mention, start: -1, end: -1 })),
    contextTerms: [...new Set([...tail.contextTerms, ...whole.contextTerms])],
    namesLoadedPlace: tail.namesLoadedPlace || whole.namesLoadedPlace,
  };
}

function readQuery(question: string, context: QueryContext): ParsedQuery {
  const key = matchKey(question);
  const rawTokens = wordTokens(key);
  const accentedTokens = wordTokens(accentedKey(question));
  const { tokens, repaired } = repairTypos(rawTokens, context.typos, context.knownWords);
  const accented = hasDiacritics(question);
  // A word typed with tone marks that the documents write so ("kỷ", not a typo like "kí") must have the vocabulary's marks.
  const typed = accented ? tokens.map((token, index) => (token === rawTokens[index] && accentedTokens[index] !== token && context.lexicon.accented.has(accentedTokens[index]) ? accentedTokens[index] : undefined)) : undefined;
  const expansion = expandTokens(tokens, context.vocabulary, typed);
  const expanded = expansion.tokens;
  const repairedKey = tokens.join(' ');
  const units = findUnitMentions(expanded, context.units, (index, alias) => {
    const origin = expansion.origin[index];
    const written = origin === null ? undefined : accentedTokens[origin];
    // Typed with diacritics: "phương" is not "phường". Without: "phuong thuc" is a word of the corpus.
    if (accented && written !== undefined && written !== rawTokens[origin as number]) return written === accentedKey(alias).trim();
    const next = expanded[index + 1];
    return next === undefined || !context.lexicon.pairs.has(`${expanded[index]} ${next}`) || context.units.phrases.some((phrase) => phrase.tokens.includes(next));
  }, clauseStarts(key, expansion.origin));
  // "Ai ký Luật …": letters of "kỷ luật" typed as "ký Luật" name a law.
  const typeWords = typed ? typedTypeWordPairs(tokens, typed) : undefined;
  const documents = findDocumentMentions(rawTokens, expanded, context.documents, typeWords);
  // A document named by number is a slot; one named by a phrase ("khung năng lực") is also a topic.
  const slotMask = new Array<boolean>(expanded.length).fill(false);
  const documentMask = new Array<boolean>(expanded.length).fill(false);
  for (const range of units) {
    for (let i = Math.max(0, range.start); i < range.end; i += 1) slotMask[i] = true;
  }
  // "… tỉnh Bắc Ninh": the place of a loaded document says which document, not what is asked.
  const placeIndexes = placeTokenIndexes(expanded, context.documents);
  for (const index of placeIndexes) slotMask[index] = documentMask[index] = true;
  for (const mention of documents) {
    const numbered = (mention.document.reference?.number ?? mention.document.expected?.number ?? mention.document.document?.header.number) != null;
    for (let i = Math.max(0, mention.start); i < mention.end; i += 1) {
      documentMask[i] = true;
      if (numbered) slotMask[i] = true;
    }
  }
  const isStop = (token: string, index: number): boolean => {
    const origin = expansion.origin[index];
    // A word put there by the vocabulary ("báo cáo" for "report") is never grammar.
    if (origin === null) return false;
    const written = accentedTokens[origin];
    // With diacritics typed, "sổ" and "đỏ" are words of the topic, not "số" and "do".
    if (accented && written !== undefined && written !== token && written !== rawTokens[origin]) return ACCENTED_STOP_WORDS.has(written);
    // "khi thi hành công vụ" typed with diacritics elsewhere: "thi" without marks is the word the documents write, not "thì".
    if (accented && written === token && MARKLESS_STOP_WORDS.has(token) && context.lexicon.accented.has(token)) return false;
    return STOP_WORDS.has(token);
  };
  const frame = phraseMask(expanded, FRAME_PHRASES);
  const dutyOf = dutyOfUnitMask(expanded, units);
  const isTerm = (token: string, index: number): boolean =>
    !slotMask[index] && !expansion.cueMask[index] && !dutyOf[index] && !frame[index] && !isStop(token, index) && !/\d/.test(token) && token.length > 1;
  const terms = expanded.filter(isTerm);
  const unitWords = units.flatMap((range) => expanded.slice(Math.max(0, range.start), range.end).filter((token, offset) => token.length > 1 && !/\d/.test(token) && !isStop(token, range.start + offset)));
  const contextTerms = unitWords.length > 0 ? [...new Set([...terms, ...unitWords])] : terms;
  const term = phraseMask(expanded, context.vocabulary.terms);
  const generic = phraseMask(expanded, GENERIC_PHRASES).map((masked, index) => masked && !term[index]);
  const monthName = (token: string): boolean => context.vocabulary.monthWords.has(token) && !context.lexicon.documentFrequency.has(token);
  const isTopic = (token: string, index: number): boolean => isTerm(token, index) && !generic[index] && !monthName(token);
  const topic = expanded.filter(isTopic);
  const topicBesideDocuments = expanded.filter((token, index) => isTopic(token, index) && !documentMask[index]);
  const topicPairs: string[] = [];
  expanded.forEach((token, index) => {
    if (index + 1 < expanded.length && isTerm(token, index) && isTerm(expanded[index + 1], index + 1) && (isTopic(token, index) || isTopic(expanded[index + 1], index + 1))) {
      topicPairs.push(`${token} ${expanded[index + 1]}`);
    }
  });
  return {
    question,
    accented,
    // An English question translated by the glossary is also read in Vietnamese by the checks on its key ("bao lau", "nhung … nao").
    key: expansion.translated ? `${rawTokens.filter((_, index) => !expansion.dropped.has(index)).join(' ')} ${expansion.glossed.join(' ')} ${expanded.join(' ')}` : key,
    accentedTokens,
    rawTokens,
    tokens,
    repaired,
    expanded,
    namedTerms: namedPhrases(expanded, context.vocabulary.terms),
    text: ` ${expanded.join(' ')} `,
    cues: dutyOf.some(Boolean) ? new Set([...expansion.cues, DUTY_CUE]) : expansion.cues,
    taskRefs: readTaskRefs(`${key} ${repairedKey}`),
    dates: readDateSlots(key, context.vocabulary, context.defaultYear ?? null),
    units,
    documents,
    topic,
    terms,
    contextTerms,
    namesLoadedPlace: placeIndexes.size > 0,
    numbers: askedNumbers(expanded, documentMask),
    contrasts: namedContrasts(context.contrasts ?? defaultContrasts(), accented ? accentedTokens : expanded, accented),
    topicPairs,
    topicBesideDocuments,
    topicBesideTitles: besideTitles(topicBesideDocuments, documents, context.documents),
    frames: expanded.filter((_, index) => frame[index]),
    refersBack: refersBack(accented ? accentedTokens.join(' ') : rawTokens.join(' '), accented),
    refersToDocument: refersToDocument(accented ? accentedTokens.join(' ') : rawTokens.join(' '), accented),
  };
}

/**
 * The topic without the words of the titles of the documents the question names ("Luật Cán bộ,
 * công chức có hiệu lực …"), or of every loaded document's title when it names none. Over many
 * documents the titles hold the whole domain ("vị trí việc làm", "tuyển dụng"): a question naming
 * a law and asking about job positions keeps them.
 */
function besideTitles(topic: readonly string[], mentions: readonly DocumentMention[], known: readonly KnownDocument[]): string[] {
  const named = mentions.flatMap((mention) => (mention.document.document ? [mention.document.document] : []));
  const words = named.length > 0 ? new Set(named.flatMap((document) => foldedTokens(document.header.title ?? document.title))) : loadedTitleWords(known);
  return topic.filter((word) => !words.has(word));
}

/** Folded words of the loaded documents' titles, once per list of known documents. */
const titleWordsByDocuments = new WeakMap<readonly KnownDocument[], Set<string>>();

function loadedTitleWords(known: readonly KnownDocument[]): Set<string> {
  let words = titleWordsByDocuments.get(known);
  if (!words) {
    words = new Set(known.flatMap((entry) => (entry.document ? foldedTokens(entry.document.header.title ?? entry.document.title) : [])));
    titleWordsByDocuments.set(known, words);
  }
  return words;
}

const BACK_ACCENTED = /(?:^|\s)(?:nhiệm vụ|việc|nv)\s+(?:này|đó|ấy|trên|kia)(?:\s|$)/;
/** Unaccented "nhiem vu do" is also "the task led by …": only at the end of the question, or before a question word. */
const BACK_FOLDED = /(?:^|\s)(?:nhiem vu|viec|nv)\s+(?:nay|ay|tren|kia|do(?=\s*$|\s+(?:co|la|thi|khi|ai|gom|can|phai)\b))(?:\s|$)/;
const BACK_ENGLISH = /\b(?:this|that|these|those|the same) (?:task|tasks|item|items)\b/;

/** Whether the question points back at the previous turn's tasks. */
function refersBack(text: string, accented: boolean): boolean {
  return (accented ? BACK_ACCENTED : BACK_FOLDED).test(text) || BACK_ENGLISH.test(text);
}

/** "văn bản này" is the plan itself (query vocabulary); a typed document kind with a demonstrative is one named before. */
const DOC_BACK_ACCENTED = /(?:^|\s)(?:(?:chỉ thị|nghị quyết|thông báo|quyết định|công văn|nghị định|thông tư)\s+(?:này|đó|ấy|trên|kia)|văn bản\s+(?:đó|ấy|trên|kia))(?:\s|$)/;
/** Unaccented "do" is also "by": only at the end of the question, or before a question word. */
const DOC_BACK_FOLDED =
  /(?:^|\s)(?:chi thi|nghi quyet|thong bao|quyet dinh|cong van|nghi dinh|thong tu|van ban)\s+(?:ay|tren|kia|do(?=\s*$|\s+(?:co|la|thi|ban|duoc|ky|quy|noi|gom|ve|ngay)\b))(?:\s|$)|(?:^|\s)(?:chi thi|nghi quyet|thong bao|quyet dinh|cong van|nghi dinh|thong tu)\s+nay(?:\s|$)/;
const DOC_BACK_ENGLISH = /\b(?:(?:this|that|the same) (?:directive|resolution|notice|decision|decree|circular)|that document)\b/;

/** Whether the question points back at a document named in an earlier turn. */
function refersToDocument(text: string, accented: boolean): boolean {
  return (accented ? DOC_BACK_ACCENTED : DOC_BACK_FOLDED).test(text) || DOC_BACK_ENGLISH.test(text);
}

/** The duty cue of the query vocabulary ("làm gì", "có trách nhiệm gì"), folded. */
const DUTY_CUE = 'lam gi';
/** Nouns that, followed by "của" and a unit, ask for that unit's duties. */
const DUTY_NOUNS: readonly string[][] = [['trach', 'nhiem'], ['phan', 'viec'], ['nhiem', 'vu']];

/**
 * "Trách nhiệm của Sở Nội vụ …": marks the duty noun and "của" right before a unit mention;
 * they ask what the unit does, like "Sở Nội vụ có trách nhiệm gì", and are no topic.
 */
function dutyOfUnitMask(tokens: readonly string[], units: readonly UnitMention[]): boolean[] {
  const mask = new Array<boolean>(tokens.length).fill(false);
  for (const mention of units) {
    const of = mention.start - 1;
    if (of < 0 || tokens[of] !== 'cua') continue;
    const noun = DUTY_NOUNS.find((words) => words.every((word, offset) => tokens[of - words.length + offset] === word));
    if (!noun) continue;
    for (let i = of - noun.length; i <= of; i += 1) mask[i] = true;
  }
  return mask;
}

/** Expanded token indexes that open a clause after a comma, semicolon or colon of the question. */
function clauseStarts(key: string, origin: ReadonlyArray<number | null>): Set<number> {
  const rawStarts = new Set<number>();
  let count = 0;
  key.split(/[,;:]/).forEach((segment, index) => {
    if (index > 0) rawStarts.add(count);
    count += wordTokens(segment).length;
  });
  const starts = new Set<number>();
  origin.forEach((raw, index) => {
    if (raw !== null && rawStarts.has(raw) && (index === 0 || origin[index - 1] !== raw)) starts.add(index);
  });
  return starts;
}

/** Marks the tokens covered by any of the phrases. */
function phraseMask(tokens: readonly string[], phrases: readonly string[][]): boolean[] {
  const mask = new Array<boolean>(tokens.length).fill(false);
  const byFirstWord = phrasesByFirstWord(phrases);
  tokens.forEach((token, start) => {
    for (const phrase of byFirstWord.get(token) ?? []) {
      if (phrase.every((word, offset) => tokens[start + offset] === word)) {
        for (let i = start; i < start + phrase.length; i += 1) mask[i] = true;
      }
    }
  });
  return mask;
}

/** Each phrase list by first word, once per list: a phrase can only start at a token equal to its first word. */
const firstWordIndexes = new WeakMap<readonly string[][], Map<string, string[][]>>();

function phrasesByFirstWord(phrases: readonly string[][]): Map<string, string[][]> {
  let index = firstWordIndexes.get(phrases);
  if (!index) {
    index = new Map();
    for (const phrase of phrases) {
      // An empty phrase matches everywhere and covers nothing: it marks no token.
      if (phrase.length === 0) continue;
      const list = index.get(phrase[0]);
      if (list) list.push(phrase);
      else index.set(phrase[0], [phrase]);
    }
    firstWordIndexes.set(phrases, index);
  }
  return index;
}

/** Each phrase list's phrases joined by spaces, once per list. */
const joinedPhrases = new WeakMap<readonly string[][], string[]>();

/** The phrases of `phrases` the tokens hold, each as its words joined by spaces. */
function namedPhrases(tokens: readonly string[], phrases: readonly string[][]): string[] {
  const text = ` ${tokens.join(' ')} `;
  let joined = joinedPhrases.get(phrases);
  if (!joined) joinedPhrases.set(phrases, (joined = phrases.map((phrase) => phrase.join(' '))));
  return joined.filter((phrase) => text.includes(` ${phrase} `));
}

/** Whether the expanded question contains `phrase` (folded words, space-separated) as whole words. */
export function hasPhrase(query: ParsedQuery, phrase: string): boolean {
  return query.text.includes(` ${phrase} `);
}
