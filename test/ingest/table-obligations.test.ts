/**
 * Task tables in other layouts (TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic): columns found by their
 * header words wherever they stand in the cell and in whatever order, group rows skipped.
 */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../ingest/extract/index.js';
import { parseDocument } from '../../ingest/parse/index.js';

const MARK = 'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document';

function registryOf(table: string[]) {
  const text = [MARK, '', 'KẾ HOẠCH', '', 'Kế hoạch mẫu để kiểm thử', '', 'PHỤ LỤC', '', 'DANH MỤC NHIỆM VỤ', '', ...table].join('\n');
  return buildRegistry([parseDocument({ file: 'bang-mau.md', format: 'md', text, hash: 'test' })], [], []);
}

describe('task tables', () => {
  it('finds columns by header words in any order, skips group rows', () => {
    const registry = registryOf([
      '| TT | Thời gian thực hiện | Cơ quan, đơn vị phối hợp | Nội dung công việc | Cơ quan, đơn vị chủ trì |',
      '|---|---|---|---|---|',
      '| I | | | NHÓM NHIỆM VỤ VỀ THỂ CHẾ | |',
      '| 1 | Quý IV-2026 | Sở Tư pháp | Rà soát quy chế mẫu | Sở Nội vụ |',
      '| 2 | Hằng năm | | Tổng hợp báo cáo mẫu | Ủy ban nhân dân các xã, phường |',
    ]);
    expect(registry.tasks.map((task) => [task.number, task.title, task.lead, task.coordinating, task.timeline.kind])).toEqual([
      [1, 'Rà soát quy chế mẫu', ['so-noi-vu'], ['so-tu-phap'], 'deadline'],
      [2, 'Tổng hợp báo cáo mẫu', ['ubnd-xa'], [], 'recurring'],
    ]);
    expect(registry.obligations.map((obligation) => [obligation.role, obligation.actors, obligation.action])).toEqual([
      ['lead', ['so-noi-vu'], 'Rà soát quy chế mẫu'],
      ['coordinating', ['so-tu-phap'], 'Rà soát quy chế mẫu'],
      ['lead', ['ubnd-xa'], 'Tổng hợp báo cáo mẫu'],
    ]);
  });

  it('reads no tasks from a table whose header names no task column', () => {
    const registry = registryOf(['| STT | Vị trí việc làm | Số lượng |', '|---|---|---|', '| 1 | Văn phòng - Thống kê | 2 |']);
    expect(registry.tasks).toEqual([]);
    expect(registry.obligations).toEqual([]);
  });
});
