/** Text helpers for matching what people type: without diacritics, lower case. */

/** "Sở Nội vụ" → "so noi vu": what a search compares, so "so noi vu" finds "Sở Nội vụ". */
export function foldText(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
