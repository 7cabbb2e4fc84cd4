/**
 * The decide rules added for answers over several documents, each on two documents or more:
 * a "how many" question needs a figure of the thing it counts; a question's head noun phrase
 * ("phụ cấp công vụ của …") must be written by the passage; a year the question names must be
 * written by the passage or its document. Pure span tests, then answers over the plan and the
 * seven real documents (every quote checked verbatim by `ask`).
 */
import { describe, expect, it } from 'vitest';
import { answerSpan, countedNoun } from '../../server/core/read/spans.js';
import { missingYear } from '../../server/core/decide/years.js';
import { useRealDocsAssistant } from './shipped-index.js';
import type { AskResponse } from '../../server/core/types.js';

describe('how many: the thing counted', () => {
  it('reads the counted noun after "bao nhiêu" and "mấy", and none after "là bao nhiêu"', () => {
    expect(countedNoun('ky thi tuyen cong chuc gom may vong')).toEqual(['vong']);
    expect(countedNoun('bao nhieu can bo xa se bi tinh gian')).toEqual(['can']);
    expect(countedNoun('muc trich tao nguon la bao nhieu')).toBeNull();
  });

  it('takes a figure of that thing, or a share of it, and no other figure', () => {
    expect(answerSpan('how-many', 'Thực hiện theo 2 vòng thi như sau:', ['vong'])).toBe('2 vong');
    expect(answerSpan('how-many', 'Người dự tuyển trả lời đúng từ 50% số câu hỏi trở lên thì được tham dự vòng 2.', ['cau'])).toBe('50% so cau');
    expect(answerSpan('how-many', 'cắt giảm tối thiểu 30% thời gian giải quyết', ['thoi'])).toBe('30% thoi');
    expect(answerSpan('how-many', 'trường hợp không hoàn thành trong thời hạn 3 tháng thì hủy bỏ kỳ tuyển dụng.', ['vong'])).toBeNull();
    expect(answerSpan('how-many', 'Công chức lãnh đạo, quản lý có thể được bổ nhiệm lại với số lần không hạn chế, trừ trường hợp …', ['lan'])).toBe('so lan khong han che');
    // Without a counted noun any figure still answers.
    expect(answerSpan('how-many', 'trong thời hạn 3 tháng', null)).toBe('3');
  });
});

describe('a year the question names', () => {
  const decree = { header: { number: '170/2025/NĐ-CP', issuedDate: '2025-06-30', title: null }, title: 'Nghị định quy định về tuyển dụng' } as never;
  it('is missing when neither the passage nor its document writes it', () => {
    expect(missingYear('Chỉ tiêu tuyển dụng năm 2026 là bao nhiêu người?', 'Điều 10. Trúng tuyển', decree)).toBe('2026');
    expect(missingYear('Theo Luật CBCC 2025, ai tuyển dụng?', 'Điều 10. Trúng tuyển', decree)).toBeNull();
    expect(missingYear('Hạn trong năm 2026?', 'Hoàn thành trong tháng 6/2026', decree)).toBeNull();
  });

  it('is missing when the passage writes other years, whatever the document’s number and date write', () => {
    const resolution = { header: { number: '81/2025/NQ-HĐND', issuedDate: '2025-12-10', title: null }, title: 'Nghị quyết quy định chi thu nhập tăng thêm' } as never;
    expect(missingYear('Năm 2025 Hà Nội trích bao nhiêu lần quỹ lương?', 'Mức trích năm 2026 bằng 0,8 lần quỹ lương cơ bản.', resolution)).toBe('2025');
    expect(missingYear('Theo Nghị quyết 81/2025, năm 2026 trích bao nhiêu?', 'Mức trích năm 2026 bằng 0,8 lần quỹ lương cơ bản.', resolution)).toBeNull();
  });

  it('is covered by a span of years, an open range, or the document’s period', () => {
    const plan = { header: { number: '141/KH-UBND', issuedDate: '2025-11-20', title: 'NÂNG CAO NĂNG LỰC … GIAI ĐOẠN 2026 - 2030' }, title: 'Kế hoạch' } as never;
    expect(missingYear('Năm 2028 phải làm gì?', 'Triển khai giai đoạn 2026-2030.', decree)).toBeNull();
    expect(missingYear('Năm 2029 trích bao nhiêu?', 'Từ năm 2027 trở đi, mức trích do Hội đồng quyết định.', decree)).toBeNull();
    expect(missingYear('Kế hoạch 2026-2030 giao ai bố trí kinh phí?', 'Bố trí kinh phí thực hiện từ năm 2025.', plan)).toBeNull();
    expect(missingYear('Năm 2031 ai bố trí kinh phí?', 'Bố trí kinh phí hằng năm.', plan)).toBe('2031');
  });
});

