/**
 * Small shared pieces of obligation extraction: verbatim sources, marker stripping, the
 * timeline of a text, and one constructor that numbers obligations within their address.
 */
import type { CorpusDocument, FieldSource, Obligation, ObligationRole, Section, Timeline } from '../types.js';
import { findTimelinePhrase } from './timeline-phrase.js';
import type { ExtractVocabulary } from './vocabulary.js';

/** A leading list marker: "3. ", "a) ", "- ", "+ ", "Điều 5. " is not one (headings stay). */
const MARKER = /^\s*(?:\d{1,3}[.)]\s+|[a-zđ]\)\s+|[-–•+]\s+)/u;

/** The verbatim source of `doc.text` between `start` and `end`, trimmed of spaces. */
export function sourceOf(doc: CorpusDocument, address: string, start: number, end: number): FieldSource {
  while (start < end && /\s/.test(doc.text[start])) start += 1;
  while (end > start && /\s/.test(doc.text[end - 1])) end -= 1;
  return { address, text: doc.text.slice(start, end), span: { start, end } };
}

/** The source of a span without its list marker ("a) Thực hiện …" → "Thực hiện …"). */
export function withoutMarker(doc: CorpusDocument, address: string, start: number, end: number): FieldSource {
  const marker = MARKER.exec(doc.text.slice(start, end))?.[0].length ?? 0;
  return sourceOf(doc, address, start + marker, end);
}

/** The timeline a text states (a phrase within it), with its source; unspecified when none. */
export function timelineIn(action: FieldSource, vocabulary: ExtractVocabulary): { timeline: Timeline; source: FieldSource | null } {
  const found = findTimelinePhrase(action.text, vocabulary.phrases, vocabulary.labels);
  if (!found) return { timeline: { text: '', kind: 'unspecified' }, source: null };
  const start = action.span.start + found.span.start;
  const end = action.span.start + found.span.end;
  return { timeline: found.timeline, source: { address: action.address, text: action.text.slice(found.span.start, found.span.end), span: { start, end } } };
}

/** Collects obligations of one document, numbering them within each address. */
export class ObligationList {
  readonly items: Obligation[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly doc: CorpusDocument) {}

  /** Adds one obligation (none when no actor was recognised). */
  add(entry: {
    address: string;
    actors: string[];
    role: ObligationRole;
    actor: FieldSource;
    action: FieldSource;
    timeline: Timeline;
    timelineSource: FieldSource | null;
    taskAddress?: string;
  }): void {
    if (entry.actors.length === 0 || !entry.action.text) return;
    const index = this.counts.get(entry.address) ?? 0;
    this.counts.set(entry.address, index + 1);
    this.items.push({
      id: `${this.doc.id}#${entry.address}#${index}`,
      documentId: this.doc.id,
      address: entry.address,
      actors: [...new Set(entry.actors)],
      role: entry.role,
      action: entry.action.text,
      timeline: entry.timeline,
      ...(entry.taskAddress ? { taskAddress: entry.taskAddress } : {}),
      sources: { actor: entry.actor, action: entry.action, timeline: entry.timelineSource },
    });
  }
}

// Children by parent address, per sections array (a document's sections do not change once parsed).
const childIndex = new WeakMap<readonly Section[], Map<string, Section[]>>();

/** The direct children of a section, in order. */
export function childrenOf(doc: CorpusDocument, section: Section): Section[] {
  let index = childIndex.get(doc.sections);
  if (!index) {
    index = new Map();
    for (const candidate of doc.sections) {
      if (candidate.parent === null) continue;
      const list = index.get(candidate.parent) ?? [];
      list.push(candidate);
      index.set(candidate.parent, list);
    }
    childIndex.set(doc.sections, index);
  }
  return index.get(section.address) ?? [];
}
