/**
 * Folding for matching: Vietnamese without diacritics, lowercase, "đ" as "d".
 * The fold works character by character so that, for NFC input, `fold(s)[i]` corresponds to
 * `s[i]`: offsets found in folded text are offsets in the original, which quotes rely on.
 */
import { toMatchForm } from './tone.js';

const COMBINING_MARK = /[\u0300-\u036f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Folds one UTF-16 unit the slow way; keeps the unit when folding would change the length. */
function foldUnit(unit: string): string {
  const folded = unit
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
  if (folded.length === 1) return folded;
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

/** Precomputed folds of one block of code units: data, built once (about 1 ms). */
function foldBlock(from: number, to: number): readonly string[] {
  return Array.from({ length: to - from }, (_, offset) => foldUnit(String.fromCharCode(from + offset)));
}

// Vietnamese letters live in Latin-1, Latin Extended-A/B and Latin Extended Additional.
const LATIN_END = 0x250;
const LATIN = foldBlock(0, LATIN_END);
const EXTENDED_START = 0x1e00;
const EXTENDED_END = 0x1f00;
const EXTENDED = foldBlock(EXTENDED_START, EXTENDED_END);

/**
 * Folds Vietnamese text: NFD, strip combining marks, đ/Đ→d, lowercase, NFC.
 * For NFC input the result has the same length, character for character; a combining mark
 * that NFC could not compose (rare) is kept, to keep that guarantee.
 */
export function foldVietnamese(s: string): string {
  // Decomposed input cannot keep its offsets anyway; compose it so the table applies.
  const input = COMBINING_MARK.test(s) ? s.normalize('NFC') : s;
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : input[i];
    } else if (code < LATIN_END) {
      out += LATIN[code];
    } else if (code >= EXTENDED_START && code < EXTENDED_END) {
      out += EXTENDED[code - EXTENDED_START];
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += input[i]; // half of a surrogate pair: keep as is
    } else {
      out += foldUnit(input[i]);
    }
  }
  return out;
}

/** The fold used for matching queries against text: tone placement unified, then folded. */
export function foldForMatch(s: string): string {
  return foldVietnamese(toMatchForm(s));
}

// A token: letters/digits, optionally joined by "&" ("kh&cn"), "/", "-" or "." (document
// numbers such as "18/ct-ttg", "30/2020/nd-cp").
const TOKEN = /[\p{L}\p{N}]+(?:[&/.-][\p{L}\p{N}]+)*/gu;
const HAS_DIGIT = /\d/;
const JOINERS = /[/.-]/;

/**
 * Splits text into folded syllables. "&" stays inside a token ("kh&cn"); "/", "-" and "."
 * stay inside tokens that contain a digit (document numbers like "18/ct-ttg"); elsewhere they
 * separate syllables.
 */
export function tokenizeSyllables(s: string): string[] {
  const folded = foldVietnamese(s);
  const tokens: string[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    const token = match[0];
    if (!JOINERS.test(token) || HAS_DIGIT.test(token)) {
      tokens.push(token);
      continue;
    }
    for (const part of token.split(JOINERS)) if (part) tokens.push(part);
  }
  return tokens;
}
