/**
 * Words a passage writes for what a question says otherwise, read with the question's words:
 * - acronyms ("TTHC" for "thủ tục hành chính", "CBCC" for "cán bộ, công chức"), from the query
 *   vocabulary's abbreviations (data): only all-capital shorts of three letters or more, which
 *   stand for one phrase wherever an official document writes them ("TP", "KH", "CC" are too
 *   short to be read so in running text), and "%" ("30%" is "30 phần trăm");
 * - the Vietnamese variants of the vocabulary's topic synonyms ("tối thiểu" for "ít nhất", "tập
 *   huấn" for "đào tạo, bồi dưỡng"): the question is rewritten to the canonical words, so the
 *   passage that writes a variant must be read with them too.
 */
import fs from 'node:fs';
import { DEFAULT_VOCABULARY_FILE } from '../query/vocabulary.js';

interface VocabularyFile {
  abbreviations: Array<{ short: string; long: string }>;
  synonyms: Array<{ canonical: string; variants: string[]; topic?: boolean }>;
}

/** An all-capital acronym: letters (Đ included) and "&", at least three; or a symbol that stands for words ("%"). */
const ACRONYM = /^(?:[\p{Lu}&]{3,}|%)$/u;
/** A Vietnamese variant: it has a letter beyond ASCII (English variants are the question's only). */
const VIETNAMESE = /[^\p{ASCII}]/u;

let pattern: { regex: RegExp; long: Map<string, string> } | null = null;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&');

function spellings(): { regex: RegExp; long: Map<string, string> } {
  if (!pattern) {
    const data = JSON.parse(fs.readFileSync(DEFAULT_VOCABULARY_FILE, 'utf8')) as VocabularyFile;
    const long = new Map(data.abbreviations.filter(({ short }) => ACRONYM.test(short)).map(({ short, long: phrase }) => [short, phrase] as const));
    const variants = data.synonyms.filter((group) => group.topic).flatMap((group) => group.variants.filter((variant) => VIETNAMESE.test(variant)).map((variant) => [variant.toLowerCase(), group.canonical] as const));
    for (const [variant, canonical] of variants) if (!long.has(variant)) long.set(variant, canonical);
    const words = [...long.keys()].filter((short) => short !== '%').sort((a, b) => b.length - a.length).map(escape);
    // A symbol follows its figure ("30%"); words stand alone. Variants are matched in any case ("Tập huấn").
    pattern = { regex: new RegExp(`(?:(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])|%)`, 'giu'), long };
  }
  return pattern;
}

/** The text with each known acronym or variant followed by its words ("TTHC" → "TTHC (thủ tục hành chính)"); unchanged without any. */
export function withSpellings(text: string): string {
  const { regex, long } = spellings();
  regex.lastIndex = 0;
  if (!regex.test(text)) return text;
  regex.lastIndex = 0;
  return text.replace(regex, (written) => {
    const phrase = long.get(written) ?? long.get(written.toLowerCase());
    return phrase ? `${written} (${phrase})` : written;
  });
}
