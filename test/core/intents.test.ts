/**
 * Each intent over the shipped plan: what the answer names, which sections it cites, and that
 * every citation holds (verbatim quote, existing address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForMatch } from '../../ingest/normalize/index.js';
import type { Registry } from '../../ingest/types.js';
import { createPlanAssistant } from '../../server/core/assistant.js';
import type { AskResponse, PlanAssistant } from '../../server/core/types.js';
import { citationProblems } from '../eval/scorer.js';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

let shipped: ShippedIndex;
let assistant: PlanAssistant;
let registry: Registry;

beforeAll(async () => {
  shipped = await buildShippedIndex();
  assistant = createPlanAssistant({ index: shipped.index, config: shipped.config });
  registry = shipped.index.registry;
});
afterAll(() => shipped.cleanup());

async function ask(question: string): Promise<AskResponse> {
  const response = await assistant.ask({ question });
  expect(citationProblems(response, registry)).toEqual([]);
  return response;
}

const sections = (response: AskResponse): string[] => response.citations.map((citation) => citation.section);
const folded = (text: string): string => foldForMatch(text);

describe('task questions', () => {
  it('names the lead of a task found by its description, with the field line as quote', async () => {
    const response = await ask('Đơn vị nào chủ trì nhiệm vụ rà soát hoàn thiện tiêu chuẩn, tiêu chí khung năng lực?');
    expect(response.answer).toContain('Sở Nội vụ');
    expect(response.answer).toMatch(/Theo Kế hoạch, mục II\.4, đơn vị chủ trì là Sở Nội vụ \[1\]/);
    expect(response.citations[0]).toMatchObject({ section: 'II.4', quote: '- Đơn vị chủ trì thực hiện: Sở Nội vụ.' });
    expect(response.intent).toBe('lead');
  });

  it('reads "Đơn vị thực hiện" of items 1–3 as the lead', async () => {
    const response = await ask('Ai chủ trì nhiệm vụ 3?');
    expect(response.answer).toContain('Ủy ban nhân dân các xã, phường');
    expect(sections(response)).toEqual(['II.3']);
  });

  it('names coordinating units, each bullet quoted, and a "phối hợp với" in the lead line', async () => {
    const ten = await ask('Who coordinates task 10?');
    expect(ten.answer).toContain('Sở Tài chính');
    expect(ten.answer).toContain('Sở Khoa học và Công nghệ');
    const five = await ask('Sở Nội vụ phối hợp với đơn vị nào khi tham mưu phân công, điều động cán bộ về cấp xã?');
    expect(five.answer).toContain('Ban Tổ chức Tỉnh ủy');
    expect(sections(five)).toContain('II.5');
  });

  it('gives the timeline as written plus the due date', async () => {
    const response = await ask('Thời hạn xây dựng kế hoạch nâng cao chất lượng cán bộ của xã, phường?');
    expect(response.answer).toContain('Hoàn thành trong tháng 6/2026 (hạn 30/6/2026)');
    expect(sections(response)).toEqual(['II.3']);
  });

  it('explains a conditional timeline without inventing a date', async () => {
    const response = await ask('Nhiệm vụ 8 thực hiện khi nào?');
    expect(response.answer).toContain('Sau khi có quyết định giao biên chế chính thức hàng năm của cấp có thẩm quyền');
    expect(response.answer).not.toMatch(/hạn \d/);
  });

  it("answers a unit's role in a task with the assignment's duty", async () => {
    const response = await ask('UBND các xã, phường làm gì trong nhiệm vụ đào tạo, bồi dưỡng?');
    expect(response.answer).toContain('đề xuất nhu cầu đào tạo, bồi dưỡng, tập huấn');
    expect(sections(response)).toEqual(['II.6']);
  });

  it('summarizes a task named by number', async () => {
    const response = await ask('Nội dung nhiệm vụ số 2 gồm những gì?');
    expect(response.answer).toContain('nhu cầu đào tạo');
    expect(sections(response)).toContain('II.2');
  });

  it('answers "who does X" with the unit whose duty says X, in its role', async () => {
    const proposes = await ask('Đơn vị nào đề xuất nhu cầu đào tạo, bồi dưỡng?');
    expect(proposes.answer).toMatch(/Ủy ban nhân dân các xã, phường là đơn vị phối hợp/);
    expect(sections(proposes)).toContain('II.6');
    const reports = await ask('Ai tổng hợp, báo cáo kết quả thực hiện kế hoạch cho UBND tỉnh?');
    expect(reports.answer).toContain('Sở Nội vụ');
    expect(sections(reports)).toEqual(['III.2']);
  });

  it('answers each task of a list of numbers', async () => {
    expect(sections(await ask('Hạn của nhiệm vụ 2, 3 và 4?'))).toEqual(['II.2', 'II.3', 'II.4']);
  });

  it('says which tasks exist when a missing task number is asked', async () => {
    const response = await ask('Nhiệm vụ 12 ai chủ trì?');
    expect(response.abstained).toBe(true);
    expect(response.answer).toContain('II.10');
  });
});

describe('lists', () => {
  it('cites every task of a unit as lead', async () => {
    const response = await ask('Các nhiệm vụ do Sở Nội vụ chủ trì là gì?');
    expect(sections(response)).toEqual(['II.4', 'II.5', 'II.6', 'II.8']);
  });

  it('lists tasks due in a month, each with its due date', async () => {
    const response = await ask('Liệt kê các nhiệm vụ có hạn hoàn thành trong tháng 6 năm 2026');
    expect(sections(response)).toEqual(['II.2', 'II.3', 'II.4']);
    expect(response.answer.match(/hạn 30\/6\/2026/g)).toHaveLength(3);
  });

  it('lists recurring tasks and tasks without a dated deadline', async () => {
    expect(sections(await ask('Những nhiệm vụ nào thực hiện thường xuyên hàng năm?'))).toEqual(['II.1', 'II.9', 'II.10']);
    const undated = sections(await ask('Những nhiệm vụ nào chưa có thời hạn cụ thể?'));
    expect(undated).not.toContain('II.2');
    expect(undated).toContain('II.5');
  });

  it('lists tasks due in a month named without a year', async () => {
    expect(sections(await ask('Có những nhiệm vụ nào phải hoàn thành trong tháng 6?'))).toEqual(['II.2', 'II.3', 'II.4']);
    const july = await ask('Nhiệm vụ nào hạn tháng 7?');
    expect(july.answer).toMatch(/^Không có nhiệm vụ nào/);
    expect(july.citations).toEqual([]);
  });

  it('lists tasks without a coordinating unit', async () => {
    expect(sections(await ask('Nhiệm vụ nào không có đơn vị phối hợp?'))).toEqual(['II.1', 'II.2', 'II.3']);
  });

  it('lists what a unit does across the plan', async () => {
    const response = await ask('Sở TC làm gì trong KH này?');
    expect(response.answer).toContain('kinh phí');
    expect(sections(response)).toEqual(['II.10']);
  });
});

describe('document facts and references', () => {
  it('names the signer and role, the province, and says the date and number are blank', async () => {
    expect((await ask('Người ký kế hoạch giữ chức vụ gì?')).answer).toContain('Nguyễn Anh Chức, Phó Chủ tịch');
    expect((await ask('Kế hoạch này là của tỉnh nào?')).answer).toContain('Ninh Bình');
    const date = await ask('Kế hoạch ban hành ngày nào?');
    expect(date.answer).toContain('để trống');
    expect(date.citations[0].quote).toBe('Ninh Bình, ngày tháng năm 2026');
    const number = await ask('Số hiệu của kế hoạch là gì?');
    expect(number.answer).toContain('Số: /KH-UBND');
  });

  it('answers about a cited document from what the plan says, and that its text is not loaded', async () => {
    const response = await ask('Chỉ thị số 18/CT-TTg là của ai và về vấn đề gì?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('Thủ tướng Chính phủ');
    expect(response.answer).toContain('chưa được nạp');
    expect(sections(response)).toContain('preamble');
  });

  it('finds the cited document of an issuer', async () => {
    expect((await ask('Văn bản của Bộ Nội vụ được dẫn chiếu trong kế hoạch là văn bản nào?')).answer).toContain('4614/BNV-CVCC');
  });

  it('abstains on the content of an unloaded document, giving its number, date and issuer', async () => {
    const response = await ask('Nghị quyết 17-NQ/TU đặt chỉ tiêu bao nhiêu phần trăm cán bộ có trình độ đại học?');
    expect(response).toMatchObject({ abstained: true, citations: [] });
    expect(response.answer).toContain('17-NQ/TU');
    expect(response.answer).toContain('10/4/2026');
    expect(response.answer).toContain('Ban Thường vụ Tỉnh ủy');
    expect(response.answer).not.toMatch(/\d+\s*%/);
  });

  it('says what the plan says of the competency framework and that it is not loaded', async () => {
    const response = await ask('Khung năng lực vị trí việc làm đã có trong hệ thống chưa?');
    expect(response.answer).toContain('chưa được nạp');
    expect(sections(response)).toEqual(['II.4']);
  });
});

describe('general content and abstention', () => {
  it('quotes the sentence that answers a content question', async () => {
    const response = await ask('Kế hoạch yêu cầu gì về xử lý hồ sơ trên môi trường điện tử?');
    expect(response.answer).toContain('thời hạn trả kết quả');
    expect(sections(response)).toEqual(['II.9']);
  });

  it.each([
    'Phụ cấp trách nhiệm của công chức địa chính xã là bao nhiêu?',
    'Giá vé tham quan Tràng An năm nay là bao nhiêu?',
    'Dân số tỉnh Ninh Bình là bao nhiêu?',
    'Chủ tịch tỉnh Ninh Bình là ai?',
    'Làm căn cước công dân ở đâu?',
    'Ai chủ trì việc cấp sổ đỏ cho người dân?',
    'luong cong chuc cap xa la bao nhieu',
    'What is the salary of a commune civil servant?',
  ])('abstains off the corpus: %s', async (question) => {
    const response = await ask(question);
    expect(response).toMatchObject({ abstained: true, citations: [] });
    expect(response.answer).toContain('Các văn bản đã nạp không đề cập');
    expect(folded(response.answer)).toContain(folded('đơn vị chủ trì'));
  });
});
