/**
 * Part-level answers: a question whose topic is a part's heading ("Mục đích của kế hoạch là
 * gì?" → part I "MỤC ĐÍCH, YÊU CẦU") is answered with every paragraph of that part, each
 * cited, not with the one sentence that ranks best.
 */
import type { CorpusDocument, Section } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { passageTerms, topicCoverage } from '../retrieval/support.js';
import { capitalize, documentLabel, placeLabel } from './format.js';
import type { ComposeContext } from './task-answers.js';
import { foldedWords, longestSharedRun } from '../read/shared-run.js';
import { withoutItemMarker } from '../read/sentences.js';

/** Most paragraphs listed for one part; longer parts are summarized by their count. */
const MAX_PARAGRAPHS = 12;
/** Longest quote of one paragraph, in characters (cut at a word boundary). */
const MAX_QUOTE = 220;

/** Most documents whose matching parts one answer gives side by side. */
const MAX_DOCUMENTS = 3;

/**
 * The part of each document in play whose heading holds every topic word of the question
 * ("Mục đích của kế hoạch" with two plans loaded: both plans' "MỤC ĐÍCH, YÊU CẦU"); none when
 * more documents than an answer can set side by side have one.
 */
export function partsForTopic(environment: AnswerEnvironment, query: ParsedQuery): Array<{ document: CorpusDocument; part: Section }> {
  if (query.topic.length === 0) return [];
  const found: Array<{ document: CorpusDocument; part: Section }> = [];
  for (const document of environment.registry.documents) {
    const part = document.sections.find((section) => {
      if (section.kind !== 'part' || !section.heading) return false;
      const heading = headingSyllables(section, section.heading);
      return query.topic.every((word) => heading.has(word));
    });
    if (part) found.push({ document, part });
    if (found.length > MAX_DOCUMENTS) return [];
  }
  return found;
}

/** A part heading's folded syllables, by section: every content question read every part heading of every document again. */
const headingSyllablesBySection = new WeakMap<Section, Set<string>>();

function headingSyllables(section: Section, heading: string): Set<string> {
  let syllables = headingSyllablesBySection.get(section);
  if (!syllables) {
    syllables = passageTerms(heading).syllables;
    headingSyllablesBySection.set(section, syllables);
  }
  return syllables;
}

/** Least share of the topic an article's heading must hold to answer a list question by itself. */
const ARTICLE_COVERAGE = 0.55;
/** Least share of the topic a lead-in inside an article must hold to answer by itself. */
const INNER_LIST_COVERAGE = 0.7;
/** Least share of the topic an article's heading must hold for the lists inside it to be read. */
const INNER_ARTICLE_COVERAGE = 0.3;
/** How much better the best article heading must cover the topic than the next one, unless the question quotes it. */
const ARTICLE_MARGIN = 0.08;

/**
 * "Công chức bị kỷ luật bằng những hình thức nào?" asks for what an article lists under its
 * heading ("Điều 36. Hình thức kỷ luật đối với công chức"): the article whose heading covers
 * the topic clearly better than any other in scope, or whose heading the question writes
 * almost word for word ("các mức xếp loại chất lượng công chức" → "Mức xếp loại chất lượng
 * công chức"); null when none. Only for questions that ask for a list (see `asksForList`).
 */
export function articleForTopic(environment: AnswerEnvironment, query: ParsedQuery): { document: CorpusDocument; part: Section } | null {
  if (query.topic.length === 0) return null;
  const { lexicon } = environment.query;
  const questionWords = foldedWords(query.key);
  const noun = listedNoun(query.key);
  const scored: Array<{ document: CorpusDocument; part: Section; coverage: number; quoted: boolean }> = [];
  const inPlay: Array<{ document: CorpusDocument; part: Section }> = [];
  for (const document of environment.registry.documents) {
    for (const section of document.sections) {
      if (section.kind !== 'article' || !section.heading) continue;
      const heading = environment.textTerms(`heading:${document.id}#${section.address}`, () => section.heading ?? '');
      // "Những nguyên tắc nào …?" under "Điều 18. Nguyên tắc tuyển dụng công chức": the heading names the things listed.
      const base = topicCoverage(query.topic, query.topicPairs, heading, lexicon);
      const coverage = base + (noun !== null && base > 0 && foldedWords(section.heading).includes(noun) ? LISTED_NOUN_BONUS : 0);
      if (coverage >= INNER_ARTICLE_COVERAGE) inPlay.push({ document, part: section });
      if (coverage < ARTICLE_COVERAGE) continue;
      const headingWords = foldedWords(section.heading);
      const quoted = headingWords.length >= 3 && longestSharedRun(questionWords, headingWords) >= headingWords.length - 1;
      scored.push({ document, part: section, coverage, quoted });
    }
  }
  scored.sort((a, b) => b.coverage - a.coverage || Number(b.quoted) - Number(a.quoted));
  const quotedOnes = scored.filter((item) => item.quoted);
  const [best, second] = scored;
  // "Những lý do nào … không được giải quyết?" under "Điều 57. Thẩm quyền, trình tự, thủ tục giải quyết thôi việc":
  // a list inside an article in play ("c) Lý do không giải quyết thôi việc …:") that covers the topic better than every heading answers instead.
  const inner = bestInnerList(environment, query, inPlay, Math.max(best?.coverage ?? 0, INNER_LIST_COVERAGE));
  if (inner) return inner;
  const chosen = quotedOnes.length === 1 ? quotedOnes[0] : best && (!second || best.coverage - second.coverage >= ARTICLE_MARGIN) ? best : null;
  if (!chosen) return null;
  const children = chosen.document.sections.filter((section) => isChild(chosen.part.address, section.address));
  return children.length > 1 ? { document: chosen.document, part: chosen.part } : null;
}

