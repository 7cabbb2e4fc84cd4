/**
 * Chunking: turns a parsed document into the passages that retrieval indexes.
 * Chunks follow the document's structure, so that a hit names an address a citation can use:
 * a task item as a whole (split into `~1`, `~2` parts of the same address when long), each
 * paragraph of a part, an addressee block of a directive with its lettered duties, footnotes,
 * recipients, signature, table rows (their header cells in the context), khoản and điểm under
 * their Điều, the text of an appendix or form around its own structure.
 * A container (a part, a chapter, a table) gets no chunk of its own when its children cover
 * it, which keeps near-duplicate passages out of the results; its heading stays in the
 * children's `context`.
 */
import type { Chunk, CorpusDocument, Section, SectionKind, Span } from '../types.js';
import { splitSpan, trimSpan } from './split.js';

export { splitSpan, trimSpan } from './split.js';

/** Default upper bound of a chunk's text, in characters (a task item of the plan fits whole). */
export const DEFAULT_MAX_CHARS = 1200;

/** Separator of the heading path in `Chunk.context`. */
export const CONTEXT_SEPARATOR = ' › ';

/** Longest heading kept whole in a context; longer ones (an item's first sentence) are shortened. */
const MAX_HEADING_CHARS = 120;

/** Kinds chunked as one passage (or same-address parts) whatever children they have. */
const WHOLE_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['item']);

/**
 * Kinds chunked whole when they fit, else through their children (Khoản → Điểm). An Điều with
 * khoản is always read through them: a passage is a khoản (with its điểm) under its Điều's
 * heading in the context, so that a hit cites "Điều 18 khoản 1", not the whole article.
 */
const WHOLE_IF_FITS_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['clause', 'point', 'subitem']);

export interface ChunkOptions {
  /** Upper bound of a chunk's text in characters; default {@link DEFAULT_MAX_CHARS}. */
  maxChars?: number;
}

/**
 * Cuts a document into chunks in document order. Every chunk's `text` is exactly
 * `doc.text.slice(chunk.span.start, chunk.span.end)`; ids are `${doc.id}#${address}` with
 * `~n` appended when one address yields several parts.
 */
