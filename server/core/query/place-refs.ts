/**
 * Places named in a question by the structure of a regulation: "Điều 19", "khoản 2 Điều 19",
 * "Điều 19 khoản 2", "điểm a khoản 2 Điều 30", "Article 19", "phụ lục II", read from the folded
 * key. They become addresses of the addressing scheme ("dieu.19.khoan.2.diem.a", "phu-luc.2").
 */

export interface PlaceRefs {
  /** Addresses, most specific as named ("dieu.19.khoan.2"). */
  addresses: string[];
  /** "khoản 2" with no article named: resolved against the conversation's article, if any. */
  looseClauses: number[];
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

/** "iv" → 4; NaN when not a roman numeral. */
function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = ROMAN_VALUES[text[i]];
    if (value === undefined) return Number.NaN;
    const next = ROMAN_VALUES[text[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const ARTICLE = String.raw`(?:dieu|article|art\.?)\s*(?:so\s*)?(\d{1,3})`;
const CLAUSE = String.raw`(?:khoan|clause|paragraph|k\.)\s*(?:so\s*)?(\d{1,2})`;
const POINT = String.raw`(?:diem|point)\s*([a-zđ])\b`;
/** "điểm a khoản 2 Điều 30", "khoản 2 Điều 30", "khoản 2, Điều 30". */
const INNER_FIRST = new RegExp(String.raw`\b(?:${POINT}\s*,?\s*)?${CLAUSE}\s*,?\s*(?:cua\s+|of\s+|tai\s+)?${ARTICLE}\b`, 'g');
/** "Điều 30 khoản 2 điểm a", "Điều 30". */
const ARTICLE_FIRST = new RegExp(String.raw`\b${ARTICLE}\b(?:\s*,?\s*${CLAUSE}\b(?:\s*,?\s*${POINT})?)?`, 'g');
const LOOSE_CLAUSE = new RegExp(String.raw`\b${CLAUSE}\b`, 'g');
const APPENDIX = /\b(?:phu\s*luc|appendix|annex)\s*(?:so\s*)?([ivxl]{1,5}|\d{1,2})?\b/g;

/** Reads the places a folded question names. */
export function readPlaceRefs(key: string): PlaceRefs {
  const addresses: string[] = [];
  const push = (address: string): void => {
    if (!addresses.includes(address)) addresses.push(address);
  };
  let rest = key.replace(INNER_FIRST, (match, point: string | undefined, clause: string, article: string) => {
    push(`dieu.${Number(article)}.khoan.${Number(clause)}${point ? `.diem.${point}` : ''}`);
    return ' '.repeat(match.length);
  });
  rest = rest.replace(ARTICLE_FIRST, (match, article: string, clause: string | undefined, point: string | undefined) => {
    push(`dieu.${Number(article)}${clause ? `.khoan.${Number(clause)}` : ''}${clause && point ? `.diem.${point}` : ''}`);
    return ' '.repeat(match.length);
  });
  const looseClauses: number[] = [];
  for (const match of rest.matchAll(LOOSE_CLAUSE)) looseClauses.push(Number(match[1]));
  for (const match of rest.matchAll(APPENDIX)) {
    const written = match[1];
    if (!written) push('phu-luc');
    else push(`phu-luc.${/^\d+$/.test(written) ? Number(written) : romanValue(written)}`);
  }
  return { addresses, looseClauses };
}
