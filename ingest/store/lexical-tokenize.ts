/**
 * The one tokenizer of retrieval: folded syllables (no diacritics, lowercase) plus adjacent
 * syllable pairs. Used for the lexical index's documents AND queries, and as the features of
 * the local embedder, so "khung nang luc" and "khung năng lực" meet on the same terms.
 * Pairs carry what single syllables of Vietnamese cannot: "nang luc" is a word, "nang" is not.
 */
import { tokenizeSyllables } from '../normalize/index.js';

/** Pairs never bridge a clause boundary: "… phường. Sở Nội vụ" must not yield "phuong so". */
const CLAUSE_BOUNDARY = /[;:!?()[\]{}"“”\n]|\.(?=\s|$)/;

/**
 * Folded syllables of `text` grouped by clause (each group non-empty), in order. Commas do not
 * cut: "xã, phường" is how the documents and their readers name one unit.
 */
export function syllableClauses(text: string): string[][] {
  const clauses: string[][] = [];
  for (const clause of text.split(CLAUSE_BOUNDARY)) {
    const syllables = tokenizeSyllables(clause);
    if (syllables.length > 0) clauses.push(syllables);
  }
  return clauses;
}

const JOINER = /[&/.-]/;

/**
 * The pieces of a compound token ("18/ct-ttg" → "18", "ct", "ttg"), empty for a plain syllable.
 * Indexed besides the whole token, so "chỉ thị 18" meets "Chỉ thị số 18/CT-TTg".
 */
export function compoundParts(token: string): string[] {
  return JOINER.test(token) ? token.split(JOINER).filter((part) => part.length > 0) : [];
}

/** A pair term: two folded syllables joined by one space ("nang luc"). */
export function pairTerm(left: string, right: string): string {
  return `${left} ${right}`;
}

/**
 * Lexical terms of `text`: every folded syllable (and the pieces of a compound one), then every
 * adjacent pair within a clause. The same function serves documents and queries.
 */
export function lexicalTerms(text: string): string[] {
  return clauseTerms(syllableClauses(text));
}

/** `lexicalTerms` of text already cut into clauses (by `syllableClauses`). */
export function clauseTerms(clauses: string[][]): string[] {
  const syllables: string[] = [];
  const pairs: string[] = [];
  for (const clause of clauses) {
    for (let i = 0; i < clause.length; i += 1) {
      syllables.push(clause[i], ...compoundParts(clause[i]));
      if (i + 1 < clause.length) pairs.push(pairTerm(clause[i], clause[i + 1]));
    }
  }
  return syllables.concat(pairs);
}
