/**
 * Appendices (Phụ lục I, II … or one unnumbered "Phụ lục") and forms (Mẫu số 01 …) after the
 * body. Each becomes a section (`phu-luc.1`, `phu-luc.mau.2`, `mau.1`) and its content is read
 * like a body of its own, under that address: the numbering that restarts inside an appendix
 * ("Điều 1" of a model decision, "I." of a form, its tables) never collides with the main body's
 * (`phu-luc.1.table.1.row.4`, `phu-luc.mau.3.dieu.1`).
 */
import { buildBody } from './body.js';
import { classifyLine, markersOf, numeralValue, type LineMarker } from './classify.js';
import type { Line } from './lines.js';
import type { Node } from './nodes.js';
import { readTail } from './tail.js';

/** What opens a segment after the body: an appendix, a form, or an attached text (Quy chế …). */
interface SegmentStart {
  /** First line of the segment (for an attached text, its own header block). */
  first: number;
  /** The heading line: "PHỤ LỤC I", "Mẫu số 01", or the type line "QUY CHẾ". */
  heading: number;
  /** Last line of the heading and its title ("(Ban hành kèm theo …)" for an attached text). */
  titleEnd: number;
  marker: LineMarker;
  attached: boolean;
}

// "(Ban hành kèm theo Quyết định số …)": the line under the title of a text issued with the document.
const ISSUED_WITH = /^\((?:được\s+)?(?:ban\s+hành\s+)?kèm\s+theo\b.*\)$/iu;
const SEPARATOR = /^[-_=–—.\s]+$/u;
const MOTTO = /độc lập\s*[-–]\s*tự do|^số\s*:|ngày\s.*tháng\s.*năm/iu;
const ATTACHED_TITLE_LINES = 3;
const ATTACHED_HEADER_LINES = 8;

function isCapitals(clean: string): boolean {
  return /\p{Lu}/u.test(clean) && !/\p{Ll}/u.test(clean);
}

/**
 * The start of a text attached to the document (a Quy chế, Quy định … "ban hành kèm theo"):
 * its "(Ban hành kèm theo …)" line at `at`, after body structure; the segment starts at its
 * type line in capitals, or at its own header block (issuer, motto, number) above it.
 */
function attachedStart(lines: readonly Line[], markers: readonly LineMarker[], at: number, from: number): SegmentStart | null {
  let heading = -1;
  for (let j = at - 1; j >= from && at - j <= ATTACHED_TITLE_LINES && markers[j].kind === 'plain'; j -= 1) {
    if (isCapitals(lines[j].clean)) heading = j;
  }
  if (heading < 0) return null;
  let first = heading;
  while (first - 1 >= from && heading - (first - 1) <= ATTACHED_HEADER_LINES && markers[first - 1].kind === 'plain') {
    const clean = lines[first - 1].clean;
    if (!(isCapitals(clean) || SEPARATOR.test(clean) || MOTTO.test(clean))) break;
    first -= 1;
  }
  return { first, heading, titleEnd: at, marker: { kind: 'plain', label: '', rest: '' }, attached: true };
}

/** Segments after the body, in order, from lines `from`..`to` (exclusive). */
function segmentStarts(lines: readonly Line[], from: number, to: number): SegmentStart[] {
  const markers = markersOf(lines);
  const starts: SegmentStart[] = [];
  let structured = false;
  for (let i = from; i < to; i += 1) {
    const marker = markers[i];
    // "Phụ lục I: …" / "Phụ lục II: …" on consecutive lines list the appendices; they open none.
    const listed = marker.kind === 'appendix' && (markers[i - 1]?.kind === 'appendix' || markers[i + 1]?.kind === 'appendix');
    if ((marker.kind === 'appendix' && !listed) || marker.kind === 'form') {
      starts.push({ first: i, heading: i, titleEnd: marker.kind === 'form' ? i : titleLines(lines, i, to), marker, attached: false });
    } else if (structured && marker.kind === 'plain' && starts.every((start) => start.attached) && ISSUED_WITH.test(lines[i].clean)) {
      const start = attachedStart(lines, markers, i, starts.length > 0 ? starts[starts.length - 1].titleEnd + 1 : from);
      // An attached text follows a signed document: a "(kèm theo …)" caption inside the body opens none.
      if (start && readTail(lines, from, start.first).signature) starts.push(start);
    }
    if (marker.kind === 'article' || marker.kind === 'part' || marker.kind === 'numbered') structured = true;
  }
  return starts;
}

/** Index of the first line after the body that opens an appendix, a form or an attached text, or `to`. */
export function appendixStart(lines: readonly Line[], from: number, to: number): number {
  return segmentStarts(lines, from, to)[0]?.first ?? to;
}

