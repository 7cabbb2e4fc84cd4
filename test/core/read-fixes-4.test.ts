/**
 * Reading fixes of session 4, each measured on the real documents (test/fixtures/real-docs)
 * loaded beside the plan, and pinned on small synthetic passages (marked as such below):
 * - "quý" before a word is not a quarter ("theo tháng hoặc quý và …" holds no time);
 * - an item written as clauses ("…; …, hoàn thành chậm nhất ngày …") is quoted through the
 *   clause that holds the date, when its first clause carries the topic;
 * - a khoản's lead-in that sets a deadline answers (it is a passage now, see chunk-lead-ins).
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../ingest/types.js';
import { preferAnswering, type ScoredSentence } from '../../server/core/read/rank.js';
import { splitSentences } from '../../server/core/read/sentences.js';
import { answerNeed, answerSpan } from '../../server/core/read/spans.js';
import { passageTerms } from '../../server/core/retrieval/support.js';
import type { AskResponse } from '../../server/core/types.js';
import { useRealDocsAssistant } from './shipped-index.js';

const { ask } = useRealDocsAssistant();
const cited = (response: AskResponse): string[] => response.citations.map((citation) => `${citation.documentId}#${citation.section}`);

/** A passage of one chunk, its sentences scored by the coverages given (synthetic). */
function scored(text: string, coverages: number[], offset = 100): ScoredSentence[] {
  const chunk: Chunk = { id: 'synthetic#1', documentId: 'synthetic', address: '1', text, span: { start: offset, end: offset + text.length }, context: '', kind: 'item' };
  return splitSentences(text, offset).map((sentence, index) => ({ chunk, sentence, coverage: coverages[index] ?? 0 }));
}

describe('time spans', () => {
  it('reads "quý" as a quarter only before a Roman numeral that ends there', () => {
    expect(answerSpan('when', 'Đánh giá công chức theo tháng hoặc quý và kết quả xếp loại chất lượng.')).toBeNull();
    expect(answerSpan('when', 'Hoàn thành trong Quý IV năm 2026.')).toBe('Quý IV năm 2026');
    expect(answerSpan('when', 'Báo cáo trong quý III.')).toBe('quý III');
  });
});

describe('an item written as clauses', () => {
  // Synthetic passage: one item, its topic in the first clause, its deadline in the second.
  const item = 'Xây dựng và ban hành tiêu chí cụ thể đối với tổ chức; tiêu chí chung đối với công chức, hoàn thành chậm nhất ngày 30 tháng 6 năm 2026.';

  it('quotes the item through the clause holding the date', () => {
    const [best] = preferAnswering('when', scored(item, [0.9, 0.4]));
    expect(best.sentence.text).toBe(item);
    expect(best.sentence.start).toBe(100);
    expect(best.sentence.end).toBe(100 + item.length);
  });

  it('does not run on past a full stop or a line', () => {
    const two = 'Xây dựng và ban hành tiêu chí cụ thể đối với tổ chức.\nHoàn thành chậm nhất ngày 30 tháng 6 năm 2026.';
    // The date's sentence is quoted alone (its neighbour carries the topic), never merged across the line.
    const [best] = preferAnswering('when', scored(two, [0.9, 0.3]));
    expect(best.sentence.text).toBe('Hoàn thành chậm nhất ngày 30 tháng 6 năm 2026.');
    // A date two sentences away from the topic is not borrowed.
    const [far] = preferAnswering('when', scored(`Xây dựng tiêu chí cụ thể.\nMột câu khác.\n${'Hoàn thành chậm nhất ngày 30 tháng 6 năm 2026.'}`, [0.9, 0.1, 0.1]));
    expect(far.sentence.text).toBe('Xây dựng tiêu chí cụ thể.');
  });

  it('answers the decree’s item by its deadline, not another clause that says "quý"', async () => {
    const response = await ask('Các bộ, Ủy ban nhân dân cấp tỉnh phải ban hành tiêu chí cụ thể đánh giá, xếp loại chất lượng chậm nhất khi nào?');
    expect(response.abstained).toBe(false);
    expect(cited(response).at(-1)).toBe('nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.26.khoan.1.diem.a');
    expect(response.answer).toContain('30 tháng 6 năm 2026');
  });
});

