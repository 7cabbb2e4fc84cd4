/** Whether a passage states a figure that could answer "bao nhiêu" (answer/abstain.ts). */
import { describe, expect, it } from 'vitest';
import { hasFigure } from '../../server/core/decide/support.js';

describe('hasFigure', () => {
  it('finds amounts, shares and counts', () => {
    expect(hasFigure('Mức trích bằng 0,8 lần quỹ lương cơ bản.')).toBe(true);
    expect(hasFigure('Đạt từ 70 điểm trở lên đến dưới 90 điểm.')).toBe(true);
    expect(hasFigure('cắt giảm tối thiểu 30% thời gian thực hiện')).toBe(true);
  });

  it('does not take written dates, document numbers or article references for amounts', () => {
    expect(hasFigure('tại Nghị định số 33/2023/NĐ-CP ngày 10 tháng 6 năm 2023 của Chính phủ')).toBe(false);
    expect(hasFigure('cộng với điểm ưu tiên quy định tại Điều 6 Nghị định này')).toBe(false);
    expect(hasFigure('trước ngày 15 tháng 12 hằng năm, theo khoản 2')).toBe(false);
    expect(hasFigure('hoàn thành trong tháng 6/2026')).toBe(false);
  });
});
