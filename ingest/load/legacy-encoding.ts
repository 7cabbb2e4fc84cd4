/**
 * Detects Vietnamese text written in the legacy 8-bit font encodings TCVN3 (ABC) and VNI, as it
 * looks once read as windows-1252 or pasted into a Unicode file: "Uû ban nh©n d©n" (TCVN3),
 * "UÛy ban nhaân daân" (VNI). Such text must never be indexed: every word would be mojibake.
 *
 * The heuristic weighs two kinds of evidence against each other:
 * - legacy hits. TCVN3 stores the most frequent Vietnamese letters (ă â ê ô ơ ư đ, à ả ã á ạ,
 *   ằ ẳ ẵ ắ and the seven capitals) in 0xA1–0xBE, which windows-1252 shows as symbols: "©" for â,
 *   "¬" for ơ, a soft hyphen for ư, "®" for đ, "·" for ã, "¹" for ạ. A hit is such a symbol inside
 *   a word (next to a letter: "nh©n", "x·"), never a free-standing "©" or "«". VNI writes a base
 *   vowel followed by a mark byte; a hit is a pair no Vietnamese syllable contains ("aâ", "eá",
 *   "oø", "uù", "yù", "ôø"). The Latin-1 letters both encodings also produce (ñ, ö, ü, ä …) are left
 *   out on purpose: they are ordinary letters in French or German text.
 * - proper letters: Vietnamese letters outside Latin-1 (ă, đ, ơ, ư, ạ, ế, ử …), which a legacy
 *   text read as windows-1252 can never contain.
 * Text is legacy when hits are frequent (per word) and clearly outnumber proper letters, so a
 * Unicode document quoting "©" or using "¹" footnote marks is never rejected.
 */

/** What the detector concluded, with the counts behind it (for tests and diagnostics). */
export interface LegacyEncodingVerdict {
  /** 'TCVN3 (ABC)' or 'VNI' when the text is legacy-encoded; null otherwise. */
  encoding: 'TCVN3 (ABC)' | 'VNI' | null;
  tcvn3Hits: number;
  vniHits: number;
  properLetters: number;
  words: number;
}

/** TCVN3 bytes 0xA1–0xAE and 0xB5–0xB9, 0xBB–0xBE as windows-1252 (same code points as Unicode). */
const TCVN3_SYMBOL = '[\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be]';

/** A TCVN3 symbol with a letter on at least one side. */
const TCVN3_IN_WORD = new RegExp(`(?<=\\p{L})${TCVN3_SYMBOL}|${TCVN3_SYMBOL}(?=\\p{L})`, 'gu');

/**
 * A base vowel followed by a VNI mark byte, a pair no Vietnamese syllable contains ("hoàn",
 * "quá", "tuân", "tiên" are legitimate and deliberately not matched); "ô"/"ö" are VNI's ơ/ư,
 * so a tone byte after them ("ngöôøi") is a pair too.
 */
const VNI_PAIRS = /[aeAE][âáàåãäêéèúüëùøûõïÂÁÀÅÃÄÊÉÈÚÜËÙØÛÕÏ]|[oO][âùøûõïÂÙØÛÕÏ]|[uU][ùøûõïÙØÛÕÏ]|[yY][ùøûõÙØÛÕ]|[ôöÔÖ][ùøûõïÙØÛÕÏ]/g;

/** Vietnamese letters outside Latin-1: Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư and the block U+1EA0–U+1EF9. */
const PROPER_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g;

const WORD = /[\p{L}\p{N}]+/gu;

/** Hits must clearly outnumber proper letters, be at least this many, and this frequent per word. */
const MIN_HITS = 3;
const HITS_OVER_PROPER = 2;
const MIN_HITS_PER_WORD = 0.1;

/** Scores a text for TCVN3/VNI mojibake; see the module comment for the heuristic. */
export function detectLegacyVietnamese(text: string): LegacyEncodingVerdict {
  const normalized = text.normalize('NFC');
  const tcvn3Hits = countMatches(normalized, TCVN3_IN_WORD);
  const vniHits = countMatches(normalized, VNI_PAIRS);
  const properLetters = countMatches(normalized, PROPER_VIETNAMESE);
  const words = countMatches(normalized, WORD);
  const hits = Math.max(tcvn3Hits, vniHits);
  const isLegacy = hits >= MIN_HITS && hits > HITS_OVER_PROPER * properLetters && hits >= MIN_HITS_PER_WORD * words;
  return { encoding: isLegacy ? (vniHits > tcvn3Hits ? 'VNI' : 'TCVN3 (ABC)') : null, tcvn3Hits, vniHits, properLetters, words };
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