describe('a khoản’s lead-in that sets a deadline', () => {
  it('answers from the lead-in of the decree named (NĐ 361 Điều 14 khoản 2)', async () => {
    const response = await ask('NĐ 361 quy định chậm nhất khi nào phải bố trí công chức tuyển dụng trước 01/7/2025 vào vị trí việc làm?');
    expect(response.abstained).toBe(false);
    expect(cited(response)[0]).toBe('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc#dieu.14.khoan.2');
    expect(response.answer).toContain('01 tháng 7 năm 2027');
  });

  it('answers the same from NĐ 170’s transitional clause when it is named', async () => {
    const response = await ask('Theo Nghị định 170/2025/NĐ-CP, chậm nhất khi nào phải hoàn thành việc bố trí vào vị trí việc làm và xếp ngạch đối với công chức tuyển dụng trước 01/7/2025?');
    expect(response.abstained).toBe(false);
    expect(cited(response)[0]).toBe('nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.70.khoan.2');
    expect(response.answer).toContain('01 tháng 7 năm 2027');
  });
});

describe('the place of a quote is the innermost section holding it', () => {
  it('cites the điểm a sentence stands in, not the khoản its passage is (NĐ 361)', async () => {
    const response = await ask('Theo Nghị định 361, cơ quan chuyên môn thuộc tỉnh được bố trí ngạch chuyên viên chính với tỷ lệ tối đa bao nhiêu?');
    expect(response.abstained).toBe(false);
    expect(cited(response).at(-1)).toBe('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc#dieu.8.khoan.2.diem.a');
    expect(response.answer).toContain('điểm a khoản 2 Điều 8');
  });

  it('cites the lettered duty of a directive’s addressee block (Chỉ thị 012, 1.c)', async () => {
    const response = await ask('Theo Chỉ thị 012, ai phải thiết lập biểu mẫu điện tử tương tác (E-Form)?');
    expect(response.abstained).toBe(false);
    expect(cited(response)).toContain('chi-thi-012-ct-ubnd-2025-dak-lak#1.c');
  });
});

describe('a list inside an article answers when its lead-in covers the question better than the heading', () => {
  it('lists the lines under a điểm’s lead-in (NĐ 170 Điều 57, điểm c)', async () => {
    const response = await ask('Vì những lý do nào mà đơn xin thôi việc của công chức không được giải quyết?');
    expect(response.abstained).toBe(false);
    expect(cited(response)).toEqual(['nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.57.khoan.2.diem.c']);
    expect(response.answer).toContain('chưa phục vụ đủ thời gian theo cam kết');
    expect(response.answer).toContain('chưa bố trí được người thay thế');
  });

  it('lists the points under a khoản’s lead-in (Luật 80 Điều 36 khoản 1), each cited', async () => {
    const response = await ask('Theo Luật 80/2025/QH15, công chức vi phạm phải chịu những hình thức kỷ luật nào?');
    expect(response.abstained).toBe(false);
    expect(cited(response).every((place) => place.startsWith('luat-80-2025-qh15-can-bo-cong-chuc#dieu.36.khoan.1.diem.'))).toBe(true);
    for (const measure of ['Khiển trách', 'Cảnh cáo', 'Buộc thôi việc']) expect(response.answer).toContain(measure);
  });
});

