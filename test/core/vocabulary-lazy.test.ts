/**
 * The English glossary's rules are compiled on the first question, not at start-up; the words
 * the typo dictionary needs at start-up are read without them and must be the same words.
 */
import { describe, expect, it } from 'vitest';
import { compileEnglishGlossary, englishGlossaryWords, readEnglishGlossary } from '../../server/core/query/english-glossary.js';
import { expandTokens, loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import { foldedTokens } from '../../common/text-key.js';

describe('the English glossary at start-up', () => {
  it('knows every word of its compiled rules without compiling them', () => {
    const file = readEnglishGlossary();
    const compiled = new Set(compileEnglishGlossary(file).flatMap((rule) => rule.tokens));
    expect(englishGlossaryWords(file)).toEqual(compiled);
  });

  it('still translates once read, and its table lists its rules', () => {
    const vocabulary = loadQueryVocabulary();
    const expansion = expandTokens(foldedTokens('Which disciplinary measures apply to civil servants'), vocabulary);
    expect(expansion.translated).toBe(true);
    expect(vocabulary.glossary.size).toBeGreaterThan(1000);
    expect([...vocabulary.glossary.keys()].length).toBe(vocabulary.glossary.size);
  });
});
