/**
 * The field lines of a plan item ("- Đơn vị chủ trì thực hiện: …", "- Đơn vị phối hợp thực
 * hiện:" with its "+" bullets, "- Thời gian thực hiện: …"), with exact spans.
 */
import { foldVietnamese } from '../normalize/index.js';
import type { Section, Span } from '../types.js';
import type { FieldLabels } from './vocabulary.js';

/** The task fields the extractor reads. */
export type FieldName = 'lead' | 'coordinating' | 'timeline';

/** A line or block of the document text with its exact span. */
export interface TextLine {
  text: string;
  span: Span;
}

/** One field of a plan item, as written. */
export interface ItemField {
  name: FieldName;
  /** The field line (with any lines wrapped under it). */
  line: TextLine;
  /** The text after the label and colon, as written. */
  value: string;
  /** Its offset in the document text. */
  valueStart: number;
  /** The "+" bullets under the field. */
  bullets: TextLine[];
}

// Folded labels per vocabulary object: built once for the labels passed in.
const labelTables = new WeakMap<FieldLabels, Array<{ folded: string; name: FieldName }>>();

function labelTable(vocabulary: FieldLabels): Array<{ folded: string; name: FieldName }> {
  let table = labelTables.get(vocabulary);
  if (!table) {
    table = (['lead', 'coordinating', 'timeline'] as const)
      .flatMap((name) => vocabulary[name].map((label) => ({ folded: foldVietnamese(label), name })))
      .sort((a, b) => b.folded.length - a.folded.length);
    labelTables.set(vocabulary, table);
  }
  return table;
}

const BLOCK_START = /^\s*(?:[-–•+]\s|\d{1,2}[.)]\s|[a-zđ]\)\s|\|)/u;

/**
 * The blocks of a section: a block starts after a blank line or at a marked line ("- ", "+ ",
 * "1. ", "a) ", a table row); other lines continue it (a line wrapped inside a paragraph).
 */
export function sectionBlocks(section: Section): TextLine[] {
  const blocks: TextLine[] = [];
  let offset = 0;
  let afterBlank = true;
  for (const line of section.text.split('\n')) {
    const start = section.span.start + offset;
    offset += line.length + 1;
    if (!line.trim()) {
      afterBlank = true;
      continue;
    }
    const current = blocks[blocks.length - 1];
    if (!current || afterBlank || BLOCK_START.test(line)) {
      blocks.push({ text: line, span: { start, end: start + line.length } });
    } else {
      current.span.end = start + line.length;
      current.text = section.text.slice(current.span.start - section.span.start, current.span.end - section.span.start);
    }
    afterBlank = false;
  }
  return blocks;
}

/** Reads a field line: which field, and where its value starts within the line. */
export function readFieldLine(text: string, vocabulary: FieldLabels): { name: FieldName; valueOffset: number } | null {
  const folded = foldVietnamese(text);
  const bullet = /^[-–•]?\s*/.exec(folded)?.[0].length ?? 0;
  for (const label of labelTable(vocabulary)) {
    if (!folded.startsWith(label.folded, bullet)) continue;
    const colon = /^\s*:\s*/.exec(folded.slice(bullet + label.folded.length));
    if (colon) return { name: label.name, valueOffset: bullet + label.folded.length + colon[0].length };
  }
  return null;
}

const PLUS = /^\+\s/;

/** The fields of an item, in order; a field's "+" bullets are the "+" lines right under it. */
export function readItemFields(item: Section, vocabulary: FieldLabels): ItemField[] {
  const fields: ItemField[] = [];
  let collecting = false;
  for (const line of sectionBlocks(item)) {
    const field = readFieldLine(line.text, vocabulary);
    if (field) {
      const value = line.text.slice(field.valueOffset).trim();
      fields.push({ name: field.name, line, value, valueStart: line.span.start + field.valueOffset, bullets: [] });
      collecting = true;
    } else if (collecting && PLUS.test(line.text)) {
      fields[fields.length - 1].bullets.push(line);
    } else {
      collecting = false;
    }
  }
  return fields;
}
