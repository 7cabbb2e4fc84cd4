/**
 * The national legal database's pages (~1.2 MB, mostly site chrome) mark the element holding
 * the document with the attribute `data-vbpl-content-root`. Cutting that element out of the
 * page before parsing saves parsing the chrome (about two thirds of an HTML file's load time).
 */

/** The attribute that marks the document's element. */
export const CONTENT_ROOT_ATTRIBUTE = 'data-vbpl-content-root';

/**
 * The marked element's HTML, from its start tag to its matching end tag; null when the page has
 * no marker or the markup around it cannot be matched (the caller then parses the whole page).
 */
export function contentRootHtml(html: string): string | null {
  const at = html.indexOf(CONTENT_ROOT_ATTRIBUTE);
  if (at < 0) return null;
  const start = html.lastIndexOf('<', at);
  const tag = /^<([a-zA-Z][\w-]*)/.exec(html.slice(start, at))?.[1]?.toLowerCase();
  if (start < 0 || !tag) return null;
  const tags = new RegExp(`<(/?)${tag}(?=[\\s>/])`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) {
      const end = html.indexOf('>', match.index);
      return end < 0 ? null : html.slice(start, end + 1);
    }
  }
  return null;
}
