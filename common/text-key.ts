/**
 * The comparison forms of text shared by question understanding and answer composition:
 * the same normalization as the documents (toMatchForm), then folded to plain letters, so a
 * question typed without diacritics meets the document on the same keys.
 */
import { foldForMatch, toMatchForm } from '../ingest/normalize/index.js';

/** Folded, lowercase form of `text` (no diacritics; đ → d). */
export function matchKey(text: string): string {
  return foldForMatch(text);
}

/** Lowercase form that keeps diacritics, for checks where tone marks tell words apart ("lương" ≠ "lượng"). */
export function accentedKey(text: string): string {
  return toMatchForm(text).toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:[&/.-][\p{L}\p{N}]+)*/gu;
const JOINERS = /[/.-]/;

/**
 * Word tokens of a key, in order, cut like the index's syllables: "&" stays inside
 * ("kh&cn"), and "/", "-", "." stay inside tokens with a digit ("18/ct-ttg", "30/6/2026").
 */
export function wordTokens(key: string): string[] {
  const tokens: string[] = [];
  for (const token of key.match(WORD) ?? []) {
    if (!JOINERS.test(token) || /\d/.test(token)) tokens.push(token);
    else tokens.push(...token.split(JOINERS).filter(Boolean));
  }
  return tokens;
}

/** Folded word tokens of any text. */
export function foldedTokens(text: string): string[] {
  return wordTokens(matchKey(text));
}

const VIETNAMESE_MARKED = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;

/** Whether `text` carries Vietnamese diacritics (then tone marks can be trusted). */
export function hasDiacritics(text: string): boolean {
  return VIETNAMESE_MARKED.test(text.normalize('NFC'));
}
