/**
 * Markdown → the loaders' plain text. Markdown is already text, but the Markdown of legal
 * websites comes out of converters broken: header, signature and tables one cell per line
 * between `|` lines, sentences hard-wrapped mid-line, emphasis marks scattered. This repairs
 * all three without changing a word: "#" heading markers and emphasis marks are dropped, the
 * lines of one paragraph are joined, broken tables become lines (layout) or pipe rows (data).
 */
import { renderCells, splitBlocks } from './markdown-cells.js';
import { joinParagraphLines, stripEmphasis } from './markdown-wraps.js';

/** ATX heading: up to three spaces, 1–6 "#", a space, the heading, optional closing "#"s. */
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** Two bold runs glued ("**LUẬT****CÁN BỘ …**"): the converter lost the break between them. */
const GLUED_BOLD = /(?<=\S)\*\*\*\*(?=\S)/g;

function unheading(line: string): string {
  const heading = ATX_HEADING.exec(line);
  return heading ? (heading[1] ?? '') : line;
}

/** Renders a run of plain Markdown lines: paragraphs with their wraps joined, marks dropped. */
function renderText(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const joined = joinParagraphLines(current).map(stripEmphasis).filter((line) => line !== '');
    if (joined.length > 0) paragraphs.push(joined.join('\n'));
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Converts Markdown to paragraphs of text separated by blank lines. */
export function markdownToText(markdown: string): string {
  const lines = markdown.replace(GLUED_BOLD, '**\n\n**').split(/\r?\n/).map(unheading);
  return splitBlocks(lines)
    .map((block) => (block.kind === 'cells' ? renderCells(block.lines) : renderText(block.lines)))
    .filter((text) => text !== '')
    .join('\n\n');
}