/** The best list inside the articles in play whose lead-in covers the topic better than `coverage`; null when none. */
function bestInnerList(
  environment: AnswerEnvironment,
  query: ParsedQuery,
  articles: ReadonlyArray<{ document: CorpusDocument; part: Section }>,
  coverage: number,
): { document: CorpusDocument; part: Section } | null {
  let found: { document: CorpusDocument; part: Section } | null = null;
  let best = coverage;
  for (const { document, part } of articles) {
    const inner = innerList(environment, query, document, part, best);
    if (!inner) continue;
    found = { document, part: inner.section };
    best = inner.coverage;
  }
  return found;
}

/**
 * The khoản or điểm inside the article whose lead-in (its first line, ending in ":") covers the
 * topic better than the article's heading, best first; null when none does.
 */
function innerList(environment: AnswerEnvironment, query: ParsedQuery, document: CorpusDocument, article: Section, coverage: number): { section: Section; coverage: number } | null {
  let best: Section | null = null;
  let bestCoverage = coverage;
  const noun = listedNoun(query.key);
  // "… không thực hiện điều động?": a list of what is not done ("Các trường hợp không thực hiện điều động") is the one asked, not what is.
  const negation = negationOf(query.key);
  for (const { section, lead } of leadInsOf(document).get(article.address) ?? []) {
    const terms = environment.textTerms(`lead:${document.id}#${section.address}`, () => lead);
    const named = noun !== null && announcesList(lead, noun) ? LISTED_NOUN_BONUS : 0;
    const negated = negation === null ? 0 : negationWeight(foldedWords(lead).join(' '), negation);
    const leadCoverage = topicCoverage(query.topic, query.topicPairs, terms, environment.query.lexicon) + named + negated;
    if (leadCoverage > bestCoverage) {
      best = section;
      bestCoverage = leadCoverage;
    }
  }
  return best ? { section: best, coverage: bestCoverage } : null;
}

/** "không (được) giải quyết": the word a question negates, past the auxiliaries. */
const NEGATED = /\bkhong (?:duoc |bi |phai |the )?([a-z]+)/;

/** The word a question negates, as the two patterns a lead-in is read with (made once per question and article, not per lead-in); null when none. */
function negationOf(key: string): { negated: RegExp; written: RegExp } | null {
  const word = NEGATED.exec(key)?.[1];
  return word === undefined ? null : { negated: new RegExp(`\\bkhong (?:duoc |bi |phai |the )?${word}\\b`), written: new RegExp(`\\b${word}\\b`) };
}

/** A lead-in that negates the same word weighs extra; one that writes the word without negating it, less. */
function negationWeight(lead: string, negation: { negated: RegExp; written: RegExp }): number {
  if (negation.negated.test(lead)) return LISTED_NOUN_BONUS;
  return negation.written.test(lead) ? -LISTED_NOUN_BONUS : 0;
}

/** Weight of a lead-in that announces the very things the question lists ("theo các mức sau:" for "những mức nào"). */
const LISTED_NOUN_BONUS = 0.2;

/** The noun a question lists or counts, folded: "gồm những mức nào" → "muc", "mấy vòng" → "vong"; null when none. */
function listedNoun(key: string): string | null {
  return /\b(?:nhung|cac|may|bao nhieu) ([a-z]+)(?: [a-z]+)? (?:nao|gi)\b/.exec(key)?.[1] ?? /\b(?:may|bao nhieu) ([a-z]+)/.exec(key)?.[1] ?? null;
}

/** Whether a lead-in announces a list of `noun` ("… theo các mức sau:", "những trường hợp sau đây:", "Các trường hợp không …"). */
function announcesList(lead: string, noun: string): boolean {
  const words = foldedWords(withoutItemMarker(lead));
  const at = words.lastIndexOf(noun);
  return at > 0 && ['cac', 'nhung'].includes(words[at - 1]) && (at === 1 || words.slice(at + 1).includes('sau'));
}

