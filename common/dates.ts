/**
 * Dates in Vietnamese text, one rule for every face (answers, pages, files, MCP text, the ingest
 * summary): the rule Nghị định 30/2020/NĐ-CP sets for administrative documents — a leading 0 on
 * a day below 10 and on months 1 and 2 (so that no digit can be written in front of them later:
 * 1 → 11), every other month bare: "08/5/2026", "05/01/2026", "30/6/2026", "15/12/2025".
 * JSON keeps the ISO value ("2026-06-30") and sends this text beside it.
 */

/** "2026-05-08" → "08/5/2026", "2026-01-05" → "05/01/2026". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const monthText = month < 3 ? String(month).padStart(2, '0') : String(month);
  return `${String(day).padStart(2, '0')}/${monthText}/${year}`;
}

/** `formatDate` of a date that may be missing: null stays null (a blank date is never filled in). */
export function formatOptionalDate(iso: string | null | undefined): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? formatDate(iso) : null;
}
