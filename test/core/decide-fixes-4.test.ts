/**
 * Decide and understand fixes of session 4, on the real documents (test/fixtures/real-docs):
 * - a question asking what a numbered appendix or form lists, of a document whose loaded copy
 *   has no appendix (NĐ 335, NĐ 361 copied without them), abstains and says why, instead of
 *   quoting the clause that names the appendix;
 * - "bao nhiêu phần trăm" asks for a share, not how many parts a document has.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';

const { ask } = useRealDocsAssistant();

describe('an appendix the loaded copy lacks', () => {
  it('abstains on what it lists, naming the document, for two decrees', async () => {
    for (const [question, name] of [
      ['Mẫu số 02 Phiếu xếp loại chất lượng trong Phụ lục II Nghị định 335 gồm những mục nào?', 'Nghị định số 335/2025/NĐ-CP'],
      ['Phụ lục V của Nghị định 361 liệt kê những vị trí việc làm nào?', 'Nghị định số 361/2025/NĐ-CP'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(true);
      expect(response.abstainReason).toBe('appendix-not-loaded');
      expect(response.answer).toContain(name);
      expect(response.citations).toEqual([]);
    }
  });

  it('still answers which appendix holds a list, from the decree’s body', async () => {
    const response = await ask('Danh mục vị trí việc làm công chức ở cấp xã được ban hành tại phụ lục nào của Nghị định 361?');
    expect(response.abstainReason).not.toBe('appendix-not-loaded');
  });
});

describe('"bao nhiêu phần trăm"', () => {
  it('is not read as a question on a document’s parts', async () => {
    const share = await ask('Phụ cấp công vụ của công chức cấp xã hiện nay là bao nhiêu phần trăm?');
    expect(share.intent).not.toBe('document-fact');
    expect(share.abstained).toBe(true);
    const parts = await ask('Kế hoạch 141 gồm mấy phần?');
    expect(parts.intent).toBe('document-fact');
    expect(parts.answer).toContain('4 phần');
  });
});

describe('a known unit followed by its place', () => {
  it('is the known unit, not an organ no document names', async () => {
    for (const question of [
      'Sở Nội vụ Đắk Lắk tham mưu xử lý người đứng đầu vi phạm trong giải quyết thủ tục hành chính theo nghị định nào?',
      'Sở NV Đắk Lắk phối hợp với đơn vị nào để đánh giá chất lượng phục vụ người dân?',
    ]) {
      const response = await ask(question);
      expect(response.abstainReason, question).not.toBe('unit-not-named');
    }
    const unknown = await ask('Sở Tài nguyên và Môi trường có nhiệm vụ gì?');
    expect(unknown.abstainReason).toBe('unit-not-named');
  });

  it('answers with the lettered duty of the addressee block that the topic names (Chỉ thị 012, 3.a and 2.d)', async () => {
    const decree = await ask('Sở Nội vụ Đắk Lắk tham mưu xử lý người đứng đầu vi phạm trong giải quyết thủ tục hành chính theo nghị định nào?');
    expect(decree.citations.map((citation) => citation.section)).toEqual(['3.a']);
    expect(decree.answer).toContain('118/2025/NĐ-CP');
    const integration = await ask('Theo Chỉ thị 012, Sở Khoa học và Công nghệ phải làm gì về tích hợp kết quả đánh giá giải quyết TTHC với Cổng Dịch vụ công quốc gia?');
    expect(integration.citations.map((citation) => citation.section)).toContain('2.d');
  });
});

describe('over the one document a question names, its title words rank nothing', () => {
  it('finds the closing sentence of a resolution by the words beside its title (NQ 81)', async () => {
    const response = await ask('Nghị quyết 81/2025/NQ-HĐND về chi thu nhập tăng thêm được thông qua tại kỳ họp thứ mấy?');
    expect(response.citations.map((citation) => citation.section)).toEqual(['closing']);
    expect(response.answer).toContain('Kỳ họp thứ 28');
  });

  it('finds the plan’s funding clause by the words beside its title (Kế hoạch 141)', async () => {
    const response = await ask('Theo Kế hoạch 141 về nâng cao năng lực cán bộ, công chức xây dựng chính sách, pháp luật, đơn vị nào bố trí kinh phí chi thường xuyên?');
    expect(response.citations.map((citation) => citation.section)).toContain('IV.2');
    expect(response.answer).toContain('Sở Tài chính');
  });
});

describe('an unloaded document named by an alias beside a loaded one', () => {
  it('answers from the loaded document the question names, not "not loaded"', async () => {
    for (const question of [
      'Theo Nghị định 361, ai phải xây dựng bản mô tả công việc và khung năng lực của vị trí việc làm?',
      'Theo Nghị định 361, khung năng lực vị trí việc làm được xây dựng theo mẫu nào?',
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(response.citations.every((citation) => citation.documentId === 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc')).toBe(true);
    }
  });

  it('still says the framework is not loaded when only the framework is named', async () => {
    const response = await ask('Khung năng lực vị trí việc làm đối với cán bộ, công chức cấp xã gồm những tiêu chuẩn gì?');
    expect(response.abstainReason).toBe('unloaded-document');
  });
});

describe('a unit no plan gives a task, asked what it leads on a topic', () => {
  it('answers from its duties in a regulation (NĐ 361 Điều 10 khoản 4)', async () => {
    const response = await ask('Bộ Nội vụ chủ trì đề xuất việc gì khi chức năng quản lý nhà nước về một ngành, lĩnh vực thay đổi?');
    expect(response.abstained).toBe(false);
    expect(response.citations.map((citation) => `${citation.documentId}#${citation.section}`)).toContain('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc#dieu.10.khoan.4');
    expect(response.answer).toContain('danh mục vị trí việc làm khung');
  });
});

describe('"gửi … cho ai" in a procedure', () => {
  it('asks where a decision goes, not the document’s recipients; "được gửi đến những đơn vị nào" still does', async () => {
    const procedure = await ask('Theo Nghị định 361, cơ quan có thẩm quyền phải ra quyết định phê duyệt vị trí việc làm trong bao lâu và gửi quyết định cho ai?');
    expect(procedure.intent).not.toBe('document-fact');
    const recipients = await ask('Chỉ thị 012/CT-UBND được gửi đến những đơn vị nào?');
    expect(recipients.intent).toBe('document-fact');
    expect(recipients.citations.map((citation) => citation.section)).toContain('recipients');
  });
});

describe('the bases of a loaded document named with its issuer', () => {
  it('lists that document’s bases, not the documents its issuer signed elsewhere (Kế hoạch 141, NQ 81)', async () => {
    const plan = await ask('Kế hoạch 141 của UBND tỉnh Bắc Ninh được ban hành để thực hiện những văn bản nào?');
    expect(plan.intent).toBe('document-fact');
    expect(plan.answer).toContain('14-KH/TU');
    expect(plan.citations.every((citation) => citation.documentId === 'ke-hoach-141-kh-ubnd-2025-bac-ninh')).toBe(true);
    const resolution = await ask('Nghị quyết 81 của HĐND thành phố Hà Nội căn cứ những văn bản nào?');
    expect(resolution.intent).toBe('document-fact');
    expect(resolution.citations.every((citation) => citation.documentId === 'nghi-quyet-81-2025-nq-hdnd-ha-noi')).toBe(true);
  });
});

describe('a document’s date is cited where it was read', () => {
  it('cites the appendix line for a decree whose header leaves the date out, the header otherwise', async () => {
    const decree = await ask('Nghị định 170/2025/NĐ-CP được ban hành ngày nào?');
    expect(decree.answer).toContain('30/6/2025');
    expect(decree.citations.map((citation) => citation.section)).toEqual(['phu-luc']);
    const directive = await ask('Chỉ thị 012 ban hành ngày nào?');
    expect(directive.citations.map((citation) => citation.section)).toEqual(['header']);
  });
});
