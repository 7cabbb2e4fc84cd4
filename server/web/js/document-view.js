/**
 * Renders a document with its structure: every section becomes an element whose id is its
 * address ("II.4", "dieu.18.khoan.1"), nested by span containment, its anchor reading the label
 * the API sends ("Điều 18 khoản 1"), with the text shown verbatim, tables as tables, and the
 * cited range wrapped in <mark class="hl">.
 */
import { el } from './dom.js';
import { splitByMark } from './highlight.js';
import { renderTable } from './table-view.js';
import { capitalized } from './text.js';

/**
 * Nests sections by their spans (not by the `parent` field: a footnote's parent is the item
 * that cites it, but its text stands at the end of the document).
 * @returns {{ children: Map<string | null, object[]> }}
 */
export function nestSections(sections) {
  const ordered = [...sections].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const children = new Map([[null, []]]);
  const stack = [];
  for (const section of ordered) {
    while (stack.length > 0 && !(section.span.start >= stack.at(-1).span.start && section.span.end <= stack.at(-1).span.end)) {
      stack.pop();
    }
    const parent = stack.at(-1)?.address ?? null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(section);
    children.set(section.address, children.get(section.address) ?? []);
    stack.push(section);
  }
  return { children };
}

/** [start, end) ranges of the paragraphs (separated by blank lines) inside [start, end). */
export function paragraphRanges(text, start, end) {
  const ranges = [];
  const separator = /\n[ \t]*\n\s*/g;
  separator.lastIndex = start;
  let from = start;
  for (let match = separator.exec(text); match && match.index < end; match = separator.exec(text)) {
    ranges.push({ start: from, end: Math.min(match.index, end) });
    from = match.index + match[0].length;
  }
  if (from < end) ranges.push({ start: from, end });
  return ranges
    .map((range) => trimRange(text, range))
    .filter((range) => range.start < range.end);
}

function trimRange(text, { start, end }) {
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return { start, end };
}

/** The paragraphs of [start, end) as <p> elements, the marked range wrapped in <mark>. */
function textBlocks(text, start, end, mark) {
  return paragraphRanges(text, start, end).map((range) => {
    const paragraph = el('p', { className: 'text' });
    for (const piece of splitByMark(range.start, range.end, mark)) {
      const slice = text.slice(piece.start, piece.end);
      paragraph.append(piece.marked ? el('mark', { className: 'hl', tabindex: '-1', text: slice }) : slice);
    }
    return paragraph;
  });
}

function renderChildren(doc, nested, parentAddress, span, mark, container) {
  let cursor = span.start;
  for (const child of nested.children.get(parentAddress) ?? []) {
    if (child.span.start < cursor) {
      // Overlapping spans: the text is already shown; keep the address reachable anyway.
      container.append(el('span', { id: child.address, className: 'anchor-only' }));
      continue;
    }
    container.append(...textBlocks(doc.text, cursor, child.span.start, mark));
    container.append(renderSection(doc, nested, child, mark));
    cursor = child.span.end;
  }
  container.append(...textBlocks(doc.text, cursor, span.end, mark));
}

function renderSection(doc, nested, section, mark) {
  const label = capitalized(section.label);
  const node = el('section', { id: section.address, className: `sec sec--${section.kind}`, 'aria-label': label });
  node.append(el('a', { className: 'addr', href: `#${encodeURIComponent(section.address)}`, title: `Liên kết tới ${label}`, text: label }));
  const table = section.kind === 'table' ? renderTable(doc.text, section, nested.children.get(section.address) ?? [], mark) : null;
  if (table) node.append(table);
  else renderChildren(doc, nested, section.address, section.span, mark, node);
  return node;
}

/** Fills `container` with the document's text, structured, with `mark` highlighted. */
export function renderDocumentBody(container, doc, mark) {
  const nested = nestSections(doc.sections);
  const body = el('div', { className: 'document__body' });
  renderChildren(doc, nested, null, { start: 0, end: doc.text.length }, mark, body);
  container.append(body);
}
