/**
 * Decide: the years a question names against the years its answering passage writes. A clause
 * of a standing regulation does not answer for a year it never mentions, and a clause about
 * 2026 does not answer for 2025.
 */
import type { CorpusDocument } from '../../../ingest/types.js';

/** A year written in a question or a passage. */
const YEAR = /\b(?:19|20)\d{2}\b/g;
/** A document number holding a year ("81/2025/NQ-HĐND", "Nghị quyết 81/2025"): the year names the document, not a time. */
const NUMBERED_YEAR = /\b\d{1,4}\/(?:19|20)\d{2}\b/g;
/** "2026 - 2030", "2026-2030", "từ năm 2026 đến năm 2030": every year between counts as written. */
const YEAR_RANGE = /\b((?:19|20)\d{2})\s*(?:-|–|đến(?: năm)?)\s*((?:19|20)\d{2})\b/giu;
/** "từ năm 2027 trở đi", "kể từ năm 2027": every later year counts as written. */
const OPEN_RANGE = /\btừ năm ((?:19|20)\d{2})(?=\s*(?:trở đi|trở về sau|và (?:những|các) năm tiếp theo))/giu;

/**
 * The first year the question names (not inside a document number) that the passage (text and
 * headings) does not cover, or null. The document's title may cover it (a plan for "giai đoạn
 * 2026 - 2030"); over a passage that writes no year, its number and date may too; over one that
 * writes other years, they do not ("năm 2026 bằng 0,8 lần" does not answer for 2025).
 */
export function missingYear(question: string, passage: string, document: CorpusDocument | undefined): string | null {
  const years = question.replace(NUMBERED_YEAR, ' ').match(YEAR);
  if (!years) return null;
  const inPassage = coveredYears(passage);
  const title = coveredYears(document ? `${document.title} ${document.header.title ?? ''}` : '');
  if (inPassage.writesYears) return years.find((year) => !inPassage.covers(Number(year)) && !title.covers(Number(year))) ?? null;
  const header = coveredYears(document ? `${document.header.number ?? ''} ${document.header.issuedDate ?? ''}` : '');
  return years.find((year) => !title.covers(Number(year)) && !header.covers(Number(year))) ?? null;
}

/** The years a text writes, with the spans and open ranges it states. */
function coveredYears(text: string): { writesYears: boolean; covers(year: number): boolean } {
  const exact = new Set([...text.matchAll(YEAR)].map((match) => Number(match[0])));
  const ranges = [...text.matchAll(YEAR_RANGE)].map((match) => [Number(match[1]), Number(match[2])] as const);
  const from = [...text.matchAll(OPEN_RANGE)].map((match) => Number(match[1]));
  return {
    writesYears: exact.size > 0,
    covers: (year) => exact.has(year) || ranges.some(([start, end]) => year >= start && year <= end) || from.some((start) => year >= start),
  };
}
