/**
 * Which units a field names as doers. A unit counts when it is the subject of the field, of a
 * "+" bullet or of a ";"-separated clause (it opens the clause), or is joined to that subject
 * ("Sở Nội vụ phối hợp với Ban Tổ chức Tỉnh ủy", "Sở Nội vụ, Sở Khoa học và Công nghệ").
 * Units named later as objects ("tham mưu Ủy ban nhân dân tỉnh", "của Ủy ban nhân dân cấp xã")
 * do not count.
 */
import { foldVietnamese } from '../normalize/index.js';
import type { TaskAssignment, Unit } from '../types.js';
import { findUnitMentions } from './units.js';
import { loadFieldLabels, type FieldLabels } from './vocabulary.js';

const CLAUSE_BREAK = /;|\.(?=\s+\p{Lu})/gu;
const LEADING_NOISE = /^[\s\-–+•:,]*/;

// Patterns per vocabulary object: built once for the labels passed in.
const patterns = new WeakMap<FieldLabels, { joiner: RegExp; prefix: RegExp }>();

function alternatives(words: string[]): string {
  return words
    .map(foldVietnamese)
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, '\\s+'))
    .join('|');
}

/**
 * `joiner`: the text allowed between two joined subjects (a comma or ";" and/or a joiner word);
 * `prefix`: words that may stand before a subject ("Giao Sở Nội vụ …").
 */
function patternsOf(labels: FieldLabels): { joiner: RegExp; prefix: RegExp } {
  let found = patterns.get(labels);
  if (!found) {
    found = {
      joiner: new RegExp(`^\\s*,?\\s*(?:(?:${alternatives(labels.joiners)})\\s+)?$`),
      prefix: new RegExp(`^(?:(?:${alternatives(labels.subjectPrefixes)})\\s+)?`),
    };
    patterns.set(labels, found);
  }
  return found;
}

/** Clauses of a field text with their offsets. */
function clauses(text: string): Array<{ text: string; start: number }> {
  const parts: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    parts.push({ text: text.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  parts.push({ text: text.slice(start), start });
  return parts;
}

/** Unit ids that are subjects of `text` (a field value or a bullet), in order, without repeats. */
export function subjectUnits(text: string, units: Unit[], labels: FieldLabels = loadFieldLabels()): string[] {
  const { joiner, prefix } = patternsOf(labels);
  const found: string[] = [];
  for (const clause of clauses(text)) {
    const folded = foldVietnamese(clause.text);
    const noise = LEADING_NOISE.exec(folded)?.[0].length ?? 0;
    const opening = noise + (prefix.exec(folded.slice(noise))?.[0].length ?? 0);
    const mentions = findUnitMentions(clause.text, units);
    if (mentions.length === 0 || mentions[0].start !== opening) continue;
    found.push(mentions[0].unitId);
    for (let k = 1; k < mentions.length; k += 1) {
      const gap = folded.slice(mentions[k - 1].end, mentions[k].start);
      if (!joiner.test(gap)) break;
      found.push(mentions[k].unitId);
    }
  }
  return [...new Set(found)];
}

/** Keeps the first assignment of each (role, unit) pair. */
export function uniqueAssignments(assignments: TaskAssignment[]): TaskAssignment[] {
  const seen = new Set<string>();
  return assignments.filter((assignment) => {
    const key = `${assignment.role}:${assignment.unitId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
