import { describe, expect, it } from 'vitest';
import { markdownTable, replaceSection } from '../../bench/markdown.js';

describe('BENCHMARKS.md sections', () => {
  it('appends a missing section and regenerates it in place later', () => {
    const first = replaceSection('# Benchmarks\n', 'speed', 'old figures');
    expect(first).toBe('# Benchmarks\n\n<!-- bench:speed -->\nold figures\n<!-- /bench:speed -->\n');
    const second = replaceSection(`${first}\nafter\n`, 'speed', 'new figures');
    expect(second).toContain('<!-- bench:speed -->\nnew figures\n<!-- /bench:speed -->');
    expect(second).not.toContain('old figures');
    expect(second.endsWith('\nafter\n')).toBe(true);
  });

  it('leaves other helpers\' sections alone', () => {
    const shared = replaceSection(replaceSection('', 'load', 'their figures'), 'speed', 'mine');
    const updated = replaceSection(shared, 'speed', 'mine, again');
    expect(updated).toContain('<!-- bench:load -->\ntheir figures\n<!-- /bench:load -->');
    expect(updated.indexOf('bench:load')).toBeLessThan(updated.indexOf('bench:speed'));
  });

  it('escapes pipes in table cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', '1']])).toBe('| a | b |\n| --- | --- |\n| x\\|y | 1 |');
  });
});
