/**
 * Answer fixes of session 5, on the plan and the real documents (test/fixtures/real-docs):
 * - "<unit> chủ trì việc gì liên quan đến <topic>?" answers with the unit's duties on that
 *   topic — the lettered item of a directive's addressee block ("2.d"), the one plan task on
 *   the topic — not every duty of the unit; without a topic, every duty is still listed.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';
import { answerNeed } from '../../server/core/read/spans.js';

const { ask } = useRealDocsAssistant();
const DIRECTIVE = 'chi-thi-012-ct-ubnd-2025-dak-lak';
const PLAN = 'ke-hoach-cbcc-cap-xa-2026';

function places(response: { citations: Array<{ documentId: string; section: string }> }): string[] {
  return response.citations.map((citation) => `${citation.documentId}#${citation.section}`);
}

describe('a unit’s duties on a topic', () => {
  it('picks the lettered item of a directive’s addressee block that covers the topic', async () => {
    for (const [question, unit, place] of [
      ['Theo Chỉ thị 012, Sở Khoa học và Công nghệ phải chủ trì việc gì liên quan đến kết quả đánh giá giải quyết TTHC?', 'Sở Khoa học và Công nghệ', '2.d'],
      ['Theo Chỉ thị 012, Sở Nội vụ phối hợp với đơn vị nào để đánh giá chất lượng phục vụ người dân trong giải quyết TTHC?', 'Sở Nội vụ', '3.c'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(response.answer).toContain(unit);
      expect(places(response), question).toEqual([`${DIRECTIVE}#${place}`]);
    }
  });

  it('picks the plan task on the topic among the unit’s tasks', async () => {
    const response = await ask('Theo kế hoạch nâng cao chất lượng cán bộ cấp xã, Sở Nội vụ chủ trì việc gì liên quan đến tuyển dụng công chức?');
    expect(places(response)).toEqual([`${PLAN}#II.8`]);
  });

  it('lists every duty when the question has no topic', async () => {
    const directive = await ask('Theo Chỉ thị 012, Sở Khoa học và Công nghệ có nhiệm vụ gì?');
    expect(places(directive)).toEqual([`${DIRECTIVE}#2`]);
    const plan = await ask('Theo kế hoạch nâng cao chất lượng cán bộ cấp xã, Sở Nội vụ chủ trì những nhiệm vụ nào?');
    expect(places(plan).length).toBeGreaterThan(2);
  });
});

describe('a share answers "bao nhiêu <noun>"', () => {
  it('reads "50% tiền lương" for "bao nhiêu lương", and "100% các sở" for "bao nhiêu sở"', async () => {
    for (const [question, document, place, figure] of [
      ['cong chuc bi tam dinh chi cong tac ma chua bi ky luat thi duoc huong bao nhieu luong', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc', 'dieu.56.khoan.6.diem.a', '50%'],
      ['Theo Kế hoạch 141, bao nhiêu sở ngành phải bố trí công chức làm công tác xây dựng pháp luật?', 'ke-hoach-141-kh-ubnd-2025-bac-ninh', 'II.2', '100%'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(response.answer).toContain(figure);
      expect(places(response)).toContain(`${document}#${place}`);
    }
  });
});

describe('"ai là người …"', () => {
  it('asks for a role when a verb follows, in two articles of a decree', async () => {
    const chair = await ask('ai la nguoi lam chu tich hoi dong khi thi tuyen cong chuc');
    expect(chair.abstained).toBe(false);
    // The point, under its khoản's lead-in ("… Hội đồng tuyển dụng có 05 hoặc 07 thành viên bao gồm:").
    expect(places(chair)).toEqual(['nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.8.khoan.1', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.8.khoan.1.diem.a']);
    const secretary = await ask('Ai là người làm thư ký hội đồng kiểm tra, sát hạch khi tiếp nhận công chức?');
    expect(secretary.abstainReason).not.toBe('person');
  });

  it('still abstains when it asks who holds an office now', async () => {
    const response = await ask('Chủ tịch UBND tỉnh hiện nay là ai?');
    expect(response.abstained).toBe(true);
  });
});

describe('a count that also names the items', () => {
  it('is answered by the list announcing them, in a law and in a decree', async () => {
    for (const [question, document, article] of [
      ['Luật 80 chia việc xếp loại chất lượng công chức hằng năm thành mấy mức, gồm những mức nào?', 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.26'],
      ['Theo Nghị định 335, công chức được xếp loại chất lượng theo mấy mức, gồm những mức nào?', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc', 'dieu.20'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(response.answer).toContain('Hoàn thành tốt nhiệm vụ');
      expect(response.answer).toContain('Không hoàn thành nhiệm vụ');
      expect(places(response).every((place) => place.startsWith(`${document}#${article}.`)), places(response).join(', ')).toBe(true);
    }
  });
});

describe('definitions', () => {
  it('quotes the clause that defines the term, in a law and in a decree', async () => {
    for (const [question, place, start] of [
      ['Luật Cán bộ, công chức 2025 hiểu "luân chuyển" là gì?', 'luat-80-2025-qh15-can-bo-cong-chuc#dieu.5.khoan.9', 'Luân chuyển là việc'],
      ['the nao la biet phai', 'luat-80-2025-qh15-can-bo-cong-chuc#dieu.5.khoan.10', 'Biệt phái là việc'],
      ['Theo Nghị định 335, đánh giá tổ chức là gì?', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.3.khoan.2', 'Đánh giá tổ chức là việc'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(places(response), question).toEqual([place]);
      expect(response.answer).toContain(`“${start}`);
    }
  });

  it('does not read "nhiệm vụ của công chức là gì" as asking what a civil servant is', async () => {
    const response = await ask('Nhiệm vụ của công chức là gì?');
    expect(places(response)).not.toContain('luat-80-2025-qh15-can-bo-cong-chuc#dieu.1.khoan.2');
  });
});

describe('which document of a type a passage cites', () => {
  it('names the reference the passage on the topic writes, in a directive', async () => {
    for (const [question, place, reference] of [
      ['Chỉ thị 012 yêu cầu Sở Nội vụ tham mưu xử lý vi phạm trong giải quyết thủ tục hành chính căn cứ nghị định nào?', `${DIRECTIVE}#3.a`, 'Nghị định số 118/2025/NĐ-CP'],
      ['Chỉ thị 012 dẫn chiếu nghị quyết nào của Chính phủ về chương trình cắt giảm, đơn giản hóa thủ tục hành chính?', `${DIRECTIVE}#1.b`, 'Nghị quyết số 66/NQ-CP'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(response.answer.split('\n')[0]).toContain(reference);
      expect(places(response)).toEqual([place]);
    }
  });

  it('lists every reference of the types asked in a plan’s passage', async () => {
    const response = await ask('Kế hoạch 141 yêu cầu tuyên truyền, quán triệt những nghị quyết, quy định nào của Trung ương cho cán bộ và Nhân dân?');
    for (const reference of ['66-NQ/TW', '178-QĐ/TW', '197/2025/QH15']) expect(response.answer).toContain(reference);
    expect(new Set(places(response))).toEqual(new Set(['ke-hoach-141-kh-ubnd-2025-bac-ninh#III.2']));
  });

  it('abstains when the passage on the topic cites no document of the type', async () => {
    const response = await ask('Bộ Nội vụ đã ban hành thông tư nào hướng dẫn xếp lương cho người được tuyển dụng vào công chức đã có thời gian đóng bảo hiểm xã hội theo Nghị định 170?');
    expect(response.abstained).toBe(true);
    expect(response.abstainReason).toBe('no-cited-document');
  });

  it('leaves a type name used as a common noun alone ("khung năng lực là khi nào")', async () => {
    const response = await ask('Hạn chót rà soát tiêu chuẩn, tiêu chí khung năng lực là khi nào?');
    expect(response.abstainReason).not.toBe('no-cited-document');
  });
});

describe('"tại thời điểm …" is the question’s setting, not a time asked', () => {
  it('reads the need from the way of asking', () => {
    expect(answerNeed('cong chuc vang mat tai thoi diem xep loai thi xep loai the nao')).toBe('what');
    expect(answerNeed('thoi diem xep loai chat luong cong chuc hang nam')).toBe('when');
  });

  it('answers how a case is rated from the clause on it', async () => {
    const response = await ask('Theo Nghị định 335, công chức vắng mặt có lý do chính đáng tại thời điểm xếp loại thì xếp loại thế nào?');
    expect(response.abstained).toBe(false);
    expect(places(response)).toEqual(['nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.19.khoan.3']);
  });
});

describe('an article whose heading names the things listed', () => {
  it('answers "những nguyên tắc nào", "những trường hợp nào", in a law and a decree', async () => {
    for (const [question, article] of [
      ['Tuyển dụng công chức theo Luật 80/2025/QH15 phải tuân theo những nguyên tắc nào?', 'luat-80-2025-qh15-can-bo-cong-chuc#dieu.18'],
      ['Theo Nghị định 170, những trường hợp nào thì được xét tuyển công chức?', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.5'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(places(response).length).toBeGreaterThan(1);
      expect(places(response).every((place) => place.startsWith(`${article}.`)), places(response).join(', ')).toBe(true);
    }
  });
});

describe('a quote keeps to one point', () => {
  it('does not add the next point’s sentence of the same clause', async () => {
    const response = await ask('Theo NĐ 335, ai theo dõi, đánh giá người đứng đầu cơ quan sử dụng công chức?');
    expect(places(response)).toEqual(['nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.10.khoan.1', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.10.khoan.1.diem.a']);
    expect(response.answer).not.toContain('cấp phó');
  });
});

describe('a place named and asked what it says', () => {
  it('quotes that article or clause, in a law and in two decrees', async () => {
    for (const [question, document, address] of [
      ['Điều 19 Luật Cán bộ, công chức quy định gì?', 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.19'],
      ['Khoản 2 Điều 19 Nghị định 335 nói gì?', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc', 'dieu.19.khoan.2'],
      ['Điều 8 Nghị định 361 quy định gì?', 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc', 'dieu.8'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(places(response).length).toBeGreaterThan(0);
      expect(places(response).every((place) => place === `${document}#${address}` || place.startsWith(`${document}#${address}.`)), places(response).join(', ')).toBe(true);
    }
  });

  it('asks which document when several have that article and none is named', async () => {
    const response = await ask('Điều 19 quy định gì?');
    expect(response.citations).toEqual([]);
    expect(response.answer).toContain('bạn hỏi về văn bản nào');
  });
});

describe('a list question that negates', () => {
  it('is answered by the list of what is not done, not of what is, in a decree and a law', async () => {
    for (const [question, place] of [
      ['Những trường hợp nào không thực hiện điều động công chức?', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.25.khoan.5'],
      ['Những lý do nào khiến đơn xin thôi việc của công chức không được giải quyết?', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.57.khoan.2.diem.c'],
      ['Theo Luật 80, những người nào không được đăng ký dự tuyển công chức?', 'luat-80-2025-qh15-can-bo-cong-chuc#dieu.19.khoan.3'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(places(response).every((cited) => cited === place || cited.startsWith(`${place}.`)), `${question} → ${places(response).join(', ')}`).toBe(true);
    }
  });
});
