/**
 * Obligations written as prose, on short synthetic texts (TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ): each
 * duty phrase the vocabulary names, approvals by "do X phê duyệt", a "Trách nhiệm của X"
 * article, "Giao X …", and sentences that assign nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../ingest/extract/index.js';
import { parseDocument } from '../../ingest/parse/index.js';

const MARK = 'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document';

function obligationsOf(body: string) {
  const doc = parseDocument({ file: 'mau.txt', format: 'txt', text: `${MARK}\n\nNGHỊ ĐỊNH\n\nQuy định mẫu để kiểm thử\n\n${body}`, hash: 'test' });
  const registry = buildRegistry([doc], [], []);
  return registry.obligations.map((obligation) => ({ address: obligation.address, role: obligation.role, actors: obligation.actors, timeline: obligation.timeline }));
}

describe('prose obligations', () => {
  it('reads who must, who approves and who is responsible in articles and clauses', () => {
    const found = obligationsOf([
      'Điều 1. Lập kế hoạch mẫu',
      '1. Kế hoạch mẫu do người đứng đầu cơ quan phê duyệt.',
      '2. Chính phủ quy định chi tiết Điều này.',
      '3. Ủy ban nhân dân cấp tỉnh chịu trách nhiệm tổ chức thực hiện chậm nhất là ngày 15/12/2026.',
      '4. Việc lập kế hoạch mẫu được thực hiện theo năm.',
      '',
      'Điều 2. Trách nhiệm của Bộ Nội vụ',
      '1. Hướng dẫn việc lập kế hoạch mẫu.',
      '2. Tổng hợp kết quả trước ngày 15 tháng 12 hằng năm.',
      '',
      'Điều 3. Tổ chức thực hiện',
      '1. Bộ trưởng Bộ Nội vụ có trách nhiệm hướng dẫn thi hành Nghị định này.',
      '2. Hồ sơ mẫu được lưu giữ theo quy định.',
    ].join('\n\n'));
    expect(found).toEqual([
      { address: 'dieu.1.khoan.1', role: 'approves', actors: ['nguoi-dung-dau-co-quan'], timeline: { text: '', kind: 'unspecified' } },
      { address: 'dieu.1.khoan.2', role: 'implements', actors: ['chinh-phu'], timeline: { text: '', kind: 'unspecified' } },
      expect.objectContaining({ address: 'dieu.1.khoan.3', role: 'responsible', timeline: expect.objectContaining({ kind: 'deadline', due: '2026-12-15' }) }),
      expect.objectContaining({ address: 'dieu.2.khoan.1', role: 'responsible', actors: ['bo-noi-vu'] }),
      expect.objectContaining({ address: 'dieu.2.khoan.2', role: 'responsible', actors: ['bo-noi-vu'], timeline: expect.objectContaining({ kind: 'recurring', day: '--12-15' }) }),
      // A position before a unit is a unit of its own, found by shape.
      expect.objectContaining({ address: 'dieu.3.khoan.1', role: 'responsible', actors: ['bo-truong-bo-noi-vu'] }),
    ]);
    expect(found[2].actors).toHaveLength(1);
  });

  it('reads "Giao X …" and an addressee block in a directive', () => {
    const found = obligationsOf([
      'I. TỔ CHỨC THỰC HIỆN',
      '1. Giao Sở Tư pháp theo dõi việc thực hiện, báo cáo trong tháng 12/2026.',
      '2. Sở Xây dựng:',
      'a) Rà soát hồ sơ mẫu.',
      'b) Báo cáo kết quả trong thời hạn 03 tháng kể từ ngày ký.',
    ].join('\n\n'));
    expect(found.map((obligation) => [obligation.address, obligation.role, obligation.actors])).toEqual([
      ['I.1', 'responsible', ['so-tu-phap']],
      ['I.2.a', 'responsible', ['so-xay-dung']],
      ['I.2.b', 'responsible', ['so-xay-dung']],
    ]);
    expect(found[0].timeline.due).toBe('2026-12-31');
    expect(found[2].timeline).toMatchObject({ kind: 'conditional', within: '03 tháng', trigger: 'kể từ ngày ký' });
  });

  it('reads a task item without field lines as prose, beside items with fields', () => {
    const found = obligationsOf([
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Lập danh mục mẫu.',
      '- Đơn vị chủ trì: Sở Tài chính.',
      '- Thời gian thực hiện: Quý III/2026.',
      '2. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát hồ sơ mẫu, hoàn thành trong tháng 9/2026.',
    ].join('\n\n'));
    expect(found.map((obligation) => [obligation.address, obligation.role, obligation.actors, obligation.timeline.due])).toEqual([
      ['II.1', 'lead', ['so-tai-chinh'], '2026-09-30'],
      ['II.2', 'lead', ['so-xay-dung'], '2026-09-30'],
      ['II.2', 'coordinating', ['so-tai-chinh'], '2026-09-30'],
    ]);
  });
});
