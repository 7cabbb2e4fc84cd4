/**
 * Answering over many documents (issue "Answer over many documents"): the plan and the seven
 * real documents of test/fixtures/real-docs/ loaded together. A question naming a document
 * answers from it; "chỉ thị này" follows the conversation; a task number two documents have is
 * asked back; "Ai ký …?" names the signer of the document asked about; every quote verbatim.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';
import type { AskResponse } from '../../server/core/types.js';

const LAW = 'luat-80-2025-qh15-can-bo-cong-chuc';
const DECREE_335 = 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc';
const DIRECTIVE = 'chi-thi-012-ct-ubnd-2025-dak-lak';
const PLAN_141 = 'ke-hoach-141-kh-ubnd-2025-bac-ninh';

const { ask } = useRealDocsAssistant();

const documentsCited = (response: AskResponse): string[] => [...new Set(response.citations.map((citation) => citation.documentId))];

describe('a question naming a document answers from it', () => {
  it('names the signer of the document asked about, not of another', async () => {
    const directive = await ask('Ai ký Chỉ thị 012/CT-UBND?');
    expect(directive.answer).toContain('Trương Công Thái');
    expect(documentsCited(directive)).toEqual([DIRECTIVE]);
    const decree = await ask('Nghị định 335/2025/NĐ-CP do ai ký?');
    expect(decree.abstained).toBe(false);
    expect(decree.answer).toContain('Phạm Thị Thanh Trà');
    expect(documentsCited(decree)).toEqual([DECREE_335]);
  });

  it('gives a unit’s duties from the named directive, not from the plan', async () => {
    const response = await ask('Theo Chỉ thị 012, Sở Nội vụ có nhiệm vụ gì?');
    expect(response.abstained).toBe(false);
    expect(documentsCited(response)).toEqual([DIRECTIVE]);
    expect(response.answer).toMatch(/Chỉ thị số 012\/CT-UBND/);
  });

  it('reads the effective date from the clause that states it, by the law’s short name', async () => {
    const response = await ask('Luật Cán bộ, công chức 2025 có hiệu lực từ ngày nào?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('01/7/2025');
    expect(response.citations.map((citation) => `${citation.documentId}#${citation.section}`)).toContain(`${LAW}#dieu.44.khoan.1`);
    expect(response.answer).toContain('Điều 44 khoản 1');
  });

  it('answers a “when” from the clause holding the time, in a document the question does not name', async () => {
    const response = await ask('Thời điểm xếp loại chất lượng công chức hằng năm là khi nào?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('trước ngày 15 tháng 12 hằng năm');
    expect(response.citations[0]).toMatchObject({ documentId: DECREE_335, section: 'dieu.19.khoan.2' });
  });

  it('abstains on a document number no document has, instead of answering from another decree', async () => {
    const response = await ask('Ai ký Nghị định 999/2025/NĐ-CP?');
    expect(response.abstained).toBe(true);
    expect(response.citations).toEqual([]);
    expect(response.answer).toContain('999/2025/NĐ-CP');
  });
});

describe('the conversation carries the document', () => {
  it('“chỉ thị này” is the directive the conversation is about', async () => {
    const first = await ask('Chỉ thị 012/CT-UBND ban hành ngày nào?');
    expect(first.answer).toContain('26/11/2025');
    const next = await ask('Ai ký chỉ thị này?', first.conversationId);
    expect(next.answer).toContain('Trương Công Thái');
    expect(documentsCited(next)).toEqual([DIRECTIVE]);
  });

  it('a follow-up without a document stays with the document of the previous turn', async () => {
    const first = await ask('Nghị định 335/2025/NĐ-CP có hiệu lực khi nào?');
    expect(documentsCited(first)).toEqual([DECREE_335]);
    const next = await ask('Ai ký?', first.conversationId);
    expect(next.answer).toContain('Phạm Thị Thanh Trà');
    expect(documentsCited(next)).toEqual([DECREE_335]);
  });
});

describe('a task number two documents have', () => {
  it('is asked back with the choices, naming each document', async () => {
    const response = await ask('Ai chủ trì nhiệm vụ 2?');
    expect(response.abstained).toBe(false);
    expect(response.citations).toEqual([]);
    expect(response.answer).toMatch(/bạn hỏi văn bản nào/);
    expect(response.answer).toContain('Kế hoạch số 141/KH-UBND');
    expect(response.answer).toContain('mục II.2');
    // The choices travel structured too, so a face or an AI tool can offer them as buttons.
    expect(response.choices?.map((choice) => `${choice.documentId}#${choice.section}`).sort()).toEqual([`${PLAN_141}#III.2`, 'ke-hoach-cbcc-cap-xa-2026#II.2'].sort());
    expect(response.choices?.every((choice) => choice.label.startsWith('mục '))).toBe(true);
  });

  it('is resolved by the document the question names', async () => {
    const response = await ask('Theo Kế hoạch 141/KH-UBND, ai chủ trì nhiệm vụ 2?');
    expect(response.abstained).toBe(false);
    expect(documentsCited(response)).toEqual([PLAN_141]);
  });
});