export function chunkDocument(doc: CorpusDocument, options: ChunkOptions = {}): Chunk[] {
  const maxChars = Math.max(200, options.maxChars ?? DEFAULT_MAX_CHARS);
  const children = childrenByParent(doc.sections);
  const chunks: Chunk[] = [];
  const visit = (section: Section): void => {
    const kids = children.get(section.address) ?? [];
    const length = section.span.end - section.span.start;
    if (kids.length === 0 || WHOLE_KINDS.has(section.kind) || (WHOLE_IF_FITS_KINDS.has(section.kind) && length <= maxChars)) {
      pushParts(chunks, doc, section, splitSpan(doc.text, section.span, maxChars));
      // Children that live elsewhere in the text (an item's footnotes, lifted to the end) still need chunks.
      for (const kid of kids) if (!within(kid.span, section.span)) visit(kid);
      return;
    }
    const residue = uncoveredSpans(doc.text, section, kids).flatMap((gap) => splitSpan(doc.text, gap, maxChars));
    pushParts(chunks, doc, section, residue);
    for (const kid of kids) visit(kid);
  };
  for (const top of children.get(null) ?? []) visit(top);
  return chunks.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Sections grouped under their parent address (null = top level), each group in text order. */
function childrenByParent(sections: Section[]): Map<string | null, Section[]> {
  const known = new Set(sections.map((section) => section.address));
  const groups = new Map<string | null, Section[]>();
  for (const section of sections) {
    // A parent the parser did not emit would orphan the subtree; treat it as top level instead.
    const parent = section.parent !== null && known.has(section.parent) ? section.parent : null;
    const group = groups.get(parent) ?? [];
    group.push(section);
    groups.set(parent, group);
  }
  for (const group of groups.values()) group.sort((a, b) => a.span.start - b.span.start);
  return groups;
}

/**
 * The parts of a container's span that none of its children cover, minus a leading heading
 * line: "II. NHIỆM VỤ, GIẢI PHÁP" alone is not a passage, but an introduction paragraph is.
 */
function uncoveredSpans(text: string, section: Section, kids: Section[]): Span[] {
  const gaps: Span[] = [];
  let cursor = section.span.start;
  for (const kid of kids) {
    if (kid.span.start > cursor) gaps.push({ start: cursor, end: Math.min(kid.span.start, section.span.end) });
    cursor = Math.max(cursor, kid.span.end);
  }
  if (cursor < section.span.end) gaps.push({ start: cursor, end: section.span.end });
  return gaps
    .map((gap) => trimSpan(text, gap))
    .filter((gap): gap is Span => gap !== null)
    .filter((gap) => !(gap.start === firstNonBlank(text, section.span) && isHeadingOnly(text.slice(gap.start, gap.end), section)));
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Whether the leading gap of a container is its heading alone: one line ("II. NHIỆM VỤ, GIẢI
 * PHÁP", a table's header row), or the heading over several lines ("Chương I" / "NHỮNG QUY ĐỊNH CHUNG") — the same
 * words as the section's path entry or heading, which its children's context already carries.
 */
function isHeadingOnly(gap: string, section: Section): boolean {
  // A khoản's lead-in that states something before its points ("2. Chậm nhất đến ngày 01
  // tháng 7 năm 2027, … phải hoàn thành việc bố trí … Việc bố trí … như sau:") is a passage.
  if (CLAUSE_KINDS.has(section.kind) && statesSomething(gap)) return false;
  // Lines without a letter or digit (a table's "|---|" separator, "-----") do not count.
  if (gap.split('\n').filter((line) => /[\p{L}\p{N}]/u.test(line)).length <= 1) return true;
  const words = gap.replace(NOT_WORD, '');
  const entry = section.path[section.path.length - 1] ?? '';
  return words === entry.replace(NOT_WORD, '') || words === (section.heading ?? '').replace(NOT_WORD, '');
}

/** Kinds whose lead-in before their points may state a rule of its own. */
const CLAUSE_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['clause', 'point']);

/** Words beyond which a lead-in ending in ":" is more than an introduction of its points. */
const INTRODUCTION_WORDS = 20;

/**
 * Whether a lead-in says something beside introducing its points: a full sentence ending in
 * "." before them, or a long clause ("Chậm nhất ngày …, các bộ phải:"). "Hội đồng kiểm tra,
 * sát hạch:" only introduces.
 */
function statesSomething(gap: string): boolean {
  if (/[.;](?:\s|$)/u.test(gap.replace(/^\s*\d{1,3}\.\s*/u, ''))) return true;
  return gap.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length > INTRODUCTION_WORDS;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function firstNonBlank(text: string, span: Span): number {
  return trimSpan(text, span)?.start ?? span.start;
}

/** Appends one chunk per part; several parts of one address get `~1`, `~2` … ids. */
function pushParts(chunks: Chunk[], doc: CorpusDocument, section: Section, parts: Span[]): void {
  const context = contextOf(doc, section);
  parts.forEach((span, index) => {
    const suffix = parts.length > 1 ? `~${index + 1}` : '';
    chunks.push({
      id: `${doc.id}#${section.address}${suffix}`,
      documentId: doc.id,
      address: section.address,
      text: doc.text.slice(span.start, span.end),
      span,
      context,
      kind: section.kind,
    });
  });
}

/** "Kế hoạch … › II. NHIỆM VỤ, GIẢI PHÁP › 4. Rà soát …", plus a table row's header cells. */
export function contextOf(doc: CorpusDocument, section: Section): string {
  const parts = [doc.title, ...section.path].map(shortenHeading).filter((part) => part.length > 0);
  if (section.kind === 'table-row' && section.tableHeader?.length) parts.push(section.tableHeader.join(' | '));
  return parts.join(CONTEXT_SEPARATOR);
}

/** Keeps a heading readable in a context line: whitespace collapsed, cut at a word near the limit. */
function shortenHeading(heading: string): string {
  const flat = heading.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_HEADING_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', MAX_HEADING_CHARS);
  return `${flat.slice(0, cut > MAX_HEADING_CHARS / 2 ? cut : MAX_HEADING_CHARS)} …`;
}
