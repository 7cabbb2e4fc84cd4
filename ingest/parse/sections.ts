/**
 * Turns the node tree into the contract's Section list: spans and texts from the normalized
 * text, paths of headings, and the footnotes each section cites.
 */
import type { Section } from '../types.js';
import { spanOf, type Line } from './lines.js';
import { addressLabel } from './labels.js';
import { sectionKind, type Node } from './nodes.js';

function pathOf(node: Node): string[] {
  const labels: string[] = [];
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.label) labels.unshift(current.label);
  }
  return labels;
}

/** Sections in document order (parents before their children). */
export function toSections(nodes: readonly Node[], lines: readonly Line[], text: string): Section[] {
  const sections = nodes.map((node): Section => {
    const span = spanOf(lines, node.first, node.last);
    const section: Section = {
      address: node.address,
      label: addressLabel(node.address),
      kind: sectionKind(node.type),
      heading: node.heading,
      text: text.slice(span.start, span.end),
      span,
      parent: node.parent?.address ?? null,
      path: pathOf(node),
    };
    if (node.tableHeader) section.tableHeader = node.tableHeader;
    if (node.cells) section.cells = node.cells;
    return section;
  });
  return sections.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** The smallest section whose span contains `offset`, among `sections`. */
export function smallestSectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let best: Section | undefined;
  for (const section of sections) {
    if (section.span.start <= offset && offset < section.span.end) {
      if (!best || section.span.end - section.span.start < best.span.end - best.span.start) best = section;
    }
  }
  return best;
}
