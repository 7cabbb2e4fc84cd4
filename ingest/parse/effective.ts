/**
 * When a document takes effect and what it replaces, read only from the clauses that say so:
 * "Luật này có hiệu lực thi hành từ ngày … tháng … năm …", "… có hiệu lực kể từ ngày ký",
 * "Nghị quyết này thay thế Nghị quyết số …", "… hết hiệu lực kể từ …" (with the list of
 * documents under it), "Bãi bỏ … tại Nghị định số …".
 */
import type { DocumentHeader, FieldSource, Section } from '../types.js';
import { foldedText, sourceOf, type TextLine } from './sources.js';

/** "<type> này … có hiệu lực (thi hành) (kể) từ ngày …", folded. */
const EFFECTIVE = /\bnay\b.{0,80}?co hieu luc(?: thi hanh)?(?: ke)? tu ngay\s*(.*)$/;
const FROM_SIGNING = /^ky\b/;
const DATE_WORDS = /^(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/;
const DATE_SLASHES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;
/** Clauses ending other documents, folded ("… tại Nghị định số 62/2020/NĐ-CP … hết hiệu lực thi hành." too). */
const REPLACES = /\bnay thay the\b|\bhet hieu luc (?:thi hanh )?(?:ke )?tu ngay\b|\bhet hieu luc(?: thi hanh)?\s*[.;]?\s*$|^(?:\d+\.\s*)?bai bo\b/;
/** "số 06/2010/NĐ-CP" as written. */
const NUMBER = /số\s+(\d+\/[\p{L}\d/-]*[\p{L}\d])/u;
/** Cheap tests on the text as written, before folding a line. */
const MENTIONS_EFFECT = /hiệu lực/iu;
const MENTIONS_ENDING = /thay thế|hiệu lực|bãi bỏ/iu;
const POINT = /^[a-zđ]\)\s/u;

function isoDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The effective date and its clause; "kể từ ngày ký" is the issue date the header gives, if any. */
export function readEffective(
  lines: readonly TextLine[],
  sections: readonly Section[],
  issuedDate: string | null,
): { date: string | null; source: FieldSource } | null {
  for (const line of lines) {
    if (!MENTIONS_EFFECT.test(line.text)) continue;
    const match = EFFECTIVE.exec(foldedText(line));
    if (!match) continue;
    const rest = match[1];
    const written = DATE_WORDS.exec(rest) ?? DATE_SLASHES.exec(rest);
    const date = written ? isoDate(Number(written[1]), Number(written[2]), Number(written[3])) : FROM_SIGNING.test(rest) ? issuedDate : null;
    return { date, source: sourceOf(line, sections) };
  }
  return null;
}

/** The documents a clause replaces or ends, each with its clause (a list clause: each point under it). */
export function readReplaces(lines: readonly TextLine[], sections: readonly Section[]): NonNullable<DocumentHeader['replaces']> {
  const found: NonNullable<DocumentHeader['replaces']> = [];
  lines.forEach((line, index) => {
    if (!MENTIONS_ENDING.test(line.text) || !REPLACES.test(foldedText(line))) return;
    const number = NUMBER.exec(line.text);
    if (number) {
      found.push({ number: number[1], text: line.text, source: sourceOf(line, sections) });
      return;
    }
    if (!line.text.endsWith(':')) return;
    for (let next = index + 1; next < lines.length && POINT.test(lines[next].text); next += 1) {
      const listed = NUMBER.exec(lines[next].text);
      if (listed) found.push({ number: listed[1], text: lines[next].text, source: sourceOf(lines[next], sections) });
    }
  });
  return found;
}
