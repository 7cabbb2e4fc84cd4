/**
 * Obligations written as prose: a lead-in naming who, over lettered or numbered duties
 * ("3. Sở X:" then "a) …"; "3. Bộ X có trách nhiệm:" then "a) …"); a sentence whose
 * subject is a unit followed by a duty phrase ("Bộ X có trách nhiệm hướng dẫn …",
 * "Sở X chủ trì …", "Chính phủ quy định chi tiết …", "Giao Sở X theo dõi …");
 * an approval by someone ("… do người đứng đầu cơ quan phê duyệt"); and an article titled
 * "Trách nhiệm của X", whose clauses are X's.
 */
import { foldVietnamese } from '../normalize/index.js';
import type { CorpusDocument, FieldSource, ObligationRole, Section, Unit } from '../types.js';
import { childrenOf, ObligationList, sourceOf, timelineIn, withoutMarker } from './obligation-make.js';
import { findUnitMentions, type UnitMention } from './units.js';
import type { ExtractVocabulary } from './vocabulary.js';

const SKIPPED_KINDS = new Set(['header', 'preamble', 'recipients', 'signature', 'footnote', 'table', 'table-row']);
const HEADING_MARKER = /^\s*(?:Điều\s+\d+[a-zđ]?\s*[.:]\s*|\d{1,3}[.)]\s+|[a-zđ]\)\s+|[IVXLC]+[.)]\s+|[-–•+]\s+)/u;
// A sentence ends at ".", "!" or "?" before a space or the end ("./." and "15.12" stay inside).
const SENTENCE = /(?:[^.!?]|[.!?](?=\S))+[.!?]*/gu;
const JOIN = /^(?:\s*[,;]\s*|\s+)(?:(?:và|với|cùng)\s+)?$/u;

interface Subject {
  actors: string[];
  /** Offset of the first subject in the text (after "Giao", "Đề nghị"). */
  start: number;
  /** Offset just after the last subject in the text. */
  end: number;
  prefixed: boolean;
}

// Folded word lists, longest first, per vocabulary list (built once for the list passed in).
const foldedLists = new WeakMap<string[], string[]>();

function startsWithWord(folded: string, words: string[]): string | undefined {
  let list = foldedLists.get(words);
  if (!list) {
    list = words.map(foldVietnamese).sort((a, b) => b.length - a.length);
    foldedLists.set(words, list);
  }
  return list.find((word) => folded.startsWith(word) && !/[\p{L}\p{N}]/u.test(folded[word.length] ?? ''));
}

/** Units opening `text` (after an optional "Giao", "Đề nghị"), joined by commas, ";", "và". */
function leadingSubjects(text: string, units: Unit[], vocabulary: ExtractVocabulary, found?: UnitMention[]): Subject | null {
  const folded = foldVietnamese(text.slice(0, 40));
  let at = /^[\s\-–+•:,]*/.exec(folded)?.[0].length ?? 0;
  const prefix = startsWithWord(folded.slice(at), vocabulary.labels.subjectPrefixes);
  if (prefix) at += prefix.length + (/^\s+/.exec(folded.slice(at + prefix.length))?.[0].length ?? 0);
  const mentions = found ?? findUnitMentions(text, units);
  if (mentions.length === 0 || mentions[0].start !== at) return null;
  const actors = [mentions[0].unitId];
  let end = mentions[0].end;
  for (const mention of mentions.slice(1)) {
    if (!JOIN.test(text.slice(end, mention.start))) break;
    actors.push(mention.unitId);
    end = mention.end;
  }
  return { actors, start: at, end, prefixed: prefix !== undefined };
}

/** The mentions of `all` (sorted, offsets into the document) within [start, end), offsets made relative to `start`. */
function mentionsBetween(all: UnitMention[], start: number, end: number): UnitMention[] {
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (all[middle].start < start) low = middle + 1;
    else high = middle;
  }
  const found: UnitMention[] = [];
  for (let index = low; index < all.length && all[index].end <= end; index += 1) {
    found.push({ unitId: all[index].unitId, start: all[index].start - start, end: all[index].end - start });
  }
  return found;
}

/** The role a duty phrase right after the subject names ("có trách nhiệm" → responsible). */
function roleAfter(text: string, vocabulary: ExtractVocabulary): ObligationRole | null {
  const folded = foldVietnamese(text.slice(0, 60)).replace(/^[\s,]+/, '');
  let best: { role: ObligationRole; length: number } | null = null;
  for (const [role, words] of Object.entries(vocabulary.phrases.roles) as Array<[ObligationRole, string[] | undefined]>) {
    const word = startsWithWord(folded, words ?? []);
    if (word && (!best || word.length > best.length)) best = { role, length: word.length };
  }
  return best?.role ?? null;
}

/** The section's own text: before its first child. */
function ownEnd(doc: CorpusDocument, section: Section): number {
  return childrenOf(doc, section)[0]?.span.start ?? section.span.end;
}

