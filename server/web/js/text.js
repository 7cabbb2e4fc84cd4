/** Text helpers: matching what people type (without diacritics, lower case), and a capital first letter. */

/** "Sở Nội vụ" → "so noi vu": what a search compares, so "so noi vu" finds "Sở Nội vụ". */
export function foldText(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A label that starts a sentence or a chip: "mục II.4" → "Mục II.4". */
export function capitalized(label) {
  return label ? label.charAt(0).toLocaleUpperCase('vi') + label.slice(1) : label;
}
