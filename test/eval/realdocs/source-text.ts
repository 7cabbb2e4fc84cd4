/**
 * The plain reading text of a real document, for checking that an eval item's "why" is a
 * verbatim sentence of it: Markdown without its `**`/`*` marks and lone `|` cell lines, HTML
 * reduced to the text of its `data-vbpl-content-root` element; whitespace collapsed. Kept apart
 * from ingest/ on purpose, so the eval's ground truth does not move when the parser does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';

/** Collapses every run of whitespace (including NBSP) to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Markdown as a reader sees it: no emphasis marks, no table-cell separator lines. */
export function markdownReading(markdown: string): string {
  const lines = markdown.split(/\r?\n/).filter((line) => line.trim() !== '|');
  return collapse(lines.join('\n').replace(/\*+/g, ''));
}

/** The document part of a saved legal-database page, as text (blocks separated by spaces). */
export function htmlReading(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false } });
  const content = root.querySelector('[data-vbpl-content-root]') ?? root;
  return collapse(content.structuredText);
}

/** The reading text of one file (by extension). */
export function readingText(file: string): string {
  const raw = fs.readFileSync(file, 'utf8');
  return path.extname(file).toLowerCase() === '.html' ? htmlReading(raw) : markdownReading(raw);
}
