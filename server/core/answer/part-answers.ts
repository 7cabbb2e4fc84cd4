/**
 * Part-level answers: a question whose topic is a part's heading ("Mục đích của kế hoạch là
 * gì?" → part I "MỤC ĐÍCH, YÊU CẦU") is answered with every paragraph of that part, each
 * cited, not with the one sentence that ranks best.
 */
import type { CorpusDocument, Section } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { passageTerms } from '../retrieval/support.js';
import { capitalize, documentLabel, placeLabel } from './format.js';
import type { ComposeContext } from './task-answers.js';

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
      const heading = passageTerms(section.heading).syllables;
      return query.topic.every((word) => heading.has(word));
    });
    if (part) found.push({ document, part });
    if (found.length > MAX_DOCUMENTS) return [];
  }
  return found;
}

/** The part's heading, then its direct paragraphs or items, each quoted and cited. */
export function composePartAnswer(context: ComposeContext, document: CorpusDocument, part: Section): string {
  const children = document.sections.filter((section) => isChild(part.address, section.address));
  const heading = capitalize((part.heading ?? '').toLowerCase());
  const intro = `Theo ${documentLabel(document)}, ${placeLabel(part.address)} (${heading}) gồm ${children.length} nội dung:`;
  const lines = children.slice(0, MAX_PARAGRAPHS).map((child) => {
    const quote = leadingQuote(child.text);
    return `- ${capitalize(placeLabel(child.address))}: “${quote}” ${context.citations.cite(document.id, child.address, quote)}`;
  });
  return [intro, ...lines].join('\n');
}

/** "I.2" and "III.closing" are children of "I" and "III"; "II.6.a" is a grandchild of "II". */
function isChild(parent: string, address: string): boolean {
  return address.startsWith(`${parent}.`) && !address.slice(parent.length + 1).includes('.');
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
