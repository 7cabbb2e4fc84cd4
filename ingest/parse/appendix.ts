/**
 * Appendices (Phụ lục I, II … or one unnumbered "Phụ lục") and forms (Mẫu số 01 …) after the
 * body. Each becomes a section (`phu-luc.1`, `phu-luc.mau.2`, `mau.1`) and its content is read
 * like a body of its own, under that address: the numbering that restarts inside an appendix
 * ("Điều 1" of a model decision, "I." of a form, its tables) never collides with the main body's
 * (`phu-luc.1.table.1.row.4`, `phu-luc.mau.3.dieu.1`).
 */
import { buildBody } from './body.js';
import { classifyLine, numeralValue, type LineMarker } from './classify.js';
import type { Line } from './lines.js';
import type { Node } from './nodes.js';

/** Index of the first appendix or form heading in lines `from`..`to` (exclusive), or `to`. */
export function appendixStart(lines: readonly Line[], from: number, to: number): number {
  for (let i = from; i < to; i += 1) {
    const kind = classifyLine(lines[i].clean).kind;
    if (kind === 'appendix' || kind === 'form') return i;
  }
  return to;
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

/** Nodes of the appendices and forms in lines `from`..`to` (exclusive); `from` is a heading. */
export function buildAppendices(lines: readonly Line[], from: number, to: number): Node[] {
  const headings: number[] = [];
  const markers = new Map<number, LineMarker>();
  for (let i = from; i < to; i += 1) {
    const marker = classifyLine(lines[i].clean);
    if (marker.kind === 'appendix' || marker.kind === 'form') {
      headings.push(i);
      markers.set(i, marker);
    }
  }
  const nodes: Node[] = [];
  let appendix: Node | null = null;
  headings.forEach((first, index) => {
    const marker = markers.get(first)!;
    const end = index + 1 < headings.length ? headings[index + 1] : to;
    // A form opens with its own header block (motto, number line), not with a title of ours.
    const titleEnd = marker.kind === 'form' ? first : titleLines(lines, first, end);
    const value = marker.label ? String(numeralValue(marker.label)) : '';
    const isForm = marker.kind === 'form';
    const heading = headingOf(lines, marker, first, titleEnd);
    const parent = isForm ? appendix : null;
    const own = isForm ? `mau.${marker.label.replace(/^0+(?=\d)/, '')}` : `phu-luc${value ? `.${value}` : ''}`;
    const node: Node = {
      address: parent ? `${parent.address}.${own}` : own,
      type: isForm ? 'form' : 'appendix',
      heading,
      // The path entry names the appendix with its title: "Phụ lục I. DANH MỤC …".
      label: heading && !marker.rest ? `${lines[first].clean}. ${heading}` : lines[first].clean,
      first,
      last: end - 1,
      parent,
      numbered: 0,
    };
    if (!isForm) appendix = node;
    for (let ancestor = parent; ancestor; ancestor = ancestor.parent) ancestor.last = Math.max(ancestor.last, node.last);
    nodes.push(node, ...adopt(node, buildBody(lines, titleEnd + 1, end)));
  });
  return nodes;
}
