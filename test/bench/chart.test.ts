import { describe, expect, it } from 'vitest';
import { renderScaleChart } from '../../bench/chart.js';

describe('scale chart', () => {
  const rows = [
    { chunks: 1_000, queryP50Ms: 1, queryP95Ms: 2, loadMs: 50 },
    { chunks: 10_000, queryP50Ms: 2, queryP95Ms: 4, loadMs: 400 },
    { chunks: 100_000, queryP50Ms: 4, queryP95Ms: 9, loadMs: 3_800 },
  ];

  it('draws one line per series with a point per corpus size', () => {
    const svg = renderScaleChart(rows);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(3);
    expect(svg.match(/<circle/g)).toHaveLength(9);
    for (const label of ['1k', '10k', '100k']) expect(svg).toContain(`>${label}</text>`);
  });

  it('spaces corpus sizes evenly on the logarithmic axis', () => {
    const svg = renderScaleChart(rows);
    const line = /<polyline fill="none" stroke="#2ca02c" stroke-width="2" points="([^"]+)"/.exec(svg);
    const xs = line![1].split(' ').map((point) => Number(point.split(',')[0]));
    expect(xs[1] - xs[0]).toBeCloseTo(xs[2] - xs[1], 0);
  });

  it('skips sizes without a figure instead of drawing NaN', () => {
    const svg = renderScaleChart([...rows, { chunks: 300_000, queryP50Ms: Number.NaN, queryP95Ms: Number.NaN, loadMs: Number.NaN }]);
    expect(svg).not.toContain('NaN');
  });
});
