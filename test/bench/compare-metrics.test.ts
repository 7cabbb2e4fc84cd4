import { describe, expect, it } from 'vitest';
import {
  addressMatches,
  categoriesOf,
  emptyScores,
  overall,
  recordResult,
  reciprocalRank,
  renderComparisonTable,
} from '../../test/eval/compare-metrics.js';

describe('comparison metrics', () => {
  it('counts an item in each column its kind names', () => {
    expect(categoriesOf({ id: 'a', kind: 'lead-nodiac' })).toEqual(['lead', 'unaccented']);
    expect(categoriesOf({ id: 'b', kind: 'coord' })).toEqual(['coordinating']);
    expect(categoriesOf({ id: 'g', kind: 'deadline-typo' })).toEqual(['deadline', 'typos']);
    expect(categoriesOf({ id: 'h', kind: 'meta-en' })).toEqual(['document facts', 'English']);
    expect(categoriesOf({ id: 'c', kind: 'meta' })).toEqual(['document facts']);
    expect(categoriesOf({ id: 'd', kind: 'xref' })).toEqual(['references']);
    expect(categoriesOf({ id: 'e', kind: 'whatever', abstain: true })).toEqual(['abstain']);
    expect(categoriesOf({ id: 'f', kind: 'deadline' }, { followUp: true })).toEqual(['deadline', 'follow-ups']);
  });

  it('matches sub-addresses to their item but not to a sibling with a longer number', () => {
    expect(addressMatches('II.6.a', 'II.6')).toBe(true);
    expect(addressMatches('II.6', 'II.6')).toBe(true);
    expect(addressMatches('II.60', 'II.6')).toBe(false);
    expect(addressMatches('II.4', 'I')).toBe(false);
  });

  it('ranks by the first relevant address within the top five', () => {
    const item = { id: 'x', sections: ['II.4'] };
    expect(reciprocalRank(item, ['II.4', 'II.5'])).toBe(1);
    expect(reciprocalRank(item, ['I', 'II.5', 'II.4'])).toBeCloseTo(1 / 3);
    expect(reciprocalRank(item, ['I', 'I', 'I', 'I', 'I', 'II.4'])).toBe(0);
    expect(reciprocalRank({ id: 'y', sectionPrefix: 'I' }, ['II.1', 'I'])).toBe(0.5);
  });

  it('tallies sets, columns, recall and MRR, and renders them side by side', () => {
    const ours = emptyScores('ours');
    const other = emptyScores('BM25');
    const lead = { id: '1', kind: 'lead', sections: ['II.4'] };
    const abstain = { id: '2', kind: 'abstain', abstain: true };
    recordResult(ours, { set: 'dev', item: lead, passed: true, ranked: ['II.4'] });
    recordResult(ours, { set: 'dev', item: abstain, passed: true, ranked: [] });
    recordResult(other, { set: 'dev', item: lead, passed: false, ranked: ['II.5', 'II.4'] });
    recordResult(other, { set: 'dev', item: abstain, passed: false, ranked: ['II.1'] });
    expect(overall(ours)).toEqual({ passed: 2, total: 2 });
    expect(ours.recallAt5).toEqual({ hits: 1, total: 1 });
    expect(other.reciprocalRankSum).toBe(0.5);
    const table = renderComparisonTable([ours, other]);
    expect(table).toContain('| **pass rate, all** | **100.0% (2/2)** | **0.0% (0/2)** |');
    expect(table).toContain('| — abstain | 100.0% (1/1) | 0.0% (0/1) |');
    expect(table).toContain('| MRR (top 5) | 1.000 | 0.500 |');
    expect(table).not.toContain('English');
  });
});
