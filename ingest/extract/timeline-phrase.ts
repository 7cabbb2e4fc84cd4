/**
 * A timeline inside a sentence ("… xong trong tháng 12/2025.", "… trước ngày 15 tháng 12 hằng
 * năm, trước khi …"): the phrase that opens with one of the vocabulary's starts and runs to the
 * next clause break, or a frequency on its own ("hằng năm"); kept only when it reads as a timeline.
 */
import { foldVietnamese } from '../normalize/index.js';
import type { Span, Timeline } from '../types.js';
import { parseTimeline } from './timeline.js';
import type { FieldLabels, ObligationPhrases } from './vocabulary.js';

const CLAUSE_BREAK = /[,;:!?\n]|\.(?=\s|$)/;

const startPatterns = new WeakMap<ObligationPhrases, RegExp>();

function startPattern(phrases: ObligationPhrases): RegExp {
  let pattern = startPatterns.get(phrases);
  if (!pattern) {
    const words = [...phrases.timelineStarts, ...phrases.frequencyWords]
      .map(foldVietnamese)
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/ /g, '\\s+'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    startPatterns.set(phrases, pattern);
  }
  return pattern;
}

/** The first timeline phrase of `text` with its span (offsets into `text`), or null. */
export function findTimelinePhrase(text: string, phrases: ObligationPhrases, labels: FieldLabels): { timeline: Timeline; span: Span } | null {
  const folded = foldVietnamese(text);
  const notAfter = phrases.timelineNotAfter.map(foldVietnamese);
  const frequencies = new Set(phrases.frequencyWords.map(foldVietnamese));
  for (const match of folded.matchAll(startPattern(phrases))) {
    // "chi thường xuyên" is a kind of spending, not a frequency.
    const before = folded.slice(0, match.index).trimEnd();
    if (notAfter.some((word) => before.endsWith(word) && !/[\p{L}\p{N}]/u.test(before[before.length - word.length - 1] ?? ''))) continue;
    const rest = text.slice(match.index);
    // A relative deadline keeps its event ("trong thời hạn 03 tháng, kể từ ngày …").
    const brk = CLAUSE_BREAK.exec(rest.slice(match[0].length));
    // A frequency stands alone ("… hằng năm cho các cơ quan" is "hằng năm"); other starts run to the clause break.
    const whole = frequencies.has(match[0].replace(/\s+/g, ' '));
    let end = match.index + match[0].length + (whole ? 0 : brk ? brk.index : rest.length - match[0].length);
    while (end > match.index && /\s/.test(text[end - 1])) end -= 1;
    const timeline = parseTimeline(text.slice(match.index, end), labels);
    if (timeline.kind !== 'unspecified') return { timeline, span: { start: match.index, end } };
  }
  return null;
}
