/**
 * The section tree under construction: nodes over line ranges, a stack of open containers,
 * and the bookkeeping that keeps addresses unique and stable.
 */
import type { SectionKind } from '../types.js';

/** What a node is, finer than SectionKind ("+" bullets and lettered sub-items are both 'subitem'). */
export type NodeType =
  | 'header'
  | 'preamble'
  | 'paragraph'
  | 'part'
  | 'part-paragraph'
  | 'chapter'
  | 'section'
  | 'article'
  | 'item'
  | 'clause'
  | 'subnumbered'
  | 'lettered'
  | 'plus'
  | 'point'
  | 'closing'
  | 'table'
  | 'table-row'
  | 'recipients'
  | 'signature'
  | 'footnote'
  | 'appendix'
  | 'form';

const KIND_OF: Record<NodeType, SectionKind> = {
  header: 'header',
  preamble: 'preamble',
  paragraph: 'paragraph',
  part: 'part',
  'part-paragraph': 'paragraph',
  chapter: 'chapter',
  section: 'section',
  article: 'article',
  item: 'item',
  clause: 'clause',
  subnumbered: 'subitem',
  lettered: 'subitem',
  plus: 'subitem',
  point: 'point',
  closing: 'closing',
  table: 'table',
  'table-row': 'table-row',
  recipients: 'recipients',
  signature: 'signature',
  footnote: 'footnote',
  appendix: 'appendix',
  form: 'appendix',
};

/** Nesting depth: opening a node closes every open node of the same or a deeper level. */
export const LEVEL: Partial<Record<NodeType, number>> = {
  appendix: 0,
  form: 0,
  part: 1,
  chapter: 1,
  section: 2,
  closing: 2,
  article: 3,
  item: 4,
  clause: 4,
  subnumbered: 5,
  'part-paragraph': 5,
  lettered: 6,
  plus: 6,
  point: 6,
};

/** A section under construction, over a range of lines. */
export interface Node {
  address: string;
  type: NodeType;
  heading: string | null;
  /** This node's entry in section paths ("II. NHIỆM VỤ, GIẢI PHÁP"), or null when it adds none. */
  label: string | null;
  /** First and last line indexes (inclusive). */
  first: number;
  last: number;
  parent: Node | null;
  /** Children that took a generated number or letter ("I.1", "II.6.a"). */
  numbered: number;
  tableHeader?: string[];
  cells?: string[];
}

/** The contract's SectionKind of a node type. */
export function sectionKind(type: NodeType): SectionKind {
  return KIND_OF[type];
}

/** Letters of Vietnamese enumerations: a, b, c, d, đ, e, g, h, i, k … */
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** The n-th letter (0-based) of a Vietnamese enumeration; numbers after "y". */
export function enumerationLetter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/** Nodes in creation order, the stack of open containers, and the addresses already used. */
export class SectionTree {
  readonly nodes: Node[] = [];
  readonly stack: Node[] = [];
  private readonly used = new Set<string>();

  /** Makes an address unique: a repeated one gets "_2", "_3" (a misnumbered source). */
  private unique(address: string): string {
    let candidate = address;
    for (let n = 2; this.used.has(candidate); n += 1) candidate = `${address}_${n}`;
    this.used.add(candidate);
    return candidate;
  }

  /** Creates a node over one line; `open` also pushes it as the innermost container. */
  add(fields: Omit<Node, 'numbered' | 'last'>, open: boolean): Node {
    const node: Node = { ...fields, address: this.unique(fields.address), last: fields.first, numbered: 0 };
    this.nodes.push(node);
    if (open) {
      const level = LEVEL[node.type] ?? 9;
      while (this.stack.length > 0 && (LEVEL[this.top()!.type] ?? 9) >= level) this.stack.pop();
      this.stack.push(node);
    }
    this.extend(node.parent, node.first);
    return node;
  }

  top(): Node | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The innermost open node of one of `types`. */
  innermost(...types: NodeType[]): Node | undefined {
    for (let i = this.stack.length - 1; i >= 0; i -= 1) if (types.includes(this.stack[i].type)) return this.stack[i];
    return undefined;
  }

  /** Closes the open nodes inside `node`, making it the innermost. */
  closeInside(node: Node): void {
    while (this.stack.length > 0 && this.top() !== node) this.stack.pop();
  }

  /** Extends `node` and its ancestors to cover line `line`. */
  extend(node: Node | null | undefined, line: number): void {
    for (let current = node; current; current = current.parent) current.last = Math.max(current.last, line);
  }
}
