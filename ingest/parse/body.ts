/**
 * The body between header and end matter: parts, items and sub-items of a plan; Chương, Mục,
 * Điều, khoản, điểm of a legal text; tables; the preamble before the first of them; and, in a
 * text with no structure at all, plain paragraphs `p.1`, `p.2` …
 */
import { markersOf, numeralValue, type LineMarker } from './classify.js';
import type { Line } from './lines.js';
import { enumerationLetter, SectionTree, type Node, type NodeType } from './nodes.js';
import { parseTableRow, isSeparatorRow } from './tables.js';

const PATH_LABEL_MAX = 100;
const FIRST_SENTENCE = /^.*?[.!?…](?=\s+[\p{Lu}"“(]|$)/u;
const DOCUMENT_END = /\/\.$/;
const CLOSING_MAX_LINES = 8;

/** The first sentence of a text, or the whole text when it has no sentence end. */
export function firstSentence(text: string): string {
  return FIRST_SENTENCE.exec(text)?.[0] ?? text;
}

function shorten(text: string): string {
  if (text.length <= PATH_LABEL_MAX) return text;
  const cut = text.lastIndexOf(' ', PATH_LABEL_MAX);
  return `${text.slice(0, cut > 20 ? cut : PATH_LABEL_MAX)} …`;
}

/** "4." + "Rà soát …" → "4. Rà soát …", the marker as written. */
function itemLabel(clean: string, marker: LineMarker): string {
  const written = clean.slice(0, clean.length - marker.rest.length).trim();
  return `${written} ${shorten(firstSentence(marker.rest))}`;
}

interface Outline {
  hasParts: boolean;
  hasArticles: boolean;
  hasStructure: boolean;
  /** Line indexes of part headings whose part holds numbered items. */
  partsWithItems: Set<number>;
  /** Line index of the paragraph closing the body ("… ./."), or -1. */
  closingLine: number;
}

function outline(lines: readonly Line[], markers: readonly LineMarker[], from: number, to: number): Outline {
  const partsWithItems = new Set<number>();
  let currentPart = -1;
  let hasParts = false;
  let hasArticles = false;
  let hasStructure = false;
  let lastParagraphStart = -1;
  for (let i = from; i < to; i += 1) {
    const kind = markers[i].kind;
    if (lines[i].opensParagraph) lastParagraphStart = i;
    if (kind === 'part') [hasParts, currentPart] = [true, i];
    if (kind === 'chapter') currentPart = -1;
    if (kind === 'article') hasArticles = true;
    if (kind === 'numbered' && currentPart >= 0) partsWithItems.add(currentPart);
    if (kind === 'part' || kind === 'chapter' || kind === 'article' || kind === 'numbered') hasStructure = true;
  }
  const closingLine = hasStructure ? closingLineOf(lines, markers, from, to, lastParagraphStart) : -1;
  return { hasParts, hasArticles, hasStructure, partsWithItems, closingLine };
}

/**
 * The paragraph that closes the body ("… xem xét chỉ đạo./."): the last paragraph when it is
 * plain text ending in "/." and a few lines long at most (or, in text without blank lines, the
 * last line when it is a whole paragraph).
 */
function closingLineOf(lines: readonly Line[], markers: readonly LineMarker[], from: number, to: number, lastStart: number): number {
  if (to <= from || !DOCUMENT_END.test(lines[to - 1].clean) || markers[to - 1].kind !== 'plain') return -1;
  let plainRun = true;
  for (let i = Math.max(lastStart, from); i < to; i += 1) if (markers[i].kind !== 'plain') plainRun = false;
  if (plainRun && lastStart >= from && to - lastStart <= CLOSING_MAX_LINES) return lastStart;
  // Without blank lines, the last line is a paragraph of its own when the line before ends a sentence.
  if (to - 1 > from && /[.!?:]$/.test(lines[to - 2].clean)) return to - 1;
  return -1;
}

/** Builds the body's nodes from lines `from` (inclusive) to `to` (exclusive). */
export function buildBody(lines: readonly Line[], from: number, to: number): Node[] {
  const tree = new SectionTree();
  const markers = markersOf(lines);
  const plan = outline(lines, markers, from, to);
  let loose: Node | null = null; // the preamble, or the current p.N of an unstructured text
  let paragraphs = 0;
  let tables = 0;

  const attach = (i: number) => {
    const top = tree.top();
    if (top) return tree.extend(top, i);
    if (!plan.hasStructure && lines[i].opensParagraph) loose = null;
    if (!loose) {
      const address = plan.hasStructure ? 'preamble' : `p.${++paragraphs}`;
      const type: NodeType = plan.hasStructure ? 'preamble' : 'paragraph';
      loose = tree.add({ address, type, heading: null, label: null, first: i, parent: null }, false);
    }
    tree.extend(loose, i);
  };
  const open = (type: NodeType, address: string, i: number, parent: Node | null, heading: string | null, label: string | null) => {
    if (parent) tree.closeInside(parent);
    else tree.stack.length = 0;
    return tree.add({ address, type, heading, label, first: i, parent }, true);
  };
  // Generated addresses: "-" paragraphs of a part count 1, 2, 3; "+" bullets of an item take letters.
  const child = (parent: Node, type: NodeType, i: number, heading: string | null) => {
    const index = parent.numbered++;
    const suffix = type === 'part-paragraph' ? String(index + 1) : enumerationLetter(index);
    return open(type, `${parent.address}.${suffix}`, i, parent, heading, null);
  };

  for (let i = from; i < to; i += 1) {
    const line = lines[i];
    const marker = markers[i];
    const top = tree.top();
    const itemlessPart = top && ((top.type === 'part' && !plan.partsWithItems.has(top.first)) || top.type === 'part-paragraph');
    // In a legal text a "./." paragraph right under an Điều is that Điều's own body.
    if (i === plan.closingLine && !(plan.hasArticles && top?.type === 'article')) {
      const part = tree.innermost('part') ?? null;
      open('closing', part ? `${part.address}.closing` : 'closing', i, part, null, null);
      continue;
    }
    switch (marker.kind) {
      case 'part':
        open('part', marker.label, i, null, marker.rest, line.clean);
        break;
      case 'chapter':
        open('chapter', `chuong.${numeralValue(marker.label)}`, i, null, marker.rest || null, line.clean);
        break;
      case 'section': {
        // Mục numbers restart in every Chương: the chapter is part of the address.
        const chapter = tree.innermost('chapter') ?? null;
        const address = `${chapter ? `${chapter.address}.` : ''}muc.${numeralValue(marker.label)}`;
        open('section', address, i, chapter, marker.rest || null, line.clean);
        break;
      }
      case 'article': {
        const parent = tree.innermost('section', 'chapter') ?? null;
        open('article', `dieu.${marker.label}`, i, parent, marker.rest || null, shorten(line.clean));
        break;
      }
      case 'numbered': {
        const article = tree.innermost('article');
        const part = tree.innermost('part');
        const heading = firstSentence(marker.rest);
        if (article) open('clause', `${article.address}.khoan.${marker.label}`, i, article, heading, itemLabel(line.clean, marker));
        else if (part) open('item', `${part.address}.${marker.label}`, i, part, heading, itemLabel(line.clean, marker));
        else if (!plan.hasParts && !plan.hasArticles) {
          const container = tree.innermost('section', 'chapter') ?? null;
          open('item', container ? `${container.address}.${marker.label}` : marker.label, i, container, heading, itemLabel(line.clean, marker));
        } else attach(i);
        break;
      }
      case 'subnumbered': {
        const item = tree.innermost('item');
        const sub = marker.label.split('.')[1];
        if (item && marker.label.split('.')[0] === item.address.split('.').pop()) {
          open('subnumbered', `${item.address}.${sub}`, i, item, firstSentence(marker.rest), itemLabel(line.clean, marker));
        } else attach(i);
        break;
      }
      case 'lettered': {
        const container = tree.innermost('clause', 'article', 'subnumbered', 'item');
        const heading = firstSentence(marker.rest);
        if (container?.type === 'clause' || container?.type === 'article') {
          open('point', `${container.address}.diem.${marker.label}`, i, container, heading, null);
        } else if (container) {
          open('lettered', `${container.address}.${marker.label}`, i, container, heading, null);
        } else attach(i);
        break;
      }
      case 'plus': {
        const container = tree.innermost('subnumbered', 'item');
        const plain = top?.type === 'lettered' || top?.type === 'point' || !container;
        if (plain || !container || (top !== container && top?.type !== 'plus')) attach(i);
        else child(container, 'plus', i, firstSentence(marker.rest));
        break;
      }
      case 'dash':
        if (itemlessPart) child(tree.innermost('part')!, 'part-paragraph', i, null);
        else {
          if (top?.type === 'plus') tree.closeInside(top.parent!);
          attach(i);
        }
        break;
      case 'table-row': {
        let last = i;
        while (last + 1 < to && markers[last + 1].kind === 'table-row') last += 1;
        let parent: Node | null = top ?? null;
        if (!top && plan.hasStructure) {
          // A table before the first part belongs to the preamble.
          attach(i);
          tree.extend(loose, last);
          parent = loose;
        } else if (!top) loose = null;
        addTable(tree, lines, i, last, ++tables, parent);
        i = last;
        break;
      }
      default:
        if (top && (top.type === 'chapter' || top.type === 'section') && top.last === i - 1 && !/\p{Ll}/u.test(line.clean) && (!top.heading || top.first < i - 1)) {
          // The heading in capitals under "Chương II" / "Mục 1", on one line or wrapped over several.
          top.heading = top.heading ? `${top.heading} ${line.clean}` : line.clean;
          top.label = top.first < i - 1 ? `${top.label} ${line.clean}` : `${top.label}. ${line.clean}`;
          tree.extend(top, i);
        } else if (itemlessPart && line.opensParagraph) child(tree.innermost('part')!, 'part-paragraph', i, null);
        else attach(i);
    }
  }
  return tree.nodes;
}

/** "Mẫu số 01" → "Mẫu số #": the shape of a numbered cell. */
function cellShape(cell: string | undefined): string | null {
  if (!cell || !/\d/.test(cell)) return null;
  return cell.replace(/\d+/g, '#').split(/\s+/).slice(0, 3).join(' ');
}

/**
 * Whether the first row of a table is its header: yes when a separator row follows it; no when
 * it is numbered like the row after it ("Mẫu số 01" over "Mẫu số 02", "1" over "2").
 */
function hasHeaderRow(lines: readonly Line[], first: number, last: number): boolean {
  if (first === last) return true;
  if (isSeparatorRow(lines[first + 1].clean)) return true;
  const shape = cellShape(parseTableRow(lines[first].clean)[0]);
  return shape === null || shape !== cellShape(parseTableRow(lines[first + 1].clean)[0]);
}

/** Adds `table.N` over lines `first`..`last` and a `table.N.row.M` per data row. */
function addTable(tree: SectionTree, lines: readonly Line[], first: number, last: number, n: number, parent: Node | null): void {
  const withHeader = hasHeaderRow(lines, first, last);
  const header = withHeader ? parseTableRow(lines[first].clean) : undefined;
  const table = tree.add({ address: `table.${n}`, type: 'table', heading: null, label: null, first, parent }, false);
  tree.extend(table, last);
  let row = 0;
  for (let i = withHeader ? first + 1 : first; i <= last; i += 1) {
    if (isSeparatorRow(lines[i].clean)) continue;
    const node = tree.add({ address: `table.${n}.row.${++row}`, type: 'table-row', heading: null, label: null, first: i, parent: table }, false);
    if (header) node.tableHeader = header;
    node.cells = parseTableRow(lines[i].clean);
  }
}
