/**
 * A follow-up that says only what changes ("Còn nếu chính công chức viết đơn xin xuống thì
 * sao?") and finds nothing alone is read with the last question's topic, and that reading
 * stands only when its quote writes what the follow-up adds; a share written as a fraction
 * ("quá 2/3 số phiếu") is not read as a date.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';
import { readDateSlots } from '../../server/core/query/dates.js';
import { loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import { matchKey } from '../../common/text-key.js';
import { quotesWhatIsNew } from '../../server/core/answer/multi-part.js';

const { ask } = useRealDocsAssistant();
const DECREE = 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc';

describe('a follow-up read with the last topic', () => {
  it('keeps the reading only when its quote writes what the follow-up adds', () => {
    const reply = (quote: string) => ({ citations: [{ documentId: DECREE, documentTitle: '', section: 'dieu.24.khoan.4', quote }] }) as never;
    const previous = 'cong chuc dap ung yeu cau chuyen vi tri viec lam ngach thap';
    const topic = ['chinh', 'cong', 'chuc', 'viet', 'don', 'xuong'];
    expect(quotesWhatIsNew(reply('Công chức không đáp ứng yêu cầu nhiệm vụ;'), topic, previous)).toBe(false);
    expect(quotesWhatIsNew(reply('Công chức có đơn tự nguyện thay đổi xuống vị trí việc làm có ngạch thấp hơn'), topic, previous)).toBe(true);
  });

  it('abstains rather than quote the last answer’s matter again', async () => {
    const followUp = 'Còn nếu chính công chức viết đơn xin xuống thì sao?';
    const first = await ask('Theo NĐ 170, công chức không đáp ứng yêu cầu nhiệm vụ thì ai quyết định chuyển họ sang vị trí việc làm có ngạch thấp hơn?', 'c-followup-topic');
    expect(first.citations.some((citation) => citation.documentId === DECREE && citation.section.startsWith('dieu.24.khoan.4'))).toBe(true);
    const next = await ask(followUp, 'c-followup-topic');
    expect(next.answer.includes('không đáp ứng yêu cầu nhiệm vụ') && !next.answer.includes('đơn tự nguyện')).toBe(false);
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
    for (const text of ['còn nếu quá 2/3 số phiếu tín nhiệm thấp thì sao', 'có trên 1/2 tổng số thành viên tán thành', 'có từ 2/3 trở lên số phiếu']) {
      expect(readDateSlots(matchKey(text), vocabulary), text).toEqual(readDateSlots(matchKey('còn nếu thì sao'), vocabulary));
    }
  });
});
