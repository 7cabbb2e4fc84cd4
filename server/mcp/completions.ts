/**
 * Argument completion for prompts and resource templates: unit names, document ids and
 * numbers, section addresses and labels, and due dates. Pure functions over the assistant; matching ignores diacritics
 * and case, so "so noi" completes to "Sở Nội vụ".
 */
import { foldForMatch } from '../../ingest/normalize/index.js';
import type { PlanAssistant } from '../core/types.js';
import { documentShortName } from '../core/catalog/obligations.js';
import { placeName } from './format.js';

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

/** Ids of the documents in the corpus whose id, title, number or short name ("NĐ 335/2025") matches. */
export function completeDocumentIds(assistant: PlanAssistant, value: string): string[] {
  return rank(
    assistant.listDocuments().documents.map((doc) => ({ value: doc.id, keys: [doc.id, doc.title, doc.number ?? '', documentShortName(doc.type, doc.number)] })),
    value,
  );
}

/** Numbers of the loaded documents ("335/2025/NĐ-CP") matching by number, short name or title; documents without a number give their id. */
export function completeDocumentNumbers(assistant: PlanAssistant, value: string): string[] {
  return rank(
    assistant.listDocuments().documents.map((doc) => ({ value: doc.number ?? doc.id, keys: [doc.number ?? '', documentShortName(doc.type, doc.number), doc.title, doc.id] })),
    value,
  );
}

/**
 * Sections of a document (of every document when it is not given or unknown): addresses
 * starting with `value` ("II." → "II.4"), then Vietnamese labels starting with it, diacritics
 * optional ("dieu 7 k" → "Điều 7 khoản 2"); the section resource and get_document accept both.
 */
export function completeAddresses(assistant: PlanAssistant, value: string, documentId?: string): string[] {
  const all = assistant.listDocuments().documents.map((doc) => doc.id);
  const ids = documentId && all.includes(documentId) ? [documentId] : all;
  const prefix = value.trim().toLowerCase();
  const folded = foldForMatch(value.trim());
  const sections = ids.flatMap((id) => assistant.getDocument(id).sections);
  const addresses = sections.filter((section) => section.address.toLowerCase().startsWith(prefix)).map((section) => section.address);
  const labels = prefix === '' ? [] : sections.map((section) => placeName(section.address, section.label)).filter((label) => foldForMatch(label).startsWith(folded));
  return [...new Set([...addresses, ...labels])].slice(0, MAX_COMPLETIONS);
}

/** The due dates of the task table, in order, starting with `value` ("2026-0" → "2026-06-30"). */
export function completeDueDates(assistant: PlanAssistant, value: string): string[] {
  const dates = assistant
    .listTasks()
    .flatMap((task) => (task.timeline.due ? [task.timeline.due] : []))
    .sort();
  return [...new Set(dates.filter((date) => date.startsWith(value.trim())))].slice(0, MAX_COMPLETIONS);
}
