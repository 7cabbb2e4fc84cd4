/**
 * General fixes measured on the real documents (test/fixtures/real-docs/) loaded beside the
 * plan: English civil-service words reach the Vietnamese clauses; a unit no loaded document
 * names is not answered with another unit's tasks. Every quote is checked verbatim.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';
import type { AskResponse } from '../../server/core/types.js';

const DECREE_335 = 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc';
const PLAN_141 = 'ke-hoach-141-kh-ubnd-2025-bac-ninh';

const { ask } = useRealDocsAssistant();

const sectionsCited = (response: AskResponse): string[] => response.citations.map((citation) => `${citation.documentId}#${citation.section}`);

describe('English questions over the regulations and plans', () => {
  it('maps "rated each year" to the decree’s clause on the yearly rating date', async () => {
    const response = await ask('By when must civil servants be rated each year under Decree 335/2025?');
    expect(response.abstained).toBe(false);
    expect(sectionsCited(response).some((section) => section.startsWith(`${DECREE_335}#dieu.19`))).toBe(true);
    expect(response.answer).toContain('15 tháng 12');
  });

  it('maps "study tours on law-making experience" to the plan’s task and its lead unit', async () => {
    const response = await ask('In the Bac Ninh plan 141, which department leads study tours on law-making experience?');
    expect(response.abstained).toBe(false);
    expect(sectionsCited(response)).toContain(`${PLAN_141}#III.9`);
    expect(response.answer).toContain('Sở Tư pháp');
  });
});

describe('a unit no document in scope names', () => {
  it('abstains for an organ no loaded document writes, instead of another unit’s tasks', async () => {
    for (const question of ['Sở Y tế có nhiệm vụ gì?', 'Theo Kế hoạch 141, Sở Y tế chủ trì nhiệm vụ nào?']) {
      const response = await ask(question);
      expect(response.abstained).toBe(true);
      expect(response.citations).toEqual([]);
      expect(response.answer).toContain('Sở Y tế');
    }
  });

  it('abstains for a unit other documents name but the document asked about does not', async () => {
    const response = await ask('Chỉ thị 012/CT-UBND giao Sở Tài chính nhiệm vụ gì?');
    expect(response.abstained).toBe(true);
  });

  it('still answers for an organ the document in scope writes, by name or by abbreviation', async () => {
    const directive = await ask('Theo Chỉ thị 012, Sở Nội vụ có nhiệm vụ gì?');
    expect(directive.abstained).toBe(false);
    const plan = await ask('Sở KH&CN chủ trì nhiệm vụ nào?');
    expect(plan.abstained).toBe(false);
    expect(plan.answer).toContain('Sở Khoa học và Công nghệ');
  });
});

describe('over several documents the answering passage writes the question’s word pairs', () => {
  it('abstains when only common syllables meet a passage of another matter', async () => {
    for (const question of ['Mức lương cơ sở năm 2026 là bao nhiêu đồng?', 'Thủ tục làm căn cước công dân gồm những bước nào?', 'Quy trình cấp giấy phép xây dựng ở phường?']) {
      const response = await ask(question);
      expect(response.abstained).toBe(true);
      expect(response.citations).toEqual([]);
    }
  });

  it('still answers a figure from the clause that states it, in two documents', async () => {
    const decree = await ask('Để được xếp loại hoàn thành tốt nhiệm vụ, công chức cần đạt bao nhiêu điểm?');
    expect(decree.abstained).toBe(false);
    expect(decree.answer).toContain('70 điểm');
    expect(decree.citations.map((citation) => citation.documentId)).toContain(DECREE_335);
    const directive = await ask('Chỉ thị 012 yêu cầu cắt giảm tối thiểu bao nhiêu thời gian thực hiện thủ tục hành chính?');
    expect(directive.abstained).toBe(false);
    expect(directive.answer).toContain('30%');
  });
});

describe('"Ai …?" over clauses naming different actors for different objects', () => {
  it('answers from the clause that writes the question’s object with the verb', async () => {
    const response = await ask('Ai công nhận kết quả đánh giá, xếp loại chất lượng đối với Ủy ban nhân dân cấp xã?');
    expect(response.abstained).toBe(false);
    expect(sectionsCited(response)).toEqual([`${DECREE_335}#dieu.5.khoan.2`]);
    expect(response.answer).toContain('Chủ tịch Ủy ban nhân dân cấp tỉnh');
  });

  it('takes "theo dõi, đánh giá" as an actor’s duty', async () => {
    const response = await ask('Ai theo dõi, đánh giá người đứng đầu cơ quan sử dụng công chức?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('Người đứng đầu cơ quan quản lý công chức');
  });
});

describe('a loaded document’s place written as one word', () => {
  it('takes "Hanoi" for the resolution’s "Hà Nội", not for an unknown word', async () => {
    const response = await ask('What is the 2026 funding rate for additional income under Hanoi’s Resolution 81/2025?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('0,8');
  });
});

describe('English names of departments are units', () => {
  it('gives a unit’s duties from the directive and from the plan when named in English', async () => {
    const directive = await ask('What does Directive 012/CT-UBND of Dak Lak require of the Department of Home Affairs?');
    expect(directive.abstained).toBe(false);
    expect(directive.answer).toContain('Sở Nội vụ được giao');
    const plan = await ask('What are the duties of the Department of Justice in plan 141?');
    expect(plan.abstained).toBe(false);
    expect(plan.answer).toContain('Sở Tư pháp được giao');
  });
});

describe('"Ai phải …?" answered under a heading that names whom a section addresses', () => {
  it('quotes the heading as the actors, in the directive and in the plan', async () => {
    for (const question of [
      'Theo Chỉ thị 012/CT-UBND, ai phải rà soát, chuẩn hóa mẫu đơn, tờ khai và thiết lập biểu mẫu điện tử tương tác (E-Form)?',
      'Theo Chỉ thị 012, ai phải tăng cường hiệu quả các kênh thông tin tiếp nhận phản hồi của người dân, doanh nghiệp?',
    ]) {
      const response = await ask(question);
      expect(response.abstained).toBe(false);
      expect(response.answer).toMatch(/mục 1(?:\.[a-zđ])? \(Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường\)/);
    }
    const plan = await ask('Ai phải phối hợp hướng dẫn chuyên môn, nghiệp vụ đối với cán bộ, công chức cấp xã thuộc lĩnh vực quản lý?');
    expect(plan.answer).toContain('(Các sở, ban, ngành)');
  });
});

describe('"luật" inside a word is not the type of a document', () => {
  const PLAN = 'ke-hoach-cbcc-cap-xa-2026';

  it('answers "kỷ luật" and "pháp luật" questions from the plans, not from the law', async () => {
    const discipline = await ask('Nhiệm vụ nâng cao kỷ luật kỷ cương hành chính do ai chủ trì?');
    expect(discipline.citations.map((citation) => citation.documentId)).toContain(PLAN);
    expect(discipline.answer).toMatch(/Ủy ban nhân dân các xã/i);
    const lawMaking = await ask('Ai tổ chức hội nghị, hội thảo trong công tác xây dựng pháp luật?');
    expect(sectionsCited(lawMaking)).toContain(`${PLAN_141}#III.8`);
  });

  it('still takes "Luật" first, after "theo" or after a year as the law', async () => {
    const english = await ask('When does the 2025 Law on Cadres and Civil Servants take effect?');
    expect(english.answer).toContain('01/7/2025');
    const named = await ask('Theo Luật Cán bộ, công chức, kết quả xếp loại chất lượng công chức được lưu vào đâu?');
    expect(named.citations.every((citation) => citation.documentId === 'luat-80-2025-qh15-can-bo-cong-chuc')).toBe(true);
  });
});

describe('"bao nhiêu" needs an amount, not a date or an article number', () => {
  it('abstains when the passages found only hold dates and references', async () => {
    for (const question of ['Mức phụ cấp công vụ cho công chức cấp xã năm 2026 là bao nhiêu?', 'Chỉ tiêu tuyển dụng công chức xã năm 2026 là bao nhiêu người?']) {
      const response = await ask(question);
      expect(response.abstained).toBe(true);
    }
  });
});

describe('a question for a time or a length needs a passage that states one', () => {
  it('abstains rather than quote a sentence without a time, in the directive or the decree', async () => {
    for (const question of ['Thời hạn hoàn thành sắp xếp đơn vị hành chính?', 'Điều kiện để được xét nâng lương trước thời hạn là gì?']) {
      const response = await ask(question);
      expect(response.abstained).toBe(true);
    }
  });

  it('still answers a time the clause states', async () => {
    const response = await ask('By when must civil servants be rated each year under Decree 335/2025?');
    expect(response.answer).toContain('15 tháng 12');
  });
});

describe('a question counting a unit it names', () => {
  it('abstains instead of listing the unit’s duties, over the plan and over the plan 141', async () => {
    for (const question of ['How many communes does Ninh Binh have?', 'Theo Kế hoạch 141, có mấy Sở Tư pháp?']) {
      const response = await ask(question);
      expect(response.abstained).toBe(true);
    }
  });

  it('still counts a unit’s tasks', async () => {
    const response = await ask('Sở Nội vụ có bao nhiêu nhiệm vụ?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toMatch(/\d+ nhiệm vụ/);
  });
});