/** Lines right under a heading that continue it: a capitalised title or "(Kèm theo …)". */
function titleLines(lines: readonly Line[], heading: number, to: number): number {
  let last = heading;
  for (let i = heading + 1; i < to && i <= heading + 3; i += 1) {
    const clean = lines[i].clean;
    const capitals = /\p{Lu}/u.test(clean) && !/\p{Ll}/u.test(clean);
    if (!(capitals || /^\(.*\)$/.test(clean)) || classifyLine(clean).kind !== 'plain') break;
    last = i;
  }
  return last;
}

function headingOf(lines: readonly Line[], marker: LineMarker, first: number, titleEnd: number): string | null {
  if (marker.rest) return marker.rest;
  const title = lines.slice(first + 1, titleEnd + 1).map((line) => line.clean).filter((text) => !/^\(/.test(text));
  return title.length > 0 ? title.join(' ') : null;
}

/**
 * Moves a body built inside an appendix under it: every address prefixed, the loose text
 * (preamble, plain paragraphs) left to the appendix itself.
 */
function adopt(container: Node, nodes: readonly Node[]): Node[] {
  const dropped = new Set(nodes.filter((node) => node.type === 'preamble' || node.type === 'paragraph'));
  const kept = nodes.filter((node) => !dropped.has(node));
  for (const node of kept) {
    node.address = `${container.address}.${node.address}`;
    if (node.parent === null || dropped.has(node.parent)) node.parent = container;
  }
  return kept;
}

/** The segment's own address: "phu-luc.1", "phu-luc" (unnumbered), "mau.2", "kem-theo". */
function ownAddress(segment: SegmentStart): string {
  const { marker } = segment;
  if (segment.attached) return 'kem-theo';
  if (marker.kind === 'form') return `mau.${marker.label.replace(/^0+(?=\d)/, '')}`;
  return marker.label ? `phu-luc.${numeralValue(marker.label)}` : 'phu-luc';
}

function segmentHeading(lines: readonly Line[], segment: SegmentStart): string | null {
  if (!segment.attached) return headingOf(lines, segment.marker, segment.heading, segment.titleEnd);
  return lines.slice(segment.heading, segment.titleEnd).map((line) => line.clean).join(' ') || null;
}

/** An attached text ends with its own signature (and Nơi nhận): sections of the segment. */
function segmentTail(lines: readonly Line[], container: Node, from: number, end: number): { bodyEnd: number; nodes: Node[] } {
  const tail = readTail(lines, from, end);
  const nodes: Node[] = [];
  const frame = (name: 'recipients' | 'signature', first: number, last: number) =>
    nodes.push({ address: `${container.address}.${name}`, type: name, heading: null, label: null, first, last, parent: container, numbered: 0 });
  if (tail.recipients) frame('recipients', tail.recipients.first, tail.recipients.last);
  if (tail.signature) frame('signature', tail.signature.first, tail.signature.last);
  return { bodyEnd: tail.start, nodes };
}

/**
 * Nodes of the appendices, forms and attached texts after the body. `from` is where the body
 * starts (an attached text is recognised only after body structure), `to` where footnotes start.
 */
export function buildAppendices(lines: readonly Line[], from: number, to: number): Node[] {
  const segments = segmentStarts(lines, from, to);
  const nodes: Node[] = [];
  let appendix: Node | null = null;
  segments.forEach((segment, index) => {
    const end = index + 1 < segments.length ? segments[index + 1].first : to;
    const isForm = segment.marker.kind === 'form';
    const parent = isForm ? appendix : null;
    const heading = segmentHeading(lines, segment);
    const node: Node = {
      address: parent ? `${parent.address}.${ownAddress(segment)}` : ownAddress(segment),
      type: isForm ? 'form' : 'appendix',
      heading,
      // The path entry names the appendix with its title: "Phụ lục I. DANH MỤC …".
      label: segment.attached ? heading : heading && !segment.marker.rest ? `${lines[segment.heading].clean}. ${heading}` : lines[segment.heading].clean,
      first: segment.first,
      last: end - 1,
      parent,
      numbered: 0,
    };
    if (!isForm) appendix = node;
    for (let ancestor = parent; ancestor; ancestor = ancestor.parent) ancestor.last = Math.max(ancestor.last, node.last);
    const tail = segment.attached ? segmentTail(lines, node, segment.titleEnd + 1, end) : { bodyEnd: end, nodes: [] };
    nodes.push(node, ...adopt(node, buildBody(lines, segment.titleEnd + 1, tail.bodyEnd)), ...tail.nodes);
  });
  return nodes;
}
