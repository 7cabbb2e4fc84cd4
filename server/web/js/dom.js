/**
 * A tiny DOM builder: every page builds its nodes with text content only (never innerHTML),
 * so document text and answers can never inject markup.
 */

/**
 * Creates an element. `props` may hold `className`, `text`, `dataset`, event handlers (`onClick`),
 * and any attribute (`href`, `aria-label`…). Children may be nodes, strings, or falsy (skipped).
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {Array<Node | string | null | undefined | false>} [children]
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2).toLowerCase(), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** Removes every child of `node`. */
export function clear(node) {
  node.replaceChildren();
}

/** Shows a message in a status region (role="status" or "alert"); empty text hides it. */
export function showStatus(region, text, kind = 'info') {
  region.textContent = text;
  region.hidden = !text;
  region.dataset.kind = kind;
}

/** The link to a place in a document, with the quote to highlight when given. */
export function documentLink(documentId, address, quote) {
  const params = new URLSearchParams({ id: documentId });
  if (quote) params.set('q', quote);
  return `/document.html?${params.toString()}#${encodeURIComponent(address)}`;
}
