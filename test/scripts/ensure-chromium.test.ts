/**
 * `npm test`'s browser check (scripts/ensure-chromium.mjs): chromium present → nothing done;
 * missing, as root with apt-get → installed, saying so; missing otherwise → stops at once with
 * the exact command. The machine's facts and the installer are injected: nothing is installed
 * or removed here.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without type declarations
import { chromiumDecision, DEBIAN_CHROMIUM, ensureChromium, INSTALL_COMMANDS } from '../../scripts/ensure-chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const missing = { chromiumPath: DEBIAN_CHROMIUM, present: false };

describe('chromiumDecision', () => {
  it('does nothing when chromium is there', () => {
    expect(chromiumDecision({ ...missing, present: true, isRoot: false, hasAptGet: false })).toEqual({ action: 'ok' });
  });

  it('installs with apt-get as root, naming the commands', () => {
    const decision = chromiumDecision({ ...missing, isRoot: true, hasAptGet: true });
    expect(decision.action).toBe('install');
    expect(decision.message).toContain('apt-get update && apt-get install -y chromium');
  });

  it('without root, fails with the exact command under sudo', () => {
    const decision = chromiumDecision({ ...missing, isRoot: false, hasAptGet: true });
    expect(decision.action).toBe('fail');
    expect(decision.message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('without apt-get, fails with the command and what to do elsewhere', () => {
    const decision = chromiumDecision({ ...missing, isRoot: true, hasAptGet: false });
    expect(decision.action).toBe('fail');
    expect(decision.message).toContain('apt-get install -y chromium');
    expect(decision.message).toContain('CHROMIUM_PATH');
  });

  it('never installs for a CHROMIUM_PATH the package would not fill', () => {
    const decision = chromiumDecision({ chromiumPath: '/opt/none/chromium', present: false, isRoot: true, hasAptGet: true });
    expect(decision.action).toBe('fail');
    expect(decision.message).toContain('/opt/none/chromium');
  });
});

describe('ensureChromium', () => {
  function facts(installed: { value: boolean }) {
    const lines: string[] = [];
    return {
      lines,
      options: {
        env: {},
        isPresent: () => installed.value,
        isRoot: true,
        hasAptGet: true,
        write: (text: string) => lines.push(text),
      },
    };
  }

  it('installs a missing chromium as root, says so, and succeeds', async () => {
    const installed = { value: false };
    const { lines, options } = facts(installed);
    const ran: string[][][] = [];
    const code = await ensureChromium({ ...options, install: async (commands: string[][]) => (ran.push(commands), (installed.value = true)) });
    expect(code).toBe(0);
    expect(ran).toEqual([INSTALL_COMMANDS]);
    expect(lines.join('')).toMatch(/Đang cài đặt: apt-get update && apt-get install -y chromium[\s\S]*Đã cài Chromium/);
  });

  it('fails when the install fails, with the command to run', async () => {
    const { lines, options } = facts({ value: false });
    expect(await ensureChromium({ ...options, install: async () => false })).toBe(1);
    expect(lines.join('')).toContain('Cài đặt Chromium thất bại');
  });

  it('does not install without root', async () => {
    const { lines, options } = facts({ value: false });
    let called = false;
    const code = await ensureChromium({ ...options, isRoot: false, install: async () => (called = true) });
    expect(code).toBe(1);
    expect(called).toBe(false);
    expect(lines.join('')).toContain('sudo apt-get install -y chromium');
  });

  it('SKIP_BROWSER_TESTS=1 skips the check', async () => {
    const { options } = facts({ value: false });
    expect(await ensureChromium({ ...options, env: { SKIP_BROWSER_TESTS: '1' } })).toBe(0);
  });

  it('the real script: a CHROMIUM_PATH that is missing stops at once (exit 1) with the command; one that is there passes', () => {
    const script = path.join(ROOT, 'scripts/ensure-chromium.mjs');
    const failed = spawnSync(process.execPath, [script], { env: { PATH: process.env.PATH, CHROMIUM_PATH: '/nonexistent/chromium' }, encoding: 'utf8', timeout: 10_000 });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('/nonexistent/chromium');
    expect(failed.stderr).toContain('apt-get install -y chromium');
    expect(failed.stdout).toBe('');
    const passed = spawnSync(process.execPath, [script], { env: { PATH: process.env.PATH, CHROMIUM_PATH: process.execPath }, encoding: 'utf8', timeout: 10_000 });
    expect(passed.status).toBe(0);
    expect(passed.stderr).toBe('');
  });
});