/** Each article's sections whose first line ends in ":" or titles the points under it (with that line), once per document. */
const leadInsCache = new WeakMap<CorpusDocument, Map<string, Array<{ section: Section; lead: string }>>>();

function leadInsOf(document: CorpusDocument): Map<string, Array<{ section: Section; lead: string }>> {
  let byArticle = leadInsCache.get(document);
  if (!byArticle) {
    byArticle = new Map();
    const parents = new Set(document.sections.flatMap((section) => (section.parent ? [section.parent] : [])));
    let article: string | null = null;
    for (const section of document.sections) {
      if (section.kind === 'article') article = section.address;
      if (!article || !section.address.startsWith(`${article}.`)) continue;
      const lead = leadLine(section);
      // A lead-in ends in ":"; a clause headed by a title line ("5. Các trường hợp không thực hiện điều động") with points under it is one too.
      if (!lead.endsWith(':') && !(/[\p{L}\p{N}]$/u.test(lead) && parents.has(section.address))) continue;
      const leadIns = byArticle.get(article);
      if (leadIns) leadIns.push({ section, lead });
      else byArticle.set(article, [{ section, lead }]);
    }
    leadInsCache.set(document, byArticle);
  }
  return byArticle;
}

/** A section's first line, trimmed. */
function leadLine(section: Section): string {
  return section.text.trim().split('\n')[0].trim();
}

/** The part's heading, then its direct paragraphs or items, each quoted and cited. */
export function composePartAnswer(context: ComposeContext, document: CorpusDocument, part: Section): string {
  const children = document.sections.filter((section) => isChild(part.address, section.address));
  if (children.length === 0) return composeLeadInLines(context, document, part);
  // "MỤC ĐÍCH, YÊU CẦU" reads as "Mục đích, yêu cầu"; a heading in sentence case keeps its proper nouns.
  const written = part.heading ?? '';
  const heading = written === written.toUpperCase() ? capitalize(written.toLowerCase()) : written.replace(/:\s*$/, '');
  const intro = `Theo ${documentLabel(document)}, ${placeLabel(part.address)} (${heading}) gồm ${children.length} nội dung:`;
  const lines = children.slice(0, MAX_PARAGRAPHS).flatMap((child) => {
    const quote = leadingQuote(child.text);
    const line = `- ${capitalize(placeLabel(child.address))}: “${quote}” ${context.citations.cite(document.id, child.address, quote)}`;
    // "… bao gồm:" says nothing by itself: the points it introduces follow, each quoted.
    if (!/:\s*$/.test(quote)) return [line];
    const points = document.sections.filter((section) => isChild(child.address, section.address)).slice(0, MAX_PARAGRAPHS);
    return [line, ...points.map((point) => {
      const text = leadingQuote(point.text);
      return `  - “${text}” ${context.citations.cite(document.id, point.address, text)}`;
    })];
  });
  return [intro, ...lines].join('\n');
}

/**
 * A lead-in whose items are lines, not sections ("c) Lý do không giải quyết thôi việc đối với
 * công chức:" and its reasons one per line): the lead-in and its lines, quoted as one passage.
 */
function composeLeadInLines(context: ComposeContext, document: CorpusDocument, part: Section): string {
  const text = withoutItemMarker(part.text.trim());
  const [lead, ...rest] = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const lines = rest.slice(0, MAX_PARAGRAPHS);
  const last = lines[lines.length - 1] ?? lead;
  const quote = text.slice(0, text.indexOf(last) + last.length);
  const marker = context.citations.cite(document.id, part.address, quote);
  return [`Theo ${documentLabel(document)}, ${placeLabel(part.address)}: “${lead}” ${marker}`, ...lines.map((line) => `- ${line}`)].join('\n');
}

/**
 * "I.2" and "III.closing" are children of "I" and "III"; "dieu.20.khoan.1" of "dieu.20" (a
 * named level, "khoan.1", is one step); "II.6.a" and "dieu.20.khoan.4.diem.a" are grandchildren.
 */
function isChild(parent: string, address: string): boolean {
  return address.startsWith(`${parent}.`) && /^(?:[^.]+|[a-z][a-z-]*\.[^.]+)$/.test(address.slice(parent.length + 1));
}

/**
 * The paragraph's opening, verbatim: without its bullet or number, up to the first ";" or
 * the end of its first line, at most {@link MAX_QUOTE} characters.
 */
function leadingQuote(text: string): string {
  const body = text.trim().replace(/^(?:[-+•]\s*|\d{1,2}\.\s*|[a-zđ]\)\s*)/u, '');
  const clause = body.split(/;|\n/)[0].trim();
  if (clause.length <= MAX_QUOTE) return clause;
  const cut = clause.slice(0, MAX_QUOTE);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
}
