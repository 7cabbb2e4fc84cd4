/** The canonical name of a unit as a user typed it, for headings that read well. */
import { resolveUnit } from '../../ingest/extract/index.js';
import type { PlanAssistant } from '../core/types.js';

/** "snv", "so noi vu" → "Sở Nội vụ", resolved as the core resolves a unit filter; an unknown name comes back as typed. */
export function canonicalUnitName(assistant: PlanAssistant, typed: string): string {
  return resolveUnit(typed.trim(), assistant.listUnits())?.name ?? typed.trim();
}
