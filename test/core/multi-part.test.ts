/**
 * Questions asking several things at once are answered part by part (answer/multi-part.ts):
 * the cut falls where both sides ask something, later parts keep the first one's subject or
 * document, and their answers are joined with citations renumbered.
 */
import { describe, expect, it } from 'vitest';
import { questionParts, subjectOf } from '../../server/core/answer/multi-part.js';
import { useRealDocsAssistant } from './shipped-index.js';

describe('cutting a question into parts', () => {
  it('cuts where both sides ask something, not inside a name with a comma', () => {
    expect(questionParts('Ai ký Luật Cán bộ, công chức 2025 và Quốc hội thông qua ở kỳ họp nào?')).toEqual([
      'Ai ký Luật Cán bộ, công chức 2025?',
      'Quốc hội thông qua ở kỳ họp nào?',
    ]);
    expect(questionParts('Vòng 1 có bao nhiêu câu hỏi, thi bao lâu và phải đúng bao nhiêu để vào vòng 2?')).toHaveLength(3);
    expect(questionParts('Sở Nội vụ, Sở Tài chính phối hợp thực hiện nhiệm vụ nào?')).toBeNull();
    expect(questionParts('Luật Cán bộ, công chức có hiệu lực từ ngày nào?')).toBeNull();
  });

  it('keeps the first part’s subject without its way of asking', () => {
    expect(subjectOf('Vòng 1 thi tuyển công chức làm bài trắc nghiệm trong bao lâu?')).toBe('Vòng 1 thi tuyển công chức làm bài trắc nghiệm');
  });
});

describe('answering each part', () => {
  const { ask } = useRealDocsAssistant();

  it('answers both facts of a law, each cited where it stands', async () => {
    const response = await ask('Ai ký Luật Cán bộ, công chức 2025 và Quốc hội thông qua ở kỳ họp nào?');
    expect(response.answer).toContain('Trần Thanh Mẫn');
    expect(response.answer).toContain('kỳ họp thứ 9');
    expect(response.answer).toContain('[2]');
    expect(response.citations.map((citation) => citation.section)).toEqual(['signature', 'dieu.45.khoan.3']);
  });

  it('answers the length and the share of a decree’s exam round', async () => {
    const response = await ask('Vòng 1 thi tuyển công chức ngạch chuyên viên thi trong bao lâu và phải trả lời đúng bao nhiêu để vào vòng 2?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('60 phút');
    expect(response.answer).toContain('50%');
  });

  it('answers once when the first part’s passage holds the second fact', async () => {
    const response = await ask('Người dự tuyển gian lận trong kê khai Phiếu đăng ký dự tuyển bị xử lý thế nào và không được đăng ký dự tuyển trong bao lâu?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('01 kỳ tuyển dụng');
    expect(new Set(response.citations.map((citation) => citation.section))).toEqual(new Set(['dieu.18.khoan.2']));
  });
});
