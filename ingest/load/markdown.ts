/**
 * Markdown → the loaders' plain text. Markdown is already text: only the "#" heading markers are
 * removed (the parser recognises headings by their words, not by "#"); pipe tables, lists and
 * everything else are kept line for line.
 */

/** ATX heading: up to three spaces, 1–6 "#", a space, the heading, optional closing "#"s. */
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** Strips heading markers from each line and keeps every other line as written. */
export function markdownToText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) => {
      const heading = ATX_HEADING.exec(line);
      return heading ? (heading[1] ?? '') : line;
    })
    .join('\n');
}
