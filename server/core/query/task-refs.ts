/**
 * Task references in a question: "nhiệm vụ 4", "nv4", "task 4", "mục II.4", "nhiệm vụ số 6",
 * "nhiệm vụ thứ tư", read from the folded key.
 */

export interface TaskRefs {
  /** Item numbers named with a task word ("nhiệm vụ 4" → 4). */
  numbers: number[];
  /** Addresses written out ("II.4", "III.2"), uppercase. */
  addresses: string[];
}

const NUMBERED = /\b(?:nhiem\s*vu|nvu|nv|task|tasks|item|muc)\s*(?:so|thu|number|no|#)?\s*\.?\s*(\d{1,2})((?:\s*(?:,|va|and|&|-)\s*\d{1,2}\b)*)/g;
const ADDRESS = /\b([ivx]{1,4})\s*\.\s*(\d{1,2})(?:\s*\.\s*([a-z]))?\b/g;
const ORDINAL = /\b(?:nhiem\s*vu|nv|muc|task)\s+(?:thu\s+)?(nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)\b/g;
const ORDINAL_VALUES: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
const ENGLISH_ORDINAL = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:task|item)\b/g;
const ENGLISH_VALUES: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

/** Reads task numbers and addresses from a folded question key. */
export function readTaskRefs(key: string): TaskRefs {
  const numbers: number[] = [];
  const addresses: string[] = [];
  const push = (value: number): void => {
    if (value > 0 && !numbers.includes(value)) numbers.push(value);
  };
  const withoutAddresses = key.replace(ADDRESS, (match, part: string, item: string, sub?: string) => {
    const address = `${part.toUpperCase()}.${Number(item)}${sub ? `.${sub}` : ''}`;
    if (!addresses.includes(address)) addresses.push(address);
    return ' '.repeat(match.length);
  });
  // "nhiệm vụ 2, 3 và 4": every number of the list.
  for (const match of withoutAddresses.matchAll(NUMBERED)) {
    push(Number(match[1]));
    for (const more of (match[2] ?? '').matchAll(/\d{1,2}/g)) push(Number(more[0]));
  }
  // "nhiệm vụ thứ tư" but not "nhiệm vụ năm 2026" (a year follows "nam").
  for (const match of withoutAddresses.matchAll(ORDINAL)) {
    const after = withoutAddresses.slice((match.index ?? 0) + match[0].length);
    if (match[1] === 'nam' && /^\s*\d/.test(after)) continue;
    if (/thu\s+/.test(match[0]) || match[1] === 'nhat') push(ORDINAL_VALUES[match[1]]);
  }
  for (const match of withoutAddresses.matchAll(ENGLISH_ORDINAL)) push(ENGLISH_VALUES[match[1]]);
  return { numbers, addresses };
}
