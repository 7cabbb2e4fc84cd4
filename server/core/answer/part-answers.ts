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
  const scored: Array<{ document: CorpusDocument; part: Section; coverage: number; quoted: boolean }> = [];
  for (const document of environment.registry.documents) {
    for (const section of document.sections) {
      if (section.kind !== 'article' || !section.heading) continue;
      const heading = environment.textTerms(`heading:${document.id}#${section.address}`, () => section.heading ?? '');
      const coverage = topicCoverage(query.topic, query.topicPairs, heading, lexicon);
      if (coverage < ARTICLE_COVERAGE) continue;
      const headingWords = foldedWords(section.heading);
      const quoted = headingWords.length >= 3 && longestSharedRun(questionWords, headingWords) >= headingWords.length - 1;
      scored.push({ document, part: section, coverage, quoted });
    }
  }
  scored.sort((a, b) => b.coverage - a.coverage || Number(b.quoted) - Number(a.quoted));
  const quotedOnes = scored.filter((item) => item.quoted);
  const [best, second] = scored;
  const chosen = quotedOnes.length === 1 ? quotedOnes[0] : best && (!second || best.coverage - second.coverage >= ARTICLE_MARGIN) ? best : null;
  if (!chosen) return null;
  const children = chosen.document.sections.filter((section) => isChild(chosen.part.address, section.address));
  return children.length > 1 ? { document: chosen.document, part: chosen.part } : null;
}

/** The part's heading, then its direct paragraphs or items, each quoted and cited. */
export function composePartAnswer(context: ComposeContext, document: CorpusDocument, part: Section): string {
  const children = document.sections.filter((section) => isChild(part.address, section.address));
  const heading = capitalize((part.heading ?? '').toLowerCase());
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
  const body = text.trim().replace(/^(?:[-+•]\s*|\d{1,2}\.\s*)/, '');
  const clause = body.split(/;|\n/)[0].trim();
  if (clause.length <= MAX_QUOTE) return clause;
  const cut = clause.slice(0, MAX_QUOTE);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
}