describe('a length or time in the sentence beside the one that carries the topic', () => {
  it('reads no length inside a date', () => {
    expect(answerSpan('how-long', 'Luật này được Quốc hội thông qua ngày 24 tháng 6 năm 2025.')).toBeNull();
    expect(answerSpan('how-long', 'phải giải quyết kiến nghị trong thời hạn 07 ngày làm việc')).toBe('07 ngày làm việc');
  });

  it('prefers the neighbour holding the length when the topic sentence holds none (synthetic passage)', () => {
    const passage = 'Trường hợp người được giao không đồng ý với kết quả thì có quyền kiến nghị. Người có thẩm quyền phải trả lời trong thời hạn 10 ngày làm việc.';
    const [best] = preferAnswering('how-long', scored(passage, [0.9, 0.5]));
    expect(best.sentence.text).toBe('Người có thẩm quyền phải trả lời trong thời hạn 10 ngày làm việc.');
  });

  it('answers the decree’s time limits written beside their topic (NĐ 335 Điều 22, NĐ 170 Điều 57)', async () => {
    const objection = await ask('Nếu công chức không nhất trí với kết quả xếp loại thì kiến nghị phải được giải quyết trong bao lâu?');
    expect(objection.abstained).toBe(false);
    expect(objection.answer).toContain('07 ngày làm việc');
    expect(cited(objection)).toContain('nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.22');
    const resignation = await ask('Đơn tự nguyện xin thôi việc của công chức phải được trả lời trong bao lâu?');
    expect(resignation.abstained).toBe(false);
    expect(resignation.answer).toContain('30 ngày');
  });
});

describe('a day answers "when" better than "hằng năm"', () => {
  it('prefers the day a little further from the topic (synthetic passage)', () => {
    const passage = 'Cập nhật kết quả xếp loại hằng năm vào cơ sở dữ liệu.\nBan hành tiêu chí cụ thể, hoàn thành chậm nhất ngày 30 tháng 6 năm 2026.';
    const [best] = preferAnswering('when', scored(passage, [0.85, 0.62]));
    expect(best.sentence.text).toContain('30 tháng 6 năm 2026');
    const apart = 'Cập nhật kết quả xếp loại hằng năm vào cơ sở dữ liệu.\nMột việc khác.\nBan hành tiêu chí cụ thể, hoàn thành chậm nhất ngày 30 tháng 6 năm 2026.';
    const [only] = preferAnswering('when', scored(apart, [0.85, 0.1, 0.5]));
    expect(only.sentence.text).toContain('hằng năm');
  });

  it('reads a duty to issue with a deadline as a deadline, not the decree’s date (NĐ 335)', async () => {
    const response = await ask('Theo NĐ 335, UBND tỉnh phải ban hành tiêu chí cụ thể đánh giá, xếp loại chất lượng chậm nhất ngày nào?');
    expect(response.intent).not.toBe('document-fact');
    expect(response.answer).toContain('30 tháng 6 năm 2026');
  });
});

describe('acronyms and "%" a passage writes for words the question spells out', () => {
  it('reads "TTHC", "CBCC" and "30%" with their words', () => {
    const terms = passageTerms('đảm bảo cắt giảm tối thiểu 30% thời gian thực hiện TTHC cho CBCC');
    for (const word of ['thu', 'tuc', 'hanh', 'chinh', 'phan', 'tram', 'can', 'bo']) expect(terms.syllables.has(word), word).toBe(true);
    expect(terms.pairs.has('thu tuc')).toBe(true);
  });

  it('answers a share asked in words ("bao nhiêu phần trăm") from a passage writing "%" (Chỉ thị 012, NĐ 335)', async () => {
    const directive = await ask('Chỉ thị 012/CT-UBND yêu cầu cắt giảm tối thiểu bao nhiêu phần trăm thời gian thực hiện thủ tục hành chính?');
    expect(directive.abstained).toBe(false);
    expect(directive.answer).toContain('30%');
    const decree = await ask('Theo Nghị định 335, tỷ lệ công chức được xếp loại hoàn thành xuất sắc nhiệm vụ không vượt quá bao nhiêu phần trăm?');
    expect(decree.abstained).toBe(false);
    expect(decree.answer).toContain('20%');
  });
});

describe('a list inside another article than the one whose heading matches best', () => {
  it('answers from the khoản whose lead-in names the list (NĐ 361 Điều 5 khoản 1, NĐ 335 Điều 24 khoản 2)', async () => {
    const dossier = await ask('Hồ sơ đề nghị phê duyệt vị trí việc làm công chức gồm những giấy tờ gì?');
    expect(cited(dossier).every((place) => place.startsWith('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc#dieu.5.khoan.1.diem.'))).toBe(true);
    expect(cited(dossier).length).toBeGreaterThan(2);
    const records = await ask('Tài liệu xếp loại chất lượng công chức điện tử gồm những gì?');
    expect(cited(records).every((place) => place.startsWith('nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.24.khoan.2.diem.'))).toBe(true);
  });
});