const { ask } = useRealDocsAssistant();
const documentsCited = (response: AskResponse): string[] => [...new Set(response.citations.map((citation) => citation.documentId))];

describe('decide over the plan and the real documents', () => {
  it('abstains on a head noun phrase no passage writes ("phụ cấp công vụ của công chức cấp xã")', async () => {
    const response = await ask('Phụ cấp công vụ của công chức cấp xã được tính thế nào?');
    expect(response.abstained).toBe(true);
  });

  it('answers a "của" question whose head the passage writes (Nghị quyết 81, a year it names)', async () => {
    const response = await ask('Mức trích tạo nguồn chi thu nhập tăng thêm năm 2026 của thành phố Hà Nội là bao nhiêu?');
    expect(response.abstained).toBe(false);
    expect(documentsCited(response)).toEqual(['nghi-quyet-81-2025-nq-hdnd-ha-noi']);
  });

  it('abstains on a count for a year no clause writes, though a decree has other counts of people', async () => {
    const response = await ask('Chỉ tiêu tuyển dụng công chức xã năm 2026 là bao nhiêu người?');
    expect(response.abstained).toBe(true);
  });

  it('answers a count with a figure of the thing counted (Nghị định 170: rounds; Chỉ thị 012: share of time)', async () => {
    // Before the rule, this quoted "trong thời hạn 3 tháng" (Điều 70): any figure passed for a count of rounds.
    const rounds = await ask('Kỳ thi tuyển công chức gồm mấy vòng?');
    if (!rounds.abstained) expect(rounds.answer).toMatch(/\d+ vòng/);
    expect(rounds.answer).not.toContain('3 tháng');
    const share = await ask('Người dự tuyển phải trả lời đúng bao nhiêu câu hỏi vòng 1 thì được thi vòng 2?');
    expect(share.answer).toContain('50%');
  });
});

describe('terms read whole, and tone marks that a single passage cannot vouch for', () => {
  it('abstains on a term of administration no document writes whole, though its syllables are everywhere', async () => {
    // "đơn vị", "sắp xếp", "hành chính" each occur; "đơn vị hành chính" never does.
    expect((await ask('Thời hạn hoàn thành sắp xếp đơn vị hành chính?')).abstained).toBe(true);
    expect((await ask('thu tuc dang ky khai sinh can giay to gi')).abstained).toBe(true);
  });

  it('does not sink a question whose term a document writes whole (Nghị định 170: "đơn vị sự nghiệp công lập")', async () => {
    const response = await ask('Viên chức công tác tại đơn vị sự nghiệp công lập có được xét chuyển thành công chức không?');
    expect(response.abstained).toBe(false);
  });

  it('reads "sổ đỏ" as words the corpus lacks, though some passage writes "số đó" (folded alike)', async () => {
    expect((await ask('Ai chủ trì việc cấp sổ đỏ cho người dân?')).abstained).toBe(true);
  });
});

describe('a type name inside another word names no document', () => {
  it('reads "kỷ luật cán bộ, công chức" as discipline, not as "Luật Cán bộ, công chức"', async () => {
    const response = await ask('Thời hạn xử lý kỷ luật cán bộ, công chức tối đa là bao lâu?');
    expect(response.abstained).toBe(false);
    expect(response.citations.some((citation) => citation.section.startsWith('dieu.37'))).toBe(true);
  });

  it('still reads "Luật Cán bộ, công chức" as the law', async () => {
    const response = await ask('Luật Cán bộ, công chức có hiệu lực từ ngày nào?');
    expect(response.answer).toContain('01/7/2025');
  });
});

describe('"văn bản này" follows the conversation', () => {
  it('names the signer of the decree the conversation is about, not of the plans', async () => {
    const first = await ask('Nghị định 335/2025/NĐ-CP quy định các mức xếp loại chất lượng công chức thế nào?');
    const response = await ask('Văn bản này do ai ký?', first.conversationId);
    expect(response.answer).toContain('Phạm Thị Thanh Trà');
    expect(documentsCited(response)).toEqual(['nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc']);
  });
});

