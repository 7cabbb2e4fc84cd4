/** The canonical name of a unit as a user typed it, for headings that read well. */
import { foldForMatch } from '../../ingest/normalize/index.js';
import type { PlanAssistant } from '../core/types.js';

/** "snv", "so noi vu" → "Sở Nội vụ"; a name the catalogue does not know comes back as typed. */
export function canonicalUnitName(assistant: PlanAssistant, typed: string): string {
  const key = foldForMatch(typed.trim());
  const unit = assistant.listUnits().find((item) => [item.name, ...item.aliases].some((name) => foldForMatch(name) === key));
  return unit?.name ?? typed.trim();
}