describe('a clause that continues a rule after ";"', () => {
  it('is quoted with the clause before it (Luật 80 Điều 37 khoản 3, NĐ 170 Điều 16 khoản 5)', async () => {
    const discipline = await ask('Trường hợp vụ việc kỷ luật có tình tiết phức tạp thì thời hạn xử lý kỷ luật kéo dài tối đa bao lâu?');
    expect(discipline.answer).toContain('Thời hạn xử lý kỷ luật không quá 90 ngày; trường hợp vụ việc có tình tiết phức tạp');
    expect(discipline.answer).toContain('150 ngày');
    const exam = await ask('Nếu quyết định kéo dài thời gian nhận Phiếu đăng ký dự tuyển thì thời gian tổ chức thi chậm nhất là bao lâu?');
    expect(exam.answer).toContain('phải tiến hành tổ chức thi; trường hợp quyết định kéo dài thời gian');
    expect(exam.answer).toContain('45 ngày');
  });
});

describe('an amount is not a year, a date or a number of a place', () => {
  it('reads the amount after them', () => {
    expect(answerSpan('how-many', 'Mức trích năm 2026 bằng 0,8 lần quỹ lương cơ bản.')).toBe('0,8');
    expect(answerSpan('how-many', 'Kết thúc năm 2026, Ủy ban nhân dân báo cáo theo Điều 4.')).toBeNull();
    expect(answerSpan('how-many', 'Thay thế Nghị quyết số 46/2024/NQ-HĐND ngày 10 tháng 12 năm 2024.')).toBeNull();
    expect(answerSpan('how-many', 'Tỷ lệ không vượt quá 20% tổng số.')).toBe('20%');
  });
});

describe('a passage writing a variant of a topic word the question is read in', () => {
  it('reads "tập huấn" as "đào tạo, bồi dưỡng" and "tối thiểu" as "ít nhất", like the question', () => {
    const terms = passageTerms('Tổ chức tập huấn kỹ năng; cắt giảm tối thiểu 30% thời gian.');
    for (const pair of ['dao tao', 'boi duong', 'it nhat']) expect(terms.pairs.has(pair), pair).toBe(true);
  });

  it('finds the training activity written "tập huấn" (Kế hoạch 141 III.4) and the directive’s "tối thiểu 30%"', async () => {
    const training = await ask('ai chu tri to chuc tap huan, boi duong ky nang xay dung phap luat cho can bo cong chuc o bac ninh');
    expect(cited(training)).toContain('ke-hoach-141-kh-ubnd-2025-bac-ninh#III.4');
    expect(training.answer).toContain('Sở Tư pháp');
    const share = await ask('Chỉ thị 012 yêu cầu cắt giảm tối thiểu bao nhiêu thời gian thực hiện thủ tục hành chính?');
    expect(share.answer).toContain('30%');
  });
});

describe('words that fold like question words', () => {
  it('reads "phụ lục nào" as which appendix, "danh mục" as a list, not a time or an amount', () => {
    expect(answerNeed('danh muc vi tri viec lam o cap xa duoc ban hanh tai phu luc nao?')).toBe('what');
    expect(answerNeed('muc phu cap cong vu la bao nhieu?')).toBe('how-many');
    expect(answerNeed('lam xong luc nao?')).toBe('when');
  });

  it('answers which appendix holds a list, and a date asked beside a share (NĐ 361)', async () => {
    const appendix = await ask('Danh mục vị trí việc làm công chức trong cơ quan, tổ chức hành chính ở cấp xã được ban hành tại phụ lục nào của Nghị định 361?');
    expect(appendix.abstained).toBe(false);
    expect(appendix.answer).toContain('Phụ lục V');
    const date = await ask('Sau ngày nào các cơ quan phải thực hiện đúng tỷ lệ công chức bố trí theo vị trí việc làm theo Nghị định 361?');
    expect(date.abstained).toBe(false);
    expect(date.answer).toContain('01 tháng 7 năm 2027');
  });
});
