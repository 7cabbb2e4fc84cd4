/**
 * Answer fixes of session 5, on the plan and the real documents (test/fixtures/real-docs):
 * - "<unit> chủ trì việc gì liên quan đến <topic>?" answers with the unit's duties on that
 *   topic — the lettered item of a directive's addressee block ("2.d"), the one plan task on
 *   the topic — not every duty of the unit; without a topic, every duty is still listed.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';

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
