/**
 * Tone marks in the vocabulary's phrases: a question typed with marks matches a synonym phrase
 * only where its words carry the phrase's marks ("quyết định kỷ luật" holds the letters of
 * "định kỳ", not the word); typed without marks, or with marks the documents never write (a
 * typo such as "kí"), the letters alone still match.
 */
import { describe, expect, it } from 'vitest';
import { accentedKey, foldedTokens, wordTokens } from '../../common/text-key.js';
import { expandTokens, loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import { useRealDocsAssistant } from './shipped-index.js';

const vocabulary = loadQueryVocabulary();

/** The expanded tokens of a question, its marked words trusted as typed. */
function expanded(question: string, trustMarks: boolean): string[] {
  const tokens = foldedTokens(question);
  const written = wordTokens(accentedKey(question));
  return expandTokens(tokens, vocabulary, trustMarks ? written.map((word, index) => (word !== tokens[index] ? word : undefined)) : undefined).tokens;
}

describe('synonym phrases and tone marks', () => {
  it('does not read "định kỷ" of "quyết định kỷ luật" as "định kỳ"', () => {
    expect(expanded('ai quyết định kỷ luật công chức', true).join(' ')).toContain('quyet dinh ky luat');
  });

  it('still reads "định kỳ", typed with its marks or without any', () => {
    expect(expanded('đánh giá định kỳ', true).join(' ')).not.toContain('dinh ky');
    expect(expanded('danh gia dinh ky', false).join(' ')).not.toContain('dinh ky');
  });
});

describe('marks the documents never write', () => {
  const { ask } = useRealDocsAssistant();

  it('are a typo: "kí" still asks who signed', async () => {
    const response = await ask('Nguời kí Kế hoạch 141 là ai?');
    expect(response.intent).toBe('document-fact');
    expect(response.citations.map((citation) => citation.section)).toEqual(['signature']);
  });
});
