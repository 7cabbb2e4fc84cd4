/** The longest run of question words a sentence writes in order (answer/shared-run.ts). */
import { describe, expect, it } from 'vitest';
import { foldedWords, longestSharedRun } from '../../server/core/read/shared-run.js';

describe('longestSharedRun', () => {
  const question = foldedWords('Ai công nhận kết quả đối với Ủy ban nhân dân cấp xã?');

  it('counts the words written together, not the words shared', () => {
    const together = foldedWords('Chủ tịch Ủy ban nhân dân cấp tỉnh công nhận kết quả đối với Ủy ban nhân dân cấp xã;');
    const apart = foldedWords('Chủ tịch Ủy ban nhân dân cấp xã công nhận kết quả đối với cơ quan chuyên môn thuộc Ủy ban nhân dân cấp xã.');
    expect(longestSharedRun(question, together)).toBe(12);
    expect(longestSharedRun(question, apart)).toBe(6);
  });

  it('is 0 without a shared word and folds diacritics', () => {
    expect(longestSharedRun(question, foldedWords('Sở Tư pháp chủ trì'))).toBe(0);
    expect(longestSharedRun(foldedWords('cong nhan ket qua'), foldedWords('Công nhận kết quả'))).toBe(4);
  });
});
