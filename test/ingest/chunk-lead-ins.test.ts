/**
 * A khoản's lead-in before its points is a passage of its own when it states something
 * ("2. Chậm nhất đến ngày 01 tháng 7 năm 2027, … phải hoàn thành việc bố trí …"): before, it
 * lived only in its points' context, so a question about the deadline it sets found the points
 * and never the date. A lead-in that only introduces its points ("Công chức có thể bị tạm
 * đình chỉ công tác trong các trường hợp sau:") stays context. Measured on the real decrees (test/fixtures/real-docs).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../ingest/chunk/index.js';
import { isSkipped, loadFile } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { Chunk } from '../../ingest/types.js';

const DIR = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));

async function chunksOf(file: string): Promise<Chunk[]> {
  const loaded = await loadFile(`${DIR}${file}`, DIR);
  if (isSkipped(loaded)) throw new Error(`${file}: ${loaded.reason}`);
  return chunkDocument(parseDocument(loaded));
}

const byAddress = (chunks: Chunk[], address: string): Chunk[] => chunks.filter((chunk) => chunk.address === address);

describe('clause lead-ins', () => {
  let decree361: Chunk[];
  let decree170: Chunk[];
  beforeAll(async () => {
    decree361 = await chunksOf('nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html');
    decree170 = await chunksOf('nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc.md');
  });

  it('makes a lead-in that sets a deadline its own passage, cited at the khoản (NĐ 361, NĐ 170)', () => {
    for (const [chunks, address] of [
      [decree361, 'dieu.14.khoan.2'],
      [decree170, 'dieu.70.khoan.2'],
    ] as const) {
      const [lead] = byAddress(chunks, address);
      expect(lead, address).toBeDefined();
      expect(lead.text).toMatch(/^2\. Chậm nhất đến ngày 01 tháng 7 năm 2027/);
      // The points keep their own passages, after the lead-in.
      const points = chunks.filter((chunk) => chunk.address.startsWith(`${address}.diem.`));
      expect(points.length).toBeGreaterThan(0);
      expect(points.every((point) => point.span.start >= lead.span.end)).toBe(true);
    }
  });

  it('keeps a lead-in that only introduces its points in their context, not as a passage', () => {
    for (const [chunks, address, heading] of [
      [decree170, 'dieu.56.khoan.1', 'Công chức có thể bị tạm đình chỉ công tác trong các trường hợp sau:'],
      [decree361, 'dieu.9.khoan.2', 'Xếp ngạch công chức theo vị trí việc làm ở bộ:'],
    ] as const) {
      expect(byAddress(chunks, address), address).toEqual([]);
      const points = chunks.filter((chunk) => chunk.address.startsWith(`${address}.diem.`));
      expect(points.length).toBeGreaterThan(0);
      expect(points[0].context).toContain(heading);
    }
  });
});