/**
 * A lead-in that names only who (and maybe a duty phrase ending with ":"): each child is a duty
 * of those units ("3. Sở X:" then "a) …"). Without children, a heading line naming only who
 * makes the paragraphs under it one duty of theirs ("2. Sở X" then "Theo dõi, đôn đốc …").
 */
function leadIn(doc: CorpusDocument, section: Section, all: UnitMention[], units: Unit[], vocabulary: ExtractVocabulary, list: ObligationList): boolean {
  const children = childrenOf(doc, section).filter((child) => child.kind !== 'table');
  const lead = withoutMarker(doc, section.address, section.span.start, ownEnd(doc, section));
  const whole = lead.text.replace(HEADING_MARKER, '');
  const offset = lead.text.length - whole.length;
  const lineEnd = whole.indexOf('\n');
  if (children.length === 0 && lineEnd < 0) return false;
  const text = children.length > 0 ? whole : whole.slice(0, lineEnd);
  const textStart = lead.span.start + offset;
  const subject = leadingSubjects(text, units, vocabulary, mentionsBetween(all, textStart, textStart + text.length));
  if (!subject) return false;
  const rest = text.slice(subject.end).replace(/[\s:.]+$/, '');
  const role = rest.trim() === '' ? 'responsible' : roleAfter(rest, vocabulary);
  if (!role || (rest.trim() !== '' && !/:\s*$/.test(text))) return false;
  const actor = sourceOf(doc, section.address, lead.span.start + offset + subject.start, lead.span.start + offset + subject.end);
  const duties =
    children.length > 0
      ? children.map((child) => withoutMarker(doc, child.address, child.span.start, child.span.end))
      : [sourceOf(doc, section.address, lead.span.start + offset + lineEnd, lead.span.end)];
  for (const action of duties) {
    const { timeline, source } = timelineIn(action, vocabulary);
    list.add({ address: action.address, actors: subject.actors, role, actor, action, timeline, timelineSource: source });
  }
  return true;
}

/** Sentences of a section's own text: subject + duty phrase, "Giao X …", "do X phê duyệt". */
function sentences(doc: CorpusDocument, section: Section, all: UnitMention[], units: Unit[], vocabulary: ExtractVocabulary, list: ObligationList, owner: Owner | null): void {
  const own = withoutMarker(doc, section.address, section.span.start, ownEnd(doc, section));
  const body = section.kind === 'article' ? own.text.indexOf('\n') + 1 : 0;
  const prose = section.kind === 'item' || section.kind === 'subitem' || section.kind === 'paragraph';
  for (const match of own.text.slice(body).matchAll(SENTENCE)) {
    const action = sourceOf(doc, section.address, own.span.start + body + match.index, own.span.start + body + match.index + match[0].length);
    const mentions = mentionsBetween(all, action.span.start, action.span.end);
    if (mentions.length === 0 && !owner) continue;
    const { timeline, source } = timelineIn(action, vocabulary);
    const add = (actors: string[], role: ObligationRole, actor: FieldSource) =>
      list.add({ address: section.address, actors, role, actor, action, timeline, timelineSource: source });
    const at = (start: number, end: number) => sourceOf(doc, section.address, action.span.start + start, action.span.start + end);
    const subject = leadingSubjects(action.text, units, vocabulary, mentions);
    const role = subject && (roleAfter(action.text.slice(subject.end), vocabulary) ?? (subject.prefixed || prose ? 'responsible' : null));
    const inner = subject && role ? null : clauseSubject(action.text, mentions, units, vocabulary);
    if (subject && role) add(subject.actors, role, at(subject.start, subject.end));
    const partners = subject && role === 'lead' ? coordinatingAfter(action.text, subject.end, mentions, vocabulary) : null;
    if (partners) add(partners.actors, 'coordinating', at(partners.start, partners.end));
    const asked = subject && !role ? unitsAfter(action.text, subject.end, vocabulary.phrases.requests, mentions) : null;
    if (asked) add(asked.actors, 'responsible', at(asked.start, asked.end));
    else if (inner) add(inner.actors, inner.role, at(inner.start, inner.end));
    else if (owner && section.kind !== 'article') add(owner.actors, 'responsible', owner.source);
    approvals(action.text, mentions, vocabulary, (actors, start, end) => add(actors, 'approves', at(start, end)));
  }
}

/** Units joined to one another from the mention starting at `at`, with the span they cover. */
function joinedFrom(text: string, mentions: UnitMention[], at: number): { actors: string[]; start: number; end: number } | null {
  const index = mentions.findIndex((mention) => mention.start === at);
  if (index < 0) return null;
  const actors = [mentions[index].unitId];
  let end = mentions[index].end;
  for (const mention of mentions.slice(index + 1)) {
    if (!JOIN.test(text.slice(end, mention.start))) break;
    actors.push(mention.unitId);
    end = mention.end;
  }
  return { actors, start: at, end };
}

