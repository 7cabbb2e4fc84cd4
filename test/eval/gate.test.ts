/** The eval gate: which sets decide the exit code, and what a failing set looks like. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGroupedComparison, emptyScores, recordResult } from './compare-metrics.js';
import { gateRealDocs, gateVerdict } from './gate.js';
import { readSet, renameSets, type EvalReport, type EvalResult } from './runner.js';

const result = (set: string, kind: string, passed: boolean) => ({ set, kind, passed }) as unknown as EvalResult;
const report = (results: EvalResult[]): EvalReport => {
  const passRate: Record<string, number> = {};
  for (const set of new Set(results.map((entry) => entry.set))) {
    const mine = results.filter((entry) => entry.set === set);
    passRate[set] = mine.filter((entry) => entry.passed).length / mine.length;
  }
  return { results, passRate, abstainFailures: 0, passedByAskBack: {}, p50: 0, p95: 0, blindSets: [] };
};

describe('gateVerdict', () => {
  const reports = [report([result('dev', 'lead', true), result('realdocs', 'lead', false), result('realdocs', 'lead', true)])];

  it('fails the run only on a gated set', () => {
    const reportedOnly = gateVerdict(reports, [
      { set: 'dev', threshold: 0.95, gated: true },
      { set: 'realdocs', threshold: 0.9, gated: false },
    ]);
    expect(reportedOnly.failed).toBe(false);
    expect(reportedOnly.lines.join('\n')).toMatch(/Reported only[\s\S]*FAIL realdocs: 50\.0% \(target ≥ 90\.0%\)/);
    expect(gateVerdict(reports, [{ set: 'realdocs', threshold: 0.9, gated: true }]).failed).toBe(true);
  });

  it('fails a gated set on an answered abstain item, whatever its rate', () => {
    const many = [...Array.from({ length: 99 }, () => result('dev', 'lead', true)), result('dev', 'abstain', false)];
    expect(gateVerdict([report(many)], [{ set: 'dev', threshold: 0.95, gated: true }]).failed).toBe(true);
  });

  it('gates the real-document targets only when EVAL_GATE_REALDOCS=1', () => {
    expect(gateRealDocs({ EVAL_GATE_REALDOCS: '1' })).toBe(true);
    expect(gateRealDocs({ EVAL_GATE_REALDOCS: '0' })).toBe(false);
    expect(gateRealDocs({})).toBe(false);
  });
});

describe('readSet', () => {
  it('chains items sharing a conversation id, in order, apart from the single items', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-set-'));
    const file = path.join(dir, 'set.json');
    const items = [
      { id: 'a', q: 'Một?' },
      { id: 'b', q: 'Hai?', conversation: 'c1' },
      { id: 'c', q: 'Ba?', conversation: 'c1' },
    ];
    fs.writeFileSync(file, JSON.stringify({ items, conversations: [{ id: 'c0', turns: [{ q: 'Bốn?' }] }] }));
    const set = readSet('x', file, { blind: true });
    expect(set.items.map((item) => item.id)).toEqual(['a']);
    expect(set.conversations.map((conversation) => [conversation.id, conversation.turns.map((turn) => turn.q)])).toEqual([
      ['c0', ['Bốn?']],
      ['c1', ['Hai?', 'Ba?']],
    ]);
    expect(set.blind).toBe(true);
    expect(renameSets([set], '+realdocs')[0].name).toBe('x+realdocs');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('renderGroupedComparison', () => {
  it('puts each group with its own overall and per-kind rows in one table', () => {
    const plan = emptyScores('ours');
    recordResult(plan, { set: 'dev', item: { id: '1', kind: 'lead' }, passed: true, ranked: [] });
    const real = emptyScores('ours');
    recordResult(real, { set: 'realdocs', item: { id: '2', kind: 'deadline-duration' }, passed: false, ranked: [] });
    const table = renderGroupedComparison([
      { label: 'plan', systems: [plan] },
      { label: 'real', systems: [real] },
    ]);
    expect(table.split('\n').filter((line) => line.includes('ours'))).toHaveLength(1);
    expect(table).toMatch(/\*\*plan: pass rate, all\*\*[\s\S]*— lead \| 100\.0% \(1\/1\)[\s\S]*\*\*real: pass rate, all\*\*[\s\S]*— deadline \| 0\.0% \(0\/1\)/);
  });
});
