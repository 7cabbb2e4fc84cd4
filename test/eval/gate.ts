/**
 * Which eval sets decide the exit code of `npm run eval`, and the verdict. The plan sets over
 * the shipped corpus are always gated; the real-document sets and the plan sets with the real
 * documents loaded are reported with their target, and gated only when asked
 * (EVAL_GATE_REALDOCS=1) while the answer core is being rebuilt to reach them.
 */
import type { EvalReport } from './runner.js';

/** One set's target: least pass rate, and whether missing it fails the run. */
export interface GateRule {
  set: string;
  threshold: number;
  gated: boolean;
}

export interface GateVerdict {
  failed: boolean;
  lines: string[];
}

/** Whether the environment asks to gate the real-document targets too. */
export function gateRealDocs(env: Record<string, string | undefined>): boolean {
  return env.EVAL_GATE_REALDOCS === '1';
}

function percent(rate: number): string {
  return `${(100 * rate).toFixed(1)}%`;
}

/**
 * Checks every rule against the reports: a set passes at or above its threshold with no abstain
 * item answered. Only gated sets can fail the run; the others are printed as reported only.
 */
export function gateVerdict(reports: EvalReport[], rules: GateRule[]): GateVerdict {
  const lines: string[] = [];
  let failed = false;
  for (const gated of [true, false]) {
    const mine = rules.filter((rule) => rule.gated === gated);
    if (mine.length === 0) continue;
    lines.push(gated ? 'Gated (decide the exit code):' : 'Reported only (not gated; EVAL_GATE_REALDOCS=1 gates them):');
    for (const rule of mine) {
      const report = reports.find((candidate) => rule.set in candidate.passRate);
      if (!report) continue;
      const rate = report.passRate[rule.set];
      const abstainFailures = report.results.filter(
        (result) => result.set === rule.set && result.kind.startsWith('abstain') && !result.passed,
      ).length;
      const ok = rate >= rule.threshold && abstainFailures === 0;
      if (!ok && gated) failed = true;
      lines.push(
        `  ${ok ? 'PASS' : 'FAIL'} ${rule.set}: ${percent(rate)} (target ≥ ${percent(rule.threshold)}), abstain items answered: ${abstainFailures}`,
      );
    }
  }
  return { failed, lines };
}
