import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMegabytes, formatMs, formatNumber, median, percentile, summarizeLatencies } from '../../bench/stats.js';

describe('bench statistics', () => {
  it('takes the middle of an odd count and the mean of the middles of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('uses nearest rank for percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
  });

  it('keeps percentiles within the samples and ordered', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const summary = summarizeLatencies(values);
        expect(summary.p50).toBeLessThanOrEqual(summary.p95);
        expect(summary.p95).toBeLessThanOrEqual(summary.max);
        expect(values).toContain(summary.p95);
      }),
    );
  });

  it('formats missing figures as a dash', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(1234.567, 1)).toBe('1,234.6');
    expect(formatMs(3.14159)).toBe('3.14 ms');
    expect(formatMs(1234.5)).toBe('1,235 ms');
    expect(formatMegabytes(3 * 2 ** 20)).toBe('3 MB');
    expect(formatMegabytes(null)).toBe('—');
  });
});
