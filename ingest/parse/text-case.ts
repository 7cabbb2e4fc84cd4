/**
 * Casing helpers for what the parser shows users: issuer names written in capitals in the
 * header, signer roles ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch"), document types ("KẾ HOẠCH" → "Kế hoạch").
 */
import { foldVietnamese } from '../normalize/index.js';

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
}

/** "KẾ HOẠCH" → "Kế hoạch". */
export function sentenceCase(text: string): string {
  return capitalize(text.toLocaleLowerCase('vi'));
}

/** Lowercases the first letter unless the first word is an acronym ("Nâng cao" → "nâng cao"). */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/\s/, 1)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toLocaleUpperCase('vi')) return text;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * A role in the house style: first word capitalized, and after "Phó" the next one too
 * ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "THỦ TƯỚNG" → "Thủ tướng").
 */
export function roleCase(text: string): string {
  const words = text.trim().toLocaleLowerCase('vi').split(/\s+/);
  const cased = words.map((word, index) => (index === 0 || (index === 1 && words[0] === 'phó') ? capitalize(word) : word)).join(' ');
  // "CHỦ TỊCH QUỐC HỘI" → "Chủ tịch Quốc hội": proper terms keep their capitals in a role too.
  return properTerms(cased);
}

function properTerms(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PROPER_TERMS) result = result.replace(pattern, replacement);
  return result;
}

// Proper terms that keep capitals inside an organization name.
const PROPER_TERMS: Array<[RegExp, string]> = [
  [/(?<!\p{L})tỉnh ủy(?!\p{L})/gu, 'Tỉnh ủy'],
  [/(?<!\p{L})thành ủy(?!\p{L})/gu, 'Thành ủy'],
  [/(?<!\p{L})chính phủ(?!\p{L})/gu, 'Chính phủ'],
  [/(?<!\p{L})trung ương(?!\p{L})/gu, 'Trung ương'],
  [/(?<!\p{L})quốc hội(?!\p{L})/gu, 'Quốc hội'],
  [/(?<!\p{L})đảng(?!\p{L})/gu, 'Đảng'],
];
// A place keyword: every word after it is part of the place name.
const PLACE = /(?<!\p{L})(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+(\S.*)$/u;
const ORGANIZATION_HEAD = /^(bộ|sở|ban|văn phòng)\s+(\S+)/u;

/**
 * A Vietnamese syllable: onset consonants, a vowel nucleus, an optional final. A word in
 * capitals that is not one ("UBND", "HĐND", "TP") is an acronym and keeps its capitals.
 */
const SYLLABLE = /^[bcdđghklmnpqrstvx]*[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]+(?:ch|nh|ng|[cmnptk])?$/u;

function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi') && !SYLLABLE.test(letters.toLocaleLowerCase('vi'));
}

/** Lowercases a text in capitals, keeping acronyms ("UBND TỈNH" → "UBND tỉnh"). */
function lowerKeepingAcronyms(text: string): string {
  return text
    .split(' ')
    .map((word) => (isAcronym(word) ? word : word.toLocaleLowerCase('vi')))
    .join(' ');
}

/** "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" → "Ủy ban nhân dân tỉnh Ninh Bình" (best effort). */
export function organizationCase(upper: string): string {
  let text = lowerKeepingAcronyms(upper.replace(/\s+/g, ' ').trim());
  text = properTerms(text);
  text = text.replace(PLACE, (_, keyword: string, name: string) => `${keyword} ${name.split(' ').map(capitalize).join(' ')}`);
  text = text.replace(ORGANIZATION_HEAD, (_, head: string, next: string) => `${head} ${capitalize(next)}`);
  return capitalize(text);
}

/** A URL-safe slug from any text: folded, non-alphanumerics as "-". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