/** The partners a lead names ("X chủ trì, phối hợp với Y, Z …"): Y and Z coordinate. */
function coordinatingAfter(text: string, from: number, mentions: UnitMention[], vocabulary: ExtractVocabulary): { actors: string[]; start: number; end: number } | null {
  const folded = foldVietnamese(text);
  for (const phrase of vocabulary.phrases.coordinatingWith.map(foldVietnamese)) {
    const found = new RegExp(`(?<![\\p{L}])${phrase.replace(/ /g, '\\s+')}\\s+`, 'u').exec(folded.slice(from));
    const partners = found && joinedFrom(text, mentions, from + found.index + found[0].length);
    if (partners) return partners;
  }
  return null;
}

/** Units right after one of `verbs` that follows the subject ("X yêu cầu Y, Z tổ chức …"). */
function unitsAfter(text: string, from: number, verbs: string[], mentions: UnitMention[]): { actors: string[]; start: number; end: number } | null {
  const folded = foldVietnamese(text.slice(from, from + 40)).replace(/^\s+/, '');
  const skipped = text.slice(from).length - text.slice(from).trimStart().length;
  const verb = startsWithWord(folded, verbs);
  if (!verb) return null;
  const gap = /^\s+/.exec(folded.slice(verb.length))?.[0].length ?? 0;
  return joinedFrom(text, mentions, from + skipped + verb.length + gap);
}

/**
 * A subject opening a later clause of the sentence ("Sau khi …, cơ quan quản lý công chức quyết
 * định …"): it counts only with a duty phrase right after it.
 */
function clauseSubject(text: string, mentions: UnitMention[], units: Unit[], vocabulary: ExtractVocabulary): { actors: string[]; role: ObligationRole; start: number; end: number } | null {
  const starts = new Set(mentions.map((mention) => mention.start));
  for (const comma of text.matchAll(/[,;:]\s+/g)) {
    const start = comma.index + comma[0].length;
    if (!starts.has(start)) continue;
    const rest = mentions.filter((mention) => mention.start >= start).map((mention) => ({ ...mention, start: mention.start - start, end: mention.end - start }));
    const subject = leadingSubjects(text.slice(start), units, vocabulary, rest);
    const role = subject && roleAfter(text.slice(start + subject.end), vocabulary);
    if (subject && role) return { actors: subject.actors, role, start: start + subject.start, end: start + subject.end };
  }
  return null;
}

/** "… do X phê duyệt", "… do X quyết định": X approves. */
function approvals(text: string, mentions: UnitMention[], vocabulary: ExtractVocabulary, add: (actors: string[], start: number, end: number) => void): void {
  const folded = foldVietnamese(text);
  const by = vocabulary.phrases.byWords.map(foldVietnamese);
  for (const mention of mentions) {
    const before = folded.slice(Math.max(0, mention.start - 6), mention.start).trim().split(/\s+/).pop() ?? '';
    if (!by.includes(before)) continue;
    if (startsWithWord(folded.slice(mention.end).trimStart(), vocabulary.phrases.approvedBy)) add([mention.unitId], mention.start, mention.end);
  }
}

/** Units a heading makes responsible for what the section holds, with the heading as source. */
interface Owner {
  actors: string[];
  source: FieldSource;
}

/** The units an article heading makes responsible ("Trách nhiệm của Bộ X"), or null. */
function headingOwner(doc: CorpusDocument, section: Section, units: Unit[], vocabulary: ExtractVocabulary): Owner | null {
  if (!section.heading) return null;
  const folded = foldVietnamese(section.heading);
  const phrase = startsWithWord(folded, vocabulary.phrases.responsibilityHeadings);
  const at = section.text.indexOf(section.heading);
  if (!phrase || at < 0) return null;
  const actors = findUnitMentions(section.heading, units).filter((mention) => mention.start >= phrase.length).map((mention) => mention.unitId);
  const start = section.span.start + at;
  return actors.length > 0 ? { actors, source: sourceOf(doc, section.address, start, start + section.heading.length) } : null;
}

/**
 * Prose obligations of a document, outside `skip` (the task items, read from their fields).
 * A section whose lead-in assigns its children is read as such; its children are not read again.
 */
export function proseObligations(doc: CorpusDocument, skip: Set<string>, units: Unit[], vocabulary: ExtractVocabulary, list: ObligationList): void {
  const assigned = new Set<string>();
  const owners = new Map<string, Owner>();
  // Units are found once in the whole text; each passage takes those inside it.
  const all = findUnitMentions(doc.text, units);
  const skipped = [...skip];
  for (const section of doc.sections) {
    if (SKIPPED_KINDS.has(section.kind) || skipped.some((address) => section.address === address || section.address.startsWith(`${address}.`))) continue;
    const owner = (section.parent && owners.get(section.parent)) || headingOwner(doc, section, units, vocabulary);
    if (owner) owners.set(section.address, owner);
    if (assigned.has(section.parent ?? '')) {
      assigned.add(section.address);
      continue;
    }
    if (leadIn(doc, section, all, units, vocabulary, list)) {
      assigned.add(section.address);
      continue;
    }
    sentences(doc, section, all, units, vocabulary, list, owner ?? null);
  }
}
