/**
 * The number line and the place-and-date line of a header, and the repairs layouts need
 * before reading them: two columns put on one line, a date line wrapped over two.
 */
import { foldForMatch } from '../normalize/index.js';

/**
 * The number line ("Số: 12/KH-UBND", "Số 12/KH-UBND", and with the type before it: "Luật số:
 * 12/2025/QH15"); group 1 is what follows "Số:".
 */
export const NUMBER_LINE = /^(?:số\s*(?::|(?=\s*[\d/]))|\p{L}+(?:\s+\p{L}+)?\s+số\s*:)\s*(.*)$/iu;
/**
 * The place-and-date line; groups: place, day, month, year. A blank day or month may be left
 * empty or as dots: "ngày tháng năm 2026", "ngày … tháng … năm 2026".
 */
export const DATE_LINE = /^(?:(.{1,40}?),\s*)?ngày\s*(?:(\d{1,2})|[.…_]*)\s*tháng\s*(?:(\d{1,2})|[.…_]*)\s*năm\s*(\d{4})/iu;

/** Folded words that open the motto's lines: where the right-hand column starts on a merged line. */
const MOTTO_OPENERS: ReadonlyArray<readonly string[]> = [['cong', 'hoa', 'xa', 'hoi'], ['doc', 'lap']];

/**
 * The two header columns, when a PDF or a typed text put them on one line: "ỦY BAN NHÂN DÂN
 * CỘNG HÒA XÃ HỘI …" → the issuer part and the motto; "Số: 12/KH-UBND <địa danh>, ngày …" →
 * the number and the place-and-date line.
 */
export function splitColumns(clean: string): string[] {
  const words = clean.split(/\s+/);
  const folded = words.map((word) => foldForMatch(word));
  for (let index = 1; index < words.length; index += 1) {
    if (MOTTO_OPENERS.some((opener) => opener.every((word, offset) => folded[index + offset] === word))) {
      return [words.slice(0, index).join(' '), words.slice(index).join(' ')];
    }
  }
  const number = NUMBER_LINE.exec(clean);
  if (number) {
    const rest = number[1].trim().split(/\s+/).slice(1).join(' ');
    if (DATE_LINE.test(rest)) return [clean.slice(0, clean.length - rest.length).trim(), rest];
  }
  return [clean];
}

/** A place-and-date line cut after "ngày …" or "tháng …", and the line that completes it. */
const DATE_CUT = /(?:^|,\s*)ngày(?:\s*[\d.…_]*)?(?:\s*tháng(?:\s*[\d.…_]*)?)?\s*$/iu;
const DATE_REST = /^(?:\d{1,2}\s+)?(?:tháng|năm)\b/iu;

/** Joins a date line wrapped over two lines ("<địa danh>, ngày 17" / "tháng 9 năm 2026"). */
export function joinWrappedDates(cleans: readonly string[]): string[] {
  const out: string[] = [];
  for (const clean of cleans) {
    const last = out.length - 1;
    if (last >= 0 && DATE_CUT.test(out[last]) && DATE_REST.test(clean)) out[last] = `${out[last]} ${clean}`;
    else out.push(clean);
  }
  return out;
}
