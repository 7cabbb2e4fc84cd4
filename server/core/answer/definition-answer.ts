/**
 * Compose: a definition, quoted where the document gives it ("Theo Luật số 80/2025/QH15,
 * Điều 5 khoản 9: “Luân chuyển là việc …” [1]"), one line per document that defines the term.
 */
import type { Definition } from '../read/definitions.js';
import { documentLabel, placeLabel } from './format.js';
import type { ComposeContext } from './task-answers.js';

/** Most documents quoted for one term. */
const MAX_DEFINITIONS = 2;

/** The definitions found, each quoted verbatim and cited at its section. */
export function composeDefinitions(context: ComposeContext, definitions: readonly Definition[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { document, section, line } of definitions) {
    if (seen.has(document.id) || seen.size >= MAX_DEFINITIONS) continue;
    seen.add(document.id);
    lines.push(`Theo ${documentLabel(document)}, ${placeLabel(section.address)}: “${line}” ${context.citations.cite(document.id, section.address, line)}`);
  }
  return lines.join('\n\n');
}
