/**
 * Long rule lists sharing their first words are looked up word by word (see `firstFrom` in
 * vocabulary.ts). The rule that wins must be the one a scan of the whole list, longest first,
 * would pick: the longest match, then the list's order among rules of the same length.
 */
import { describe, expect, it } from 'vitest';
import { compileQueryVocabulary, expandTokens, type QuerySynonymsFile } from '../../server/core/query/vocabulary.js';

/** Synonym groups whose variants all start "alpha beta", enough of them to be split at every depth. */
function vocabularyFile(): QuerySynonymsFile {
  const synonyms: QuerySynonymsFile['synonyms'] = [];
  for (let i = 0; i < 40; i += 1) synonyms.push({ canonical: `canon${i}`, variants: [`alpha beta gamma${i}`, `alpha beta gamma delta${i}`], topic: true });
  synonyms.push({ canonical: 'two', variants: ['alpha beta'], topic: true });
  synonyms.push({ canonical: 'one', variants: ['alpha'], topic: true });
  synonyms.push({ canonical: 'three', variants: ['alpha beta gamma'], topic: true });
  return { abbreviations: [], synonyms, months: [] };
}

const vocabulary = compileQueryVocabulary(vocabularyFile());
const expand = (text: string) => expandTokens(text.split(' '), vocabulary, undefined, { english: false }).tokens.join(' ');

describe('long rule lists', () => {
  it('picks the longest rule under shared first words', () => {
    expect(expand('x alpha beta gamma7 y')).toBe('x canon7 y');
    expect(expand('alpha beta gamma delta12')).toBe('canon12');
    expect(expand('alpha beta gamma delta99')).toBe('three delta99');
  });

  it('falls back to shorter rules when the longer ones do not go on', () => {
    expect(expand('alpha beta zeta')).toBe('two zeta');
    expect(expand('alpha zeta')).toBe('one zeta');
    expect(expand('alpha')).toBe('one');
    expect(expand('alpha beta')).toBe('two');
  });
});
