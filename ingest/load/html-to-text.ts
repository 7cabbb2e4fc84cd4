/**
 * HTML → the loaders' plain text: block elements become paragraphs separated by a blank line,
 * tables become pipe rows (header first), entities are decoded, and page chrome (script, style,
 * nav …) is dropped. Also the second half of the .docx path, which goes through mammoth's HTML.
 */
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';
import { CONTENT_ROOT_ATTRIBUTE, contentRootHtml } from './content-root.js';
import { renderTable } from './html-table.js';

/** Elements whose content is never document text. */
const DROPPED = new Set(['script', 'style', 'nav', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'canvas', 'button', 'select']);

/** Elements that end the current paragraph before and after them. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'address', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'caption',
  'form', 'fieldset', 'legend', 'hr', 'body', 'html', 'details', 'summary',
]);

/** mammoth writes footnotes as `<li id="footnote-1">` with a "↑" link back to the reference. */
const NOTE_ITEM = /^(?:foot|end)note-(\d+)$/;
const NOTE_BACK_LINK = /^#(?:foot|end)note-ref-\d+$/;

/**
 * Converts an HTML document or fragment to paragraphs of text separated by blank lines. When
 * the page marks its document (`data-vbpl-content-root`), only that element is read.
 */
export function htmlToText(html: string): string {
  // The parser keeps a doctype or an XML declaration as text; neither is content.
  const source = contentRootHtml(html) ?? html;
  const root = parse(source.replace(/<!doctype[^>]*>|<\?xml[^>]*\?>/gi, ''), { comment: false });
  const content = root.querySelector(`[${CONTENT_ROOT_ATTRIBUTE}]`);
  return collectBlocks(content ?? root).join('\n\n');
}

/** Walks an element and returns its paragraphs (tables as one block of pipe rows). */
export function collectBlocks(element: HTMLElement): string[] {
  const collector = new BlockCollector();
  collector.walkChildren(element);
  collector.flush();
  return collector.blocks;
}

/** Accumulates inline text into the current paragraph and closes paragraphs at block boundaries. */
class BlockCollector {
  readonly blocks: string[] = [];
  private buffer = '';
  /** A list marker ("1. ", "- ", "[1] ") waiting for the first text of its item. */
  private pendingMarker = '';

  walkChildren(element: HTMLElement): void {
    for (const child of element.childNodes) this.walk(child);
  }

  flush(): void {
    const text = collapseWhitespace(this.buffer);
    this.buffer = '';
    if (text === '') return;
    this.blocks.push(this.pendingMarker + text);
    this.pendingMarker = '';
  }

  private walk(node: Node): void {
    if (node.nodeType === NodeType.TEXT_NODE) {
      // Source line breaks are only whitespace in HTML; real breaks come from <br>.
      this.buffer += node.text.replace(/\s+/g, ' ');
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = node.tagName?.toLowerCase() ?? '';
    if (DROPPED.has(tag) || isNoteBackLink(node, tag)) return;
    if (tag === 'br') this.buffer += '\n';
    else if (tag === 'table') this.addBlock(renderTable(node, collectBlocks));
    else if (tag === 'pre') this.addBlock(node.text.replace(/^\n|\n$/g, ''));
    else if (tag === 'li') this.walkListItem(node);
    else if (BLOCKS.has(tag)) this.walkBlock(node);
    else this.walkChildren(node);
  }

  private walkBlock(element: HTMLElement): void {
    this.flush();
    this.walkChildren(element);
    this.flush();
  }

  private walkListItem(item: HTMLElement): void {
    this.flush();
    this.pendingMarker = listMarker(item);
    this.walkChildren(item);
    this.flush();
    this.pendingMarker = '';
  }

  private addBlock(block: string): void {
    this.flush();
    if (block.trim() !== '') this.blocks.push(block);
  }
}

/** "1. " for the n-th item of an ordered list (honouring `start`), "- " otherwise, "[n] " for notes. */
function listMarker(item: HTMLElement): string {
  const note = NOTE_ITEM.exec(item.getAttribute('id') ?? '');
  if (note) return `[${note[1]}] `;
  const list = item.parentNode;
  if (!list || list.tagName?.toLowerCase() !== 'ol') return '- ';
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  const siblings = list.childNodes.filter((child) => child instanceof HTMLElement && child.tagName?.toLowerCase() === 'li');
  return `${(Number.isFinite(start) ? start : 1) + siblings.indexOf(item)}. `;
}

function isNoteBackLink(element: HTMLElement, tag: string): boolean {
  return tag === 'a' && NOTE_BACK_LINK.test(element.getAttribute('href') ?? '');
}

/** Collapses runs of spaces (nbsp too) inside lines, keeps `<br>` line breaks, drops blank lines. */
export function collapseWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
