/**
 * Regressions for the general fixes found with the second held-out eval set (and the last
 * failures of the first): each test asks a wording of its own, not the eval item's, of the
 * same KIND of question.
 */
import { describe, expect, it } from 'vitest';
import type { AskResponse } from '../../server/core/types.js';
import { useShippedAssistant } from './shipped-index.js';

const { ask } = useShippedAssistant();

const sections = (response: AskResponse): string[] => response.citations.map((citation) => citation.section);

describe('a cited document: its subject versus its content', () => {
  it('answers what a cited document is about from the citation', async () => {
    const response = await ask('Thông báo 21-TB/VPTW đề cập về vấn đề gì?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('Văn phòng Trung ương Đảng');
    expect(sections(response)).toContain('preamble');
  });

  it('answers an English "what is it about" of a footnoted document', async () => {
    const response = await ask('Document 4614/BNV-CVCC is about what?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('tiêu chuẩn, tiêu chí');
  });

  it('still abstains when the question asks what the document rules beyond its subject', async () => {
    const response = await ask('Thông báo 21-TB/VPTW nói về gì trong việc tinh giản biên chế?');
    expect(response.abstained).toBe(true);
    expect(response.answer).toContain('không chứa toàn văn');
  });
});

describe('nouns that name the kind of answer', () => {
  it('answers a "which principles" question from the passage that states them', async () => {
    const response = await ask('Điều động lãnh đạo cấp phó về xã theo nguyên tắc nào?');
    expect(response.abstained).toBe(false);
    expect(sections(response)).toContain('II.5');
    expect(response.answer).toContain('đúng người');
  });

  it('answers a "what measures" question about a topic the plan covers', async () => {
    const response = await ask('Biện pháp siết chặt kỷ luật lao động của cán bộ xã là gì?');
    expect(response.abstained).toBe(false);
    expect(sections(response)).toContain('II.9');
  });

  it('reads "mục tiêu" of the plan as its purposes (part I)', async () => {
    const response = await ask('KH đặt ra những mục tiêu gì?');
    expect(response.abstained).toBe(false);
    expect(sections(response).some((section) => section.startsWith('I.') || section === 'I')).toBe(true);
  });

  it('still abstains when the kind of content is asked of a cited document', async () => {
    expect((await ask('Chỉ thị 18 đưa ra những giải pháp gì?')).abstained).toBe(true);
  });

  it('still abstains on an off-corpus topic asked with a frame noun', async () => {
    expect((await ask('Nguyên tắc tính thuế thu nhập cá nhân là gì?')).abstained).toBe(true);
  });
});

describe('a slip on the last letter of a short cue word', () => {
  it('repairs a slip on the final letter of "hạn" ("hap") when the neighbour "thời" confirms it', async () => {
    const response = await ask('thoi hap ra soat khung nang luc vi tri viec lam');
    expect(response.abstained).toBe(false);
    expect(sections(response)).toContain('II.4');
    expect(response.answer).toContain('6/2026');
  });

  it('does not bend a short word without a confirming neighbour into a cue', async () => {
    expect((await ask('Hàm số bậc hai dùng để làm gì?')).abstained).toBe(true);
  });
});

describe('sentences that cover the topic equally', () => {
  it('prefers the sentence that also holds the question\'s other words', async () => {
    const response = await ask('Kinh phí thực hiện kế hoạch do đâu bố trí?');
    expect(response.abstained).toBe(false);
    expect(response.answer).toContain('ngân sách');
    expect(sections(response).some((section) => section.startsWith('II.10'))).toBe(true);
  });
});
