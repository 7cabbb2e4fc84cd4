/**
 * Acronyms a passage writes in place of a phrase ("TTHC" for "thủ tục hành chính", "CBCC" for
 * "cán bộ, công chức"): a question in words must still find its topic in them. Read from the
 * query vocabulary's abbreviations (data): only all-capital shorts of three letters or more,
 * which stand for one phrase wherever an official document writes them ("TP", "KH", "CC" are
 * too short to be read so in running text), and "%" ("30%" is "30 phần trăm").
 */
import fs from 'node:fs';
import { DEFAULT_VOCABULARY_FILE } from '../query/vocabulary.js';

interface AbbreviationsFile {
  abbreviations: Array<{ short: string; long: string }>;
}

/** An all-capital acronym: letters (Đ included) and "&", at least three; or a symbol that stands for words ("%"). */
const ACRONYM = /^(?:[\p{Lu}&]{3,}|%)$/u;

let pattern: { regex: RegExp; long: Map<string, string> } | null = null;

function acronyms(): { regex: RegExp; long: Map<string, string> } {
  if (!pattern) {
    const data = JSON.parse(fs.readFileSync(DEFAULT_VOCABULARY_FILE, 'utf8')) as AbbreviationsFile;
    const long = new Map(data.abbreviations.filter(({ short }) => ACRONYM.test(short)).map(({ short, long: phrase }) => [short, phrase] as const));
    const alternatives = [...long.keys()].sort((a, b) => b.length - a.length).map((short) => short.replace(/[&]/g, '\\$&'));
    // A symbol follows its figure ("30%"); an acronym stands alone.
    pattern = { regex: new RegExp(`(?:(?<![\\p{L}\\p{N}])(?:${alternatives.filter((short) => short !== '%').join('|')})(?![\\p{L}\\p{N}])|%)`, 'gu'), long };
  }
  return pattern;
}

/** The text with each known acronym followed by its phrase ("TTHC" → "TTHC (thủ tục hành chính)"); unchanged without any. */
export function withAcronymsSpelled(text: string): string {
  const { regex, long } = acronyms();
  regex.lastIndex = 0;
  if (!regex.test(text)) return text;
  regex.lastIndex = 0;
  return text.replace(regex, (short) => `${short} (${long.get(short) ?? ''})`);
}
