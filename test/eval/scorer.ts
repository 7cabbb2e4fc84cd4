/**
 * The eval's scorer, exactly as the dev set's "about" says: `must` entries (a string or a list
 * of alternatives) found case- and diacritic-insensitively in the answer; `sections`: some
 * citation's section is listed; `allSections`: every listed section is cited; `sectionPrefix`:
 * some citation's section starts with it; `abstain`: the answer abstains. On top: a question
 * that should be answered must not abstain, and every citation must hold (its quote verbatim in
 * its document, its section an address the document has) — otherwise the item fails. An item
 * naming its `document` (a file stem) needs a citation of that document, and its section rules
 * are checked against that document's citations only.
 */
import path from 'node:path';
import { foldForMatch } from '../../ingest/normalize/index.js';
import { slugify } from '../../ingest/parse/index.js';
import type { Registry } from '../../ingest/types.js';
import type { AskResponse } from '../../server/core/types.js';

/** One question of an eval set (or one turn of a conversation). */
export interface EvalItem {
  id: string;
  kind?: string;
  q: string;
  must?: Array<string | string[]>;
  sections?: string[];
  allSections?: string[];
  sectionPrefix?: string;
  abstain?: boolean;
  /** File stem of the document that answers ("luat-80-2025-qh15-can-bo-cong-chuc"). */
  document?: string;
  /** The supporting sentence, verbatim (documentation of the item; not scored). */
  why?: string;
  /** Items sharing it are asked in order in one conversation (see the runner). */
  conversation?: string;
}

export interface EvalConversation {
  id: string;
  turns: Array<Omit<EvalItem, 'id'> & { id?: string }>;
}

export interface EvalSet {
  name: string;
  items: EvalItem[];
  conversations: EvalConversation[];
  /** Scored, but its questions and failures are never printed. */
  blind?: boolean;
}

export interface ScoreResult {
  passed: boolean;
  /** Why it failed, one line per reason (Vietnamese-free diagnostics for developers). */
  reasons: string[];
  /** Passed because the answer asked back which document was meant, with the expected place among its choices. */
  byAskBack?: boolean;
}

/** Folded, whitespace-collapsed form for must-matching. */
function comparable(text: string): string {
  return foldForMatch(text).replace(/\s+/g, ' ');
}

/** Reasons a response's citations do not hold against the registry. */
export function citationProblems(response: AskResponse, registry: Registry): string[] {
  const problems: string[] = [];
  response.citations.forEach((citation, index) => {
    const document = registry.documents.find((doc) => doc.id === citation.documentId);
    if (!document) {
      problems.push(`citation ${index + 1}: unknown document ${citation.documentId}`);
      return;
    }
    if (!document.sections.some((section) => section.address === citation.section)) {
      problems.push(`citation ${index + 1}: no section ${citation.section}`);
    }
    if (citation.quote.length === 0 || !document.text.includes(citation.quote)) {
      problems.push(`citation ${index + 1}: quote not verbatim in ${citation.documentId}`);
    }
  });
  return problems;
}

/**
 * The id the pipeline gives the file with this stem: the registry's document read from that
 * file when a registry is at hand, else what the parser derives from a file name.
 */
export function documentIdOf(stem: string, registry?: Registry): string {
  const document = registry?.documents.find((doc) => {
    const name = path.posix.basename(doc.file.replace(/\\/g, '/'));
    // The file name itself is accepted too ("….md"), for sets written that way.
    return name === stem || name.replace(/\.[^.]+$/, '') === stem;
  });
  return document?.id ?? slugify(stem.replace(/\.(md|html?|txt|docx|pdf)$/i, ''));
}

/** Whether `address` is `prefix` or inside it ("II.6.a" is in "II.6"; "II.10" is not in "II.1"). */
export function isUnder(address: string, prefix: string): boolean {
  return address === prefix || address.startsWith(`${prefix}.`);
}

/** The sections an item expects: `sections`, `allSections` and `sectionPrefix` together. */
function expectedSections(item: EvalItem): string[] {
  return [...(item.sections ?? []), ...(item.allSections ?? []), ...(item.sectionPrefix ? [item.sectionPrefix] : [])];
}

/**
 * Whether the response rightly asks back (SPEC, "Answering over many documents"): the item's
 * expected section is a task whose number two or more loaded documents use, and the ask-back's
 * choices include that task's place. Needs the registry (to know the tasks) and the choices.
 */
export function asksBackRightly(item: EvalItem, response: AskResponse, registry?: Registry): boolean {
  if (item.abstain || !registry || !response.choices || response.choices.length < 2 || response.citations.length > 0) return false;
  const documentId = item.document ? documentIdOf(item.document, registry) : null;
  const choices = response.choices;
  return expectedSections(item).some((section) => {
    const tasks = registry.tasks.filter((task) => task.address === section && (!documentId || task.documentId === documentId));
    return tasks.some((task) => {
      const holders = new Set(registry.tasks.filter((other) => other.number === task.number).map((other) => other.documentId));
      return holders.size >= 2 && choices.some((choice) => choice.documentId === task.documentId && choice.section === task.address);
    });
  });
}

/**
 * Scores one response. Without a registry the citations are not checked. An item otherwise
 * failed passes, marked `byAskBack`, when the response rightly asks back (`asksBackRightly`).
 */
export function scoreAnswer(item: EvalItem, response: AskResponse, registry?: Registry): ScoreResult {
  const result = scoreStrictly(item, response, registry);
  if (!result.passed && asksBackRightly(item, response, registry)) return { passed: true, reasons: [], byAskBack: true };
  return result;
}

function scoreStrictly(item: EvalItem, response: AskResponse, registry?: Registry): ScoreResult {
  const reasons: string[] = [];
  const answer = comparable(response.answer);
  const documentId = item.document ? documentIdOf(item.document, registry) : null;
  // With a named document, only its citations count for the section rules.
  const relevant = documentId ? response.citations.filter((citation) => citation.documentId === documentId) : response.citations;
  if (documentId && !item.abstain && relevant.length === 0) reasons.push(`cites nothing from ${item.document}`);
  const cited = relevant.map((citation) => citation.section);
  if (item.abstain) {
    if (!response.abstained) reasons.push('should abstain');
  } else if (response.abstained) {
    reasons.push('abstained');
  }
  for (const entry of item.must ?? []) {
    const alternatives = Array.isArray(entry) ? entry : [entry];
    if (!alternatives.some((alternative) => answer.includes(comparable(alternative)))) {
      reasons.push(`missing ${alternatives.map((alternative) => `"${alternative}"`).join(' | ')}`);
    }
  }
  if (item.sections && !item.sections.some((section) => cited.includes(section))) {
    reasons.push(`cites none of ${item.sections.join(', ')}`);
  }
  for (const section of item.allSections ?? []) {
    if (!cited.includes(section)) reasons.push(`does not cite ${section}`);
  }
  if (item.sectionPrefix && !cited.some((section) => isUnder(section, item.sectionPrefix as string))) {
    reasons.push(`cites nothing under ${item.sectionPrefix}`);
  }
  if (registry) reasons.push(...citationProblems(response, registry));
  return { passed: reasons.length === 0, reasons };
}
