/**
 * Which known unit a typed name stands for, the way people type it (no diacritics, an
 * abbreviation), so the task page can say what it understood; and a one-line summary of the
 * filters for the folded filter panel. The API does its own resolving; this only shows it.
 */
import { foldText } from './text.js';

function spellings(unit) {
  return [unit.name, ...(unit.aliases ?? [])].map(foldText);
}

/**
 * The unit whose name or alias equals the typed text (folded); else the one unit whose name or
 * alias contains it; else null.
 * @param {string} typed
 * @param {Array<{ name: string, aliases?: string[] }>} units
 */
export function matchUnit(typed, units) {
  const wanted = foldText(typed).trim().replace(/\s+/g, ' ');
  if (!wanted) return null;
  const exact = units.find((unit) => spellings(unit).includes(wanted));
  if (exact) return exact;
  const partial = units.filter((unit) => spellings(unit).some((spelling) => spelling.includes(wanted)));
  return partial.length === 1 ? partial[0] : null;
}

/** "Sở Nội vụ · Chủ trì · Có hạn hoàn thành", from the form's current values. */
export function describeFilters(form, unit) {
  const parts = [];
  const typed = form.elements.unit.value.trim();
  if (typed) parts.push(unit?.name ?? typed);
  for (const name of ['role', 'kind']) {
    const select = form.elements[name];
    if (select.value) parts.push(select.selectedOptions[0]?.textContent ?? select.value);
  }
  return parts.length > 0 ? parts.join(' · ') : 'Tất cả';
}
