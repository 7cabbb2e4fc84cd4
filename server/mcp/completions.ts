/**
 * Argument completion for prompts and resource templates: unit names, document ids, section
 * addresses and due dates. Pure functions over the assistant; matching ignores diacritics
 * and case, so "so noi" completes to "Sở Nội vụ".
 */
import { foldForMatch } from '../../ingest/normalize/index.js';
import type { PlanAssistant } from '../core/types.js';

/** The protocol allows at most 100 values per completion. */
export const MAX_COMPLETIONS = 100;

/**
 * Candidates whose keys contain `value` (folded), best first: a key starting with the value
 * before one merely containing it; ties keep the catalogue's order.
 */
function rank(candidates: ReadonlyArray<{ value: string; keys: readonly string[] }>, value: string): string[] {
  const needle = foldForMatch(value.trim());
  const scored: Array<{ value: string; score: number; order: number }> = [];
  candidates.forEach((candidate, order) => {
    const keys = candidate.keys.map(foldForMatch);
    const score = needle === '' ? 1 : keys.some((key) => key.startsWith(needle)) ? 2 : keys.some((key) => key.includes(needle)) ? 1 : 0;
    if (score > 0) scored.push({ value: candidate.value, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return [...new Set(scored.map((item) => item.value))].slice(0, MAX_COMPLETIONS);
}

/** Canonical unit names whose name or any alias matches ("snv", "so noi" → "Sở Nội vụ"). */
export function completeUnitNames(assistant: PlanAssistant, value: string): string[] {
  return rank(
    assistant.listUnits().map((unit) => ({ value: unit.name, keys: [unit.name, ...unit.aliases] })),
    value,
  );
}

/** Ids of the documents in the corpus whose id or title matches. */
export function completeDocumentIds(assistant: PlanAssistant, value: string): string[] {
  return rank(
    assistant.listDocuments().documents.map((doc) => ({ value: doc.id, keys: [doc.id, doc.title, doc.number ?? ''] })),
    value,
  );
}

/** Section addresses of a document (of every document when it is not given or unknown) starting with `value`. */
export function completeAddresses(assistant: PlanAssistant, value: string, documentId?: string): string[] {
  const all = assistant.listDocuments().documents.map((doc) => doc.id);
  const ids = documentId && all.includes(documentId) ? [documentId] : all;
  const prefix = value.trim().toLowerCase();
  const addresses = ids.flatMap((id) => assistant.getDocument(id).sections.map((section) => section.address));
  return [...new Set(addresses.filter((address) => address.toLowerCase().startsWith(prefix)))].slice(0, MAX_COMPLETIONS);
}

/** The due dates of the task table, in order, starting with `value` ("2026-0" → "2026-06-30"). */
export function completeDueDates(assistant: PlanAssistant, value: string): string[] {
  const dates = assistant
    .listTasks()
    .flatMap((task) => (task.timeline.due ? [task.timeline.due] : []))
    .sort();
  return [...new Set(dates.filter((date) => date.startsWith(value.trim())))].slice(0, MAX_COMPLETIONS);
}
