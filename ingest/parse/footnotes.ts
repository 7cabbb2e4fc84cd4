/**
 * Footnotes: the paragraphs the normalizer lifted to the end of the text become `footnote.N`
 * sections, each attached to the section that carries its marker (¹, ², or "[n]").
 */
import type { Section } from '../types.js';
import { footnoteNumber } from './classify.js';
import type { Line } from './lines.js';
import type { Node } from './nodes.js';
import { smallestSectionAt } from './sections.js';

const FOOTNOTE_MARKER = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])\s/u;

/**
 * Index of the first line of the trailing footnotes (`lines.length` when none): the footnote
 * paragraphs the normalizer moved to the end or, in a text without blank lines, the trailing run
 * of lines that each start with a footnote marker.
 */
export function footnoteStart(lines: readonly Line[]): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (!lines[i].opensParagraph) continue;
    if (!FOOTNOTE_MARKER.test(lines[i].clean)) break;
    start = i;
  }
  if (start < lines.length) return start;
  while (start > 0 && FOOTNOTE_MARKER.test(lines[start - 1].clean)) start -= 1;
  return start;
}

/** One node per footnote from line `from` on, addressed by its number; other lines continue it. */
export function footnoteNodes(lines: readonly Line[], from: number): Array<Omit<Node, 'numbered'> & { marker: string }> {
  const nodes: Array<Omit<Node, 'numbered'> & { marker: string }> = [];
  for (let i = from; i < lines.length; i += 1) {
    const marker = FOOTNOTE_MARKER.exec(lines[i].clean)?.[1];
    if (marker) {
      nodes.push({ address: `footnote.${footnoteNumber(marker)}`, type: 'footnote', heading: null, label: null, first: i, last: i, parent: null, marker });
    } else if (nodes.length > 0) {
      nodes[nodes.length - 1].last = i;
    }
  }
  return nodes;
}

function markerPattern(marker: string): RegExp {
  if (marker.startsWith('[')) return new RegExp(marker.replace(/[[\]]/g, '\\$&'), 'gu');
  return new RegExp(`(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])${marker}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, 'gu');
}

/**
 * Links each footnote to the smallest body section that carries its marker: the footnote's
 * parent and path become that section's, and the section lists the footnote.
 */
export function linkFootnotes(footnotes: Section[], markers: readonly string[], body: Section[], text: string, bodyEnd: number): void {
  footnotes.forEach((footnote, index) => {
    const pattern = markerPattern(markers[index]);
    for (const match of text.slice(0, bodyEnd).matchAll(pattern)) {
      const citing = smallestSectionAt(body, match.index ?? 0);
      if (!citing) continue;
      footnote.parent = citing.address;
      footnote.path = [...citing.path];
      citing.footnotes = [...(citing.footnotes ?? []), footnote.address];
      return;
    }
  });
}
