/**
 * The corpus registry (`corpus/registry.json`) as ingest reads it: the shipped file passes and
 * keeps its sources and known gaps; a wrong field stops ingest with a Vietnamese message naming
 * the entry and the field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpectedRegistry } from '../../ingest/store/expected-registry.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const shipped = JSON.parse(readFileSync(path.join(ROOT, 'corpus/registry.json'), 'utf8')) as { documents: Array<Record<string, unknown>> };

describe('parseExpectedRegistry', () => {
  it('reads the shipped registry: every shipped file is listed with its source, and known gaps have reasons', () => {
    const entries = parseExpectedRegistry(shipped, 'registry.json');
    const withFile = entries.filter((entry) => entry.file !== null);
    expect(withFile.length).toBeGreaterThanOrEqual(2);
    for (const entry of withFile) {
      expect(readFileSync(path.join(ROOT, 'corpus', entry.file as string)).length).toBeGreaterThan(0);
    }
    const copied = entries.filter((entry) => entry.source);
    expect(copied.length).toBeGreaterThanOrEqual(2);
    for (const entry of copied) {
      expect(entry.source?.commit).toMatch(/^[0-9a-f]{7,40}$/);
      expect(entry.knownGaps?.every((gap) => gap.reason.length > 10)).toBe(true);
    }
  });

  it('ships each copied document byte for byte as the real-document fixtures hold it', () => {
    for (const entry of parseExpectedRegistry(shipped, 'registry.json').filter((item) => item.source && item.file)) {
      const shippedBytes = readFileSync(path.join(ROOT, 'corpus', entry.file as string));
      expect(shippedBytes.equals(readFileSync(path.join(ROOT, 'test/fixtures/real-docs', entry.file as string)))).toBe(true);
    }
  });

  it('keeps a missing date null: a document whose header has no date is recorded with a date gap', () => {
    const entries = parseExpectedRegistry(shipped, 'registry.json');
    for (const entry of entries.filter((item) => item.knownGaps?.some((gap) => gap.field === 'date'))) expect(entry.date).toBeNull();
  });

  const base = { id: 'a', type: 'nghi-dinh', number: '1/2025/NĐ-CP', date: '2025-06-30', issuer: 'Chính phủ', title: 'Nghị định thử', file: null };

  it('refuses a date that does not exist, an unknown type, a source without commit and a gap without reason', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...base, date: '2025-02-30' }, /documents\[0\]\.date \(a\): cần một ngày có thật/],
      [{ ...base, type: 'sac-lenh' }, /documents\[0\]\.type \(a\)/],
      [{ ...base, source: { repository: 'o/r', path: 'x.md' } }, /documents\[0\]\.source\.commit \(a\)/],
      [{ ...base, knownGaps: [{ field: 'appendices', reason: '' }] }, /knownGaps\[0\]\.reason \(a\): không được để trống/],
      [{ ...base, knownGaps: [{ field: 'colour', reason: 'x' }] }, /knownGaps\[0\]\.field/],
    ];
    for (const [entry, message] of cases) {
      expect(() => parseExpectedRegistry({ documents: [entry] }, 'registry.json')).toThrow(message);
    }
  });

  it('refuses two entries with one id, and keeps fields it does not know', () => {
    expect(() => parseExpectedRegistry({ documents: [base, base] }, 'registry.json')).toThrow(/hai văn bản cùng id “a”/);
    const [entry] = parseExpectedRegistry({ documents: [{ ...base, note: 'x' }] }, 'registry.json');
    expect((entry as unknown as { note: string }).note).toBe('x');
  });
});
