/**
 * BENCHMARKS.md is shared: each benchmark owns the text between its markers
 * (`<!-- bench:speed -->` … `<!-- /bench:speed -->`) and leaves the rest alone, so other
 * helpers can own other sections of the same file.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** Opening and closing markers of a named section. */
export function sectionMarkers(name: string): { open: string; close: string } {
  return { open: `<!-- bench:${name} -->`, close: `<!-- /bench:${name} -->` };
}

/**
 * Returns `markdown` with the body of section `name` replaced by `body`. A section that is not
 * there yet is appended at the end, so the first run creates it and later runs regenerate it.
 */
export function replaceSection(markdown: string, name: string, body: string): string {
  const { open, close } = sectionMarkers(name);
  const block = `${open}\n${body.trim()}\n${close}`;
  const start = markdown.indexOf(open);
  const end = start === -1 ? -1 : markdown.indexOf(close, start);
  if (start === -1 || end === -1) {
    const separator = markdown.length === 0 || markdown.endsWith('\n\n') ? '' : markdown.endsWith('\n') ? '\n' : '\n\n';
    return `${markdown}${separator}${block}\n`;
  }
  return markdown.slice(0, start) + block + markdown.slice(end + close.length);
}

/** Rewrites section `name` of the markdown file at `file` (created when missing). */
export async function writeSection(file: string, name: string, body: string): Promise<void> {
  let current = '';
  try {
    current = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await writeFile(file, replaceSection(current, name, body));
}

/** Renders a GitHub-flavoured markdown table. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
