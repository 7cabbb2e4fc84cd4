/**
 * Tone marks in the vocabulary's phrases: a question typed with marks matches a synonym phrase
 * only where its words carry the phrase's marks ("quyết định kỷ luật" holds the letters of
 * "định kỳ", not the word); typed without marks, or with marks the documents never write (a
 * typo such as "kí"), the letters alone still match. The same holds for a type's name inside
 * another word: "Ai ký Luật …" names a law, "kỷ luật" does not.
 */
import { describe, expect, it } from 'vitest';
import { accentedKey, foldedTokens, wordTokens } from '../../common/text-key.js';
import { expandTokens, loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import { typedTypeWordPairs } from '../../server/core/query/document-mentions.js';
import { useRealDocsAssistant } from './shipped-index.js';

const vocabulary = loadQueryVocabulary();
const { ask } = useRealDocsAssistant();

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
  it('are a typo: "kí" still asks who signed', async () => {
    const response = await ask('Nguời kí Kế hoạch 141 là ai?');
    expect(response.intent).toBe('document-fact');
    expect(response.citations.map((citation) => citation.section)).toEqual(['signature']);
  });
});

describe('a type name inside another word’s letters', () => {
  it('is a type word only when typed as other words', () => {
    expect([...typedTypeWordPairs(['ai', 'ky', 'luat', 'can', 'bo'], [undefined, 'ký', 'luật', 'cán', 'bộ'])]).toEqual(['ky luat']);
    expect([...typedTypeWordPairs(['hinh', 'thuc', 'ky', 'luat'], ['hình', 'thức', 'kỷ', 'luật'])]).toEqual([]);
    expect([...typedTypeWordPairs(['ky', 'luat'], [undefined, undefined])]).toEqual([]);
  });

  it('names the law asked about: "Ai ký Luật …?"', async () => {
    const response = await ask('Ai ký Luật Cán bộ, công chức 2025?');
    expect(response.intent).toBe('document-fact');
    expect(response.citations.map((citation) => `${citation.documentId}#${citation.section}`)).toEqual(['luat-80-2025-qh15-can-bo-cong-chuc#signature']);
  });
});

describe('"bắt đầu được áp dụng từ ngày nào" asks a document’s effective date', () => {
  it('in a decree and in a resolution', async () => {
    for (const [question, document, date] of [
      ['NĐ 170/2025/NĐ-CP bắt đầu được áp dụng từ ngày nào?', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc', '01/7/2025'],
      ['Nghị quyết 81 của Hà Nội bắt đầu áp dụng khi nào?', 'nghi-quyet-81-2025-nq-hdnd-ha-noi', '27/11/2025'],
    ]) {
      const response = await ask(question);
      expect(response.intent, question).toBe('document-fact');
      expect(response.answer).toContain(date);
      expect(response.citations[0].documentId).toBe(document);
    }
  });
});
