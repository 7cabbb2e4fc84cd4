/**
 * Answer fixes of session 6, on the real documents (test/fixtures/real-docs):
 * - a question naming a document by its subject ("NQ 81 … về thu nhập tăng thêm") finds the
 *   article whose heading is the rest of the question ("Đối tượng áp dụng");
 * - a bare line of a list is quoted under its lead-in ("b) Xếp ngạch … đối với:");
 * - between sentences covering the topic alike, the one naming the level, role or round the
 *   question names wins over one naming only another member of the same contrast group.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';
import { exceptedClauses } from '../../server/core/answer/document-answers.js';
import type { CorpusDocument, Section } from '../../ingest/types.js';
import { expandTokens, loadQueryVocabulary } from '../../server/core/query/vocabulary.js';
import { foldedTokens } from '../../common/text-key.js';

const vocabulary = loadQueryVocabulary();

const { ask } = useRealDocsAssistant();
const DECREE_361 = 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc';

function places(response: { citations: Array<{ documentId: string; section: string }> }): string[] {
  return response.citations.map((citation) => `${citation.documentId}#${citation.section}`);
}

describe('an article named by its heading beside the document’s subject', () => {
  it('answers "áp dụng cho những đối tượng nào" with the article on who it applies to', async () => {
    for (const [question, document] of [
      ['NQ 81 của Hà Nội về thu nhập tăng thêm áp dụng cho những đối tượng nào?', 'nghi-quyet-81-2025-nq-hdnd-ha-noi'],
      ['Nghị định 335 về đánh giá, xếp loại chất lượng công chức áp dụng cho những đối tượng nào?', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(places(response).every((place) => place.startsWith(`${document}#dieu.2.`)), question).toBe(true);
    }
  });

  it('keeps the title’s words when they tell two articles apart ("… đối với công chức" in a law on cán bộ, công chức)', async () => {
    const officials = await ask('Theo Luật 80, công chức có thể bị áp dụng những hình thức kỷ luật nào?');
    expect(places(officials)[0]).toMatch(/#dieu\.36\./);
    const cadres = await ask('Theo Luật 80, cán bộ có thể bị áp dụng những hình thức kỷ luật nào?');
    expect(places(cadres)[0]).toMatch(/#dieu\.35\./);
  });
});

describe('the level, role or round the question names', () => {
  it('quotes a bare line of a list under its lead-in, for the level asked', async () => {
    const response = await ask('Người đứng đầu và cấp phó cơ quan chuyên môn thuộc UBND xã được xếp ngạch gì theo NĐ 361?');
    expect(places(response)).toContain(`${DECREE_361}#dieu.9.khoan.3.diem.b`);
    expect(response.answer).toContain('Xếp ngạch chuyên viên chính và tương đương đối với:');
    expect(response.answer).toContain('thuộc xã');
    expect(response.answer).not.toContain('chuyên viên cao cấp');
  });

  it('prefers the head to the deputy, and the commune to the province, when the topic ties', async () => {
    const head = await ask('Giám đốc sở (người đứng đầu cơ quan chuyên môn thuộc tỉnh) được bố trí theo ngạch chuyên viên cao cấp với tỷ lệ bao nhiêu?');
    expect(places(head)).toContain(`${DECREE_361}#dieu.8.khoan.1.diem.a`);
    expect(places(head)).not.toContain(`${DECREE_361}#dieu.8.khoan.1.diem.b`);
    expect(head.answer).toContain('100%');
    const deputy = await ask('Theo NĐ 361, cấp phó người đứng đầu cơ quan chuyên môn thuộc tỉnh được bố trí ngạch chuyên viên cao cấp với tỷ lệ bao nhiêu?');
    expect(places(deputy)).toContain(`${DECREE_361}#dieu.8.khoan.1.diem.b`);
    expect(places(deputy)).not.toContain(`${DECREE_361}#dieu.8.khoan.1.diem.a`);
    const commune = await ask('Theo NĐ 361, UBND xã được bố trí cấp phó người đứng đầu cơ quan chuyên môn với tỷ lệ bao nhiêu?');
    expect(places(commune)[0]).toMatch(/#dieu\.8\.khoan\.2/);
    expect(commune.answer).toContain('thuộc xã');
  });
});

describe('an effective date with an exception', () => {
  it('quotes the clause the exception names ("trừ trường hợp quy định tại khoản 2 Điều này")', async () => {
    const response = await ask('Luật Cán bộ, công chức 2025 có hiệu lực khi nào, phần đánh giá công chức thì áp dụng từ lúc nào?');
    expect(places(response)).toContain('luat-80-2025-qh15-can-bo-cong-chuc#dieu.44.khoan.2');
    expect(response.answer).toContain('01 tháng 01 năm 2026');
  });

  it('reads the clauses named, in the same article only (synthetic sections)', () => {
    const section = (address: string, text: string) => ({ address, text, kind: 'clause' }) as unknown as Section;
    const document = {
      sections: [
        section('dieu.9.khoan.1', 'Nghị quyết này có hiệu lực từ ngày 01 tháng 02 năm 2026, trừ quy định tại khoản 2 và khoản 3 Điều này.'),
        section('dieu.9.khoan.2', 'Quy định về chế độ hỗ trợ được thực hiện từ ngày 01 tháng 7 năm 2026.'),
        section('dieu.9.khoan.3', 'Quy định về thủ tục được thực hiện từ ngày 01 tháng 01 năm 2027.'),
      ],
    } as unknown as CorpusDocument;
    expect(exceptedClauses(document, 'dieu.9.khoan.1', document.sections[0].text).map((item) => item.address)).toEqual(['dieu.9.khoan.2', 'dieu.9.khoan.3']);
    expect(exceptedClauses(document, 'dieu.9.khoan.1', 'Có hiệu lực từ ngày ký, trừ trường hợp quy định tại khoản 2 Điều 5 Luật này.')).toEqual([]);
    expect(exceptedClauses(document, 'dieu.9.khoan.1', 'Có hiệu lực từ ngày ký.')).toEqual([]);
    // "khoản 12 Điều 5" is another article's khoản 12, not this one's khoản 1; "khoản 2, 3" names both.
    expect(exceptedClauses(document, 'dieu.9.khoan.1', 'Có hiệu lực từ ngày ký, trừ trường hợp quy định tại khoản 12 Điều 5 Luật này.')).toEqual([]);
    expect(exceptedClauses(document, 'dieu.9.khoan.1', 'Có hiệu lực từ ngày ký, trừ quy định tại khoản 2, 3 Điều này.').map((item) => item.address)).toEqual(['dieu.9.khoan.2', 'dieu.9.khoan.3']);
  });
});

describe('a point quoted under its khoản’s lead-in', () => {
  it('says what the listed case is for ("Các trường hợp không thực hiện điều động", "… không áp dụng thời hiệu …:")', async () => {
    for (const [question, point, lead] of [
      ['Tôi đang được cử đi học dài hạn. Đơn vị có thể điều động tôi sang cơ quan khác trong thời gian này không?', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.25.khoan.5.diem.d', 'Các trường hợp không thực hiện điều động'],
      ['Đảng viên vi phạm đến mức bị khai trừ thì có được tính thời hiệu xử lý kỷ luật không?', 'luat-80-2025-qh15-can-bo-cong-chuc#dieu.37.khoan.2.diem.a', 'không áp dụng thời hiệu xử lý kỷ luật'],
    ]) {
      const response = await ask(question);
      expect(places(response), question).toEqual([point.replace(/\.diem\.[^.]+$/, ''), point]);
      const answer = response.answer;
      expect(answer.indexOf(lead), question).toBeGreaterThan(-1);
      expect(answer.indexOf(lead)).toBeLessThan(answer.indexOf('[2]'));
    }
  });
});

describe('document facts asked in other words', () => {
  it('reads "ai đứng tên ký … với cương vị gì" as the signer, in a directive and a resolution', async () => {
    for (const [question, document] of [
      ['Ai đứng tên ký Chỉ thị 012 của UBND tỉnh Đắk Lắk và ký với cương vị gì?', 'chi-thi-012-ct-ubnd-2025-dak-lak'],
      ['ai dung ten ky nghi quyet 81', 'nghi-quyet-81-2025-nq-hdnd-ha-noi'],
    ]) {
      const response = await ask(question);
      expect(places(response), question).toEqual([`${document}#signature`]);
    }
  });

  it('reads "thay cho … nào" as what the document replaces, in a resolution and a decree', async () => {
    const resolution = await ask('Nghị quyết chi thu nhập tăng thêm năm 2026 của Hà Nội thay cho nghị quyết nào trước đó?');
    expect(resolution.answer).toContain('46/2024/NQ-HĐND');
    const decree = await ask('Nghị định 170 thay cho những nghị định nào?');
    expect(decree.answer).toContain('138/2020/NĐ-CP');
  });
});

describe('a cited document asked about beside the loaded one citing it', () => {
  it('quotes what the loaded document says of it instead of abstaining on its unloaded text', async () => {
    const response = await ask('Nghị định 170 có tác động gì đến Nghị định 33/2023/NĐ-CP về cán bộ, công chức cấp xã?');
    expect(response.abstained).toBe(false);
    expect(places(response)).toEqual(['nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.71.khoan.3']);
    expect(response.answer).toContain('Bãi bỏ');
    const plan = await ask('Theo Kế hoạch 141, Nghị quyết 197/2025/QH15 quy định chính sách gì?');
    expect(plan.abstained).toBe(false);
    expect(places(plan).every((place) => place.startsWith('ke-hoach-141-kh-ubnd-2025-bac-ninh#'))).toBe(true);
  });

  it('still abstains on the unloaded text when no loaded document is named', async () => {
    const response = await ask('Nghị quyết 197/2025/QH15 quy định chính sách gì?');
    expect(response.abstained).toBe(true);
    expect(response.abstainReason).toBe('unloaded-document');
  });
});

describe('"những <noun> gì" names the things listed', () => {
  it('answers with the article headed by them, in a law and a decree', async () => {
    for (const [question, place] of [
      ['Luật CBCC 2025 đặt ra những nguyên tắc gì khi thi hành công vụ?', 'luat-80-2025-qh15-can-bo-cong-chuc#dieu.2.'],
      ['Nghị định 361 có những nguyên tắc gì khi xác định vị trí việc làm?', 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc#dieu.3.'],
    ]) {
      const response = await ask(question);
      expect(places(response).length, question).toBeGreaterThan(2);
      expect(places(response).every((item) => item.startsWith(place)), question).toBe(true);
    }
  });
});

describe('a question told as a story', () => {
  it('is read on its asked sentence when that sentence has a topic of its own, in a resolution and a decree', async () => {
    const member = await ask('Tôi công tác tại một Hội được Đảng, Nhà nước giao nhiệm vụ ở Hà Nội. Hội của tôi có thuộc đối tượng áp dụng Nghị quyết 81 không?');
    expect(places(member)[0]).toBe('nghi-quyet-81-2025-nq-hdnd-ha-noi#dieu.2.khoan.2');
    const transfer = await ask('Xã tôi tiếp nhận một viên chức về làm công chức, không giữ chức vụ lãnh đạo. Có cần thành lập Hội đồng kiểm tra, sát hạch không?');
    expect(places(transfer)[0]).toBe('nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.14.khoan.2');
    expect(transfer.answer).toContain('Không thành lập Hội đồng kiểm tra, sát hạch');
  });

  it('keeps the story when the asked sentence points back into it ("trong thời gian này")', async () => {
    const response = await ask('Tôi đang được cử đi học dài hạn. Đơn vị có thể điều động tôi sang cơ quan khác trong thời gian này không?');
    expect(places(response)).toContain('nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.25.khoan.5.diem.d');
  });
});

describe('paraphrases the documents do not write (vocabulary)', () => {
  it('reads "trượt", "sai phạm", "làm xong", "gõ lại" as the documents’ words', () => {
    for (const [typed, written] of [
      ['thí sinh bị trượt', 'khong trung tuyen'],
      ['phát hiện sai phạm', 'vi pham'],
      ['phải làm xong trước ngày nào', 'hoan thanh'],
      ['gõ lại thông tin', 'nhap lai'],
    ]) {
      expect(expandTokens(foldedTokens(typed), vocabulary).tokens.join(' '), typed).toContain(written);
    }
  });

  it('answers a candidate who failed with the clause on those not admitted', async () => {
    const response = await ask('Thí sinh bị trượt kỳ thi tuyển công chức có được bảo lưu kết quả không?');
    expect(places(response)).toEqual(['nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc#dieu.10.khoan.4']);
  });
});

describe('who, when the actor is the article’s title', () => {
  it('names the authority an article is about, and a share in the topic does not ask a figure', async () => {
    for (const [question, place, actor] of [
      ['Theo NĐ 361, cơ quan nào trình Chính phủ ban hành văn bản quy phạm pháp luật về vị trí việc làm, tỷ lệ công chức?', 'dieu.10.khoan.1', 'Bộ Nội vụ'],
      ['Theo NĐ 361, ai giải quyết khiếu nại, tố cáo về vị trí việc làm, tỷ lệ công chức ở các cơ quan thuộc tỉnh?', 'dieu.11.khoan.4', 'Ủy ban nhân dân cấp tỉnh'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(false);
      expect(places(response), question).toEqual([`${DECREE_361}#${place}`]);
      expect(response.answer, question).toContain(actor);
    }
  });
});

describe('"làm căn cứ cho những việc gì"', () => {
  it('asks what a result is a basis for, not the document’s legal bases', async () => {
    const response = await ask('Kết quả theo dõi, đánh giá công chức hằng quý được dùng làm căn cứ cho những việc gì?');
    expect(places(response)[0]).toMatch(/^nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu\.23\.khoan\.1/);
    expect(response.answer).not.toContain('bạn hỏi về văn bản nào');
  });
});

describe('the effective date and what a document repeals, asked together', () => {
  it('answers both, each clause once, in a decree and a resolution', async () => {
    for (const [question, document, effective, ending] of [
      ['Nghị định 335 có hiệu lực từ ngày nào và bãi bỏ quy định của nghị định nào?', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc', 'dieu.27.khoan.1', 'dieu.27.khoan.2'],
      ['Nghị quyết 81 có hiệu lực khi nào và thay thế nghị quyết nào?', 'nghi-quyet-81-2025-nq-hdnd-ha-noi', 'dieu.7.khoan.1', 'dieu.7.khoan.2'],
    ]) {
      const response = await ask(question);
      expect(places(response), question).toEqual([`${document}#${effective}`, `${document}#${ending}`]);
      expect(response.answer.match(/“2\. /g)?.length, question).toBe(1);
    }
  });
});

describe('a number the question writes', () => {
  it('tells apart points that differ only by it ("Cục loại 1" / "Cục loại 2")', async () => {
    for (const [kind, point] of [['1', 'c'], ['2', 'd']]) {
      const response = await ask(`Theo NĐ 361, ở Cục loại ${kind} thì tỷ lệ công chức ngạch chuyên viên chính tối đa là bao nhiêu?`);
      expect(places(response), kind).toContain(`${DECREE_361}#dieu.7.khoan.3.diem.${point}`);
    }
  });
});

describe('a task of a loaded plan that carries out a cited document', () => {
  it('answers the task’s aspect when the question places it in the plan’s province', async () => {
    const response = await ask('Ở Bắc Ninh, chính sách hỗ trợ theo Nghị quyết 197/2025/QH15 cho người làm công tác xây dựng pháp luật do sở nào chủ trì thực hiện?');
    expect(response.abstained).toBe(false);
    expect(places(response)).toContain('ke-hoach-141-kh-ubnd-2025-bac-ninh#III.6');
  });

  it('still describes the cited document when no loaded one is placed or named', async () => {
    const response = await ask('Nghị quyết 197/2025/QH15 có hiệu lực từ ngày nào?');
    expect(response.intent).toBe('reference');
  });
});

describe('a share asked of one thing', () => {
  it('abstains when the only figure found is a share of another thing ("30% thời gian thực hiện TTHC")', async () => {
    const response = await ask('Chỉ thị 012 giao chỉ tiêu tỷ lệ số hóa hồ sơ thủ tục hành chính cho các xã là bao nhiêu phần trăm?');
    expect(response.abstained).toBe(true);
    expect(response.abstainReason).toBe('figure-off-topic');
  });

  it('still answers a share of the thing asked, in a plan and a decree', async () => {
    const plan = await ask('Theo Kế hoạch 141, bao nhiêu phần trăm sở, ngành phải bố trí công chức làm công tác xây dựng pháp luật?');
    expect(plan.answer).toContain('100%');
    const decree = await ask('Theo NĐ 361, cấp phó người đứng đầu cơ quan chuyên môn thuộc tỉnh được bố trí ngạch chuyên viên cao cấp tối đa bao nhiêu phần trăm?');
    expect(decree.answer).toContain('50%');
  });
});

describe('a list quoted after its lead-in', () => {
  it('cites each item that is a point of its own, in a decree and a resolution', async () => {
    const decree = await ask('Kết quả theo dõi, đánh giá công chức hằng quý được dùng làm căn cứ cho những việc gì?');
    for (const point of ['a', 'b', 'c', 'd']) expect(places(decree)).toContain(`nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc#dieu.23.khoan.1.diem.${point}`);
    const resolution = await ask('UBND Thành phố Hà Nội được giao những việc gì để thực hiện Nghị quyết 81?');
    expect(places(resolution)).toContain('nghi-quyet-81-2025-nq-hdnd-ha-noi#dieu.6.khoan.1.diem.d');
  });
});

describe('words of the document facts read narrowly', () => {
  it('"ký thay cho … gì" asks the signer, not what the document replaces; "lấy … làm căn cứ" still asks the bases', async () => {
    const signer = await ask('Ai ký thay cho Chủ tịch ở Chỉ thị 012 và với chức vụ gì?');
    expect(places(signer)).toEqual(['chi-thi-012-ct-ubnd-2025-dak-lak#signature']);
    const bases = await ask('Nghị quyết 81 lấy những văn bản nào làm căn cứ?');
    expect(places(bases).every((place) => place === 'nghi-quyet-81-2025-nq-hdnd-ha-noi#preamble')).toBe(true);
    expect(places(bases).length).toBeGreaterThan(0);
  });
});

describe('an English definition question naming the law', () => {
  it('finds the defining clause past the English words the glossary leaves ("under Law No. 80/2025/QH15")', async () => {
    const servant = await ask('What is a civil servant under Law No. 80/2025/QH15?');
    expect(places(servant)).toEqual(['luat-80-2025-qh15-can-bo-cong-chuc#dieu.1.khoan.2']);
    const secondment = await ask('What is secondment under Law No. 80/2025/QH15?');
    expect(places(secondment)[0]).toMatch(/^luat-80-2025-qh15-can-bo-cong-chuc#dieu\.5\.khoan\./);
  });
});
