/**
 * A follow-up that says only what changes ("Còn nếu chính công chức viết đơn xin xuống thì
 * sao?") and finds nothing alone is read with the last question's topic; and a share written
 * as a fraction ("quá 2/3 số phiếu") is not read as a date.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';
import { readDateSlots } from '../../server/core/query/dates.js';
import { loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import { matchKey } from '../../common/text-key.js';

const { ask } = useRealDocsAssistant();
const DECREE = 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc';

describe('a follow-up read with the last topic', () => {
  it('answers from the clause on the same matter, where the follow-up alone abstains', async () => {
    const followUp = 'Còn nếu chính công chức viết đơn xin xuống thì sao?';
    const alone = await ask(followUp);
    expect(alone.abstained).toBe(true);
    const first = await ask('Theo NĐ 170, công chức không đáp ứng yêu cầu nhiệm vụ thì ai quyết định chuyển họ sang vị trí việc làm có ngạch thấp hơn?', 'c-followup-topic');
    expect(first.citations.some((citation) => citation.documentId === DECREE && citation.section.startsWith('dieu.24.khoan.4'))).toBe(true);
    const next = await ask(followUp, 'c-followup-topic');
    expect(next.abstained).toBe(false);
    expect(next.answer).toContain('đơn tự nguyện');
    expect(next.citations.every((citation) => citation.documentId === DECREE && citation.section.startsWith('dieu.24.khoan.4'))).toBe(true);
  });

  it('leaves a question that starts anew alone', async () => {
    await ask('Theo NĐ 170, công chức không đáp ứng yêu cầu nhiệm vụ thì ai quyết định chuyển họ sang vị trí việc làm có ngạch thấp hơn?', 'c-followup-new');
    const next = await ask('Chỉ thị 012 yêu cầu Sở Khoa học và Công nghệ bảo đảm hệ thống thông tin giải quyết TTHC hoạt động thế nào?', 'c-followup-new');
    expect(next.citations.map((citation) => citation.section)).toEqual(['2.b']);
  });
});

describe('a fraction is not a date', () => {
  const vocabulary = loadQueryVocabulary();
  it('reads "30/6" as a date, not "quá 2/3 số phiếu" or "trên 1/2 tổng số"', () => {
    expect(readDateSlots(matchKey('hạn chót 30/6'), vocabulary)).not.toEqual(readDateSlots(matchKey('hạn chót'), vocabulary));
    for (const text of ['còn nếu quá 2/3 số phiếu tín nhiệm thấp thì sao', 'có trên 1/2 tổng số thành viên tán thành']) {
      expect(readDateSlots(matchKey(text), vocabulary), text).toEqual(readDateSlots(matchKey('còn nếu thì sao'), vocabulary));
    }
  });
});
