/**
 * Vocabulary fixes of session 5 (ingest/vocabulary/query-synonyms.json):
 * - "những điều kiện nào" asks a list of conditions, not a deadline;
 * - "quyền hạn" is a word of its own, not "hạn" (a deadline).
 */
import { describe, expect, it } from 'vitest';
import { foldedTokens } from '../../common/text-key.js';
import { expandTokens, loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import { useRealDocsAssistant } from './shipped-index.js';

const vocabulary = loadQueryVocabulary();
const { ask } = useRealDocsAssistant();

describe('the deadline cue', () => {
  it('is not read in "quyền hạn" or "điều kiện nào", and still in "hạn chót"', () => {
    expect(expandTokens(foldedTokens('Cán bộ có những quyền hạn gì?'), vocabulary).cues.has('thoi han')).toBe(false);
    expect(expandTokens(foldedTokens('phải đáp ứng những điều kiện nào'), vocabulary).cues.has('thoi han')).toBe(false);
    expect(expandTokens(foldedTokens('Hạn chót nộp báo cáo?'), vocabulary).cues.has('thoi han')).toBe(true);
  });

  it('leaves "những điều kiện nào" to be answered by the list of conditions, in a law and a decree', async () => {
    for (const [question, article] of [
      ['Người đăng ký dự tuyển công chức phải đáp ứng những điều kiện nào?', 'luat-80-2025-qh15-can-bo-cong-chuc#dieu.19.khoan.1'],
      ['Theo Nghị định 170, người được tiếp nhận vào làm công chức phải đáp ứng những điều kiện nào?', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.13'],
    ]) {
      const response = await ask(question);
      expect(response.intent, question).not.toBe('deadline');
      expect(response.citations.some((citation) => `${citation.documentId}#${citation.section}`.startsWith(article)), question).toBe(true);
    }
  });
});