describe('a list question answered by the article whose heading it asks', () => {
  it('lists the forms of discipline of Luật 80 Điều 36 with the points of its lead-in', async () => {
    const response = await ask('Theo Luật CBCC 2025, công chức vi phạm bị kỷ luật bằng những hình thức nào?');
    expect(response.citations.some((citation) => citation.section.startsWith('dieu.36'))).toBe(true);
    expect(response.answer).toContain('Khiển trách');
    expect(response.answer).toContain('Buộc thôi việc');
  });

  it('lists the rating levels of Nghị định 335 Điều 20, whose heading the question writes', async () => {
    const response = await ask('Nghị định 335/2025/NĐ-CP quy định các mức xếp loại chất lượng công chức thế nào?');
    expect(response.citations.map((citation) => citation.section)).toContain('dieu.20.khoan.1');
    expect(response.answer).toContain('Hoàn thành xuất sắc nhiệm vụ');
  });
});

describe('a document named by type and subject that no known document is', () => {
  it('is not answered with the loaded law of another subject', async () => {
    const response = await ask('Luật Viên chức năm 2025 có hiệu lực từ ngày nào?');
    expect(response.abstained).toBe(true);
    expect(response.abstainReason).toBe('unknown-document');
    expect(response.answer).toContain('Luật Viên không có trong các văn bản đã nạp');
  });

  it('still answers a type named with a known subject, or with "này" / a number', async () => {
    expect((await ask('Luật Cán bộ, công chức có hiệu lực từ ngày nào?')).abstained).toBe(false);
    expect((await ask('Theo Kế hoạch 141/KH-UBND, ai ký?')).abstained).toBe(false);
    expect((await ask('Kế hoạch được gửi tới những nơi nào?')).abstainReason).not.toBe('unknown-document');
  });
});

describe('a term the question names is written by the passage that answers', () => {
  it('abstains when the decree writes "tiền thưởng" elsewhere but not in the clause found', async () => {
    const response = await ask('Nghị định 335 quy định mức tiền thưởng cho công chức hoàn thành xuất sắc nhiệm vụ là bao nhiêu?');
    expect(response.abstained).toBe(true);
    expect(response.abstainReason).toBe('term-unwritten');
  });
});

describe('abbreviated issuers', () => {
  it('reads "HĐND TP" as the council of the city, so the question asks for whom the resolution applies to', async () => {
    const response = await ask('NQ 81 của HĐND TP Hà Nội áp dụng đối với những đối tượng nào?');
    expect(response.abstained).toBe(false);
    expect(documentsCited(response)).toEqual(['nghi-quyet-81-2025-nq-hdnd-ha-noi']);
  });
});

describe('bounds written either way', () => {
  it('reads "tối thiểu" as the decree\'s "ít nhất" and "tối đa" as "không quá"', async () => {
    const rotation = await ask('thoi gian luan chuyen cong chuc toi thieu bao lau');
    expect(rotation.answer).toContain('3 năm');
    const discipline = await ask('Thời hạn xử lý kỷ luật cán bộ, công chức tối đa là bao lâu?');
    expect(discipline.answer).toContain('90 ngày');
  });
});

describe('a fact cue among many words of matter', () => {
  it('reads "trước ngày Luật có hiệu lực" inside a deadline question as matter, not as the law\'s effective date', async () => {
    const response = await ask('Theo Luật 80/2025/QH15, chậm nhất khi nào các Bộ, ngành, địa phương phải bố trí vị trí việc làm cho công chức tuyển dụng trước ngày Luật có hiệu lực?');
    expect(response.intent).not.toBe('document-fact');
    expect(response.citations.some((citation) => citation.section.startsWith('dieu.45'))).toBe(true);
  });
});

describe('a document overview reads the document by its shape', () => {
  it('gives a decree\'s scope article and its size, not a form in its appendix', async () => {
    const response = await ask('Nghị định 170/2025/NĐ-CP quy định những gì?');
    expect(response.citations.map((citation) => citation.section)).toContain('dieu.1');
    expect(response.citations.every((citation) => !citation.section.startsWith('phu-luc'))).toBe(true);
    expect(response.answer).toMatch(/gồm \d+ điều/);
  });
});

describe('"theo quyết định nào" asks which document, not its content', () => {
  it('names the decision a directive cites, from the directive\'s own citation', async () => {
    const response = await ask('Bộ chỉ số 766 nêu trong Chỉ thị 012 được phê duyệt theo quyết định nào?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('766/QĐ-TTg');
    expect(documentsCited(response)).toContain('chi-thi-012-ct-ubnd-2025-dak-lak');
  });
});
