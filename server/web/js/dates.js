/**
 * Date helpers for the pages: whole days between calendar dates, and the Vietnamese phrase
 * for how far a deadline is ("còn 12 ngày", "quá hạn 3 ngày"). Pure, so they are unit-tested.
 * Dates shown as text come from the API (`dueText`, `issuedDateText`, …): the date format is
 * the server's one rule, never written again here.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar date of `date` as YYYY-MM-DD. */
export function localIsoDate(date) {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Whole days from `fromIso` to `toIso` (both YYYY-MM-DD); negative when `toIso` is earlier. */
export function daysBetween(fromIso, toIso) {
  // Calendar dates compared at UTC midnight: no daylight-saving hour can shift the count.
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

/**
 * How a due date stands against today.
 * @returns {{ text: string, state: 'future' | 'today' | 'overdue' }}
 */
export function describeDue(dueIso, todayIso) {
  const days = daysBetween(todayIso, dueIso);
  if (days > 0) return { text: `còn ${days} ngày`, state: 'future' };
  if (days === 0) return { text: 'đến hạn hôm nay', state: 'today' };
  return { text: `quá hạn ${-days} ngày`, state: 'overdue' };
}
