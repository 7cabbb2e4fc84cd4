/**
 * The ahead-of-time build (scripts/build.mjs, scripts/run.mjs): on a tiny project of its own,
 * it bundles, rewrites `import.meta.url` so files beside a source are still found, rebuilds
 * only when an input is newer, builds once under concurrent callers and reports compile
 * errors. On the real project, the built server entry answers 200 on /healthz and serves the
 * web page, and `npm run --silent ask` works through scripts/run.mjs.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module without type declarations.
import * as build from '../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHIPPED_CORPUS = path.join(ROOT, 'corpus');

interface Project {
  root: string;
  entries: string[];
}

const LIB = `export function greeting(): string {
  return JSON.parse(readFileSync(new URL('../data/words.json', import.meta.url), 'utf8')).hello;
}
import { readFileSync } from 'node:fs';
`;

/** A project with one entry (`app/main.ts`) whose library reads `data/words.json` beside it. */
async function makeProject(parent: string, name: string): Promise<Project> {
  const root = path.join(parent, name);
  await mkdir(path.join(root, 'app'), { recursive: true });
  await mkdir(path.join(root, 'data'), { recursive: true });
  await writeFile(path.join(root, 'data/words.json'), JSON.stringify({ hello: 'xin chào' }));
  await writeFile(path.join(root, 'app/lib.ts'), LIB);
  await writeFile(path.join(root, 'app/main.ts'), "import { greeting } from './lib.js';\nprocess.stdout.write(greeting());\n");
  return { root, entries: ['app/main.ts'] };
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const stampOf = async (project: Project) =>
  JSON.parse(await readFile(path.join(project.root, 'dist/.build-stamp.json'), 'utf8')) as { builtAtMs: number; inputs: string[] };

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'plan-assistant-build-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('scripts/build.mjs on a small project', () => {
  it('bundles an entry whose code still finds files beside its source', async () => {
    const project = await makeProject(folder, 'finds-files');
    await build.ensureBuilt(project);
    const bundle = build.outputPathOf(project.root, 'app/main.ts');
    expect(bundle).toBe(path.join(project.root, 'dist/app/main.js'));
    const result = await run(process.execPath, [bundle]);
    expect(result).toMatchObject({ code: 0, stdout: 'xin chào' });
    expect((await stampOf(project)).inputs).toEqual(['app/lib.ts', 'app/main.ts']);
  });

  it('rebuilds only when a source is newer than the build, or gone', async () => {
    const project = await makeProject(folder, 'staleness');
    await build.ensureBuilt(project);
    const first = await stampOf(project);
    expect(await build.isBuildStale(project)).toBe(false);
    await build.ensureBuilt(project);
    expect((await stampOf(project)).builtAtMs).toBe(first.builtAtMs);

    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(project.root, 'app/lib.ts'), later, later);
    expect(await build.isBuildStale(project)).toBe(true);
    await build.ensureBuilt(project);
    expect((await stampOf(project)).builtAtMs).toBeGreaterThan(first.builtAtMs);
    expect(await build.isBuildStale(project)).toBe(true); // lib.ts is still dated in the future

    await utimes(path.join(project.root, 'app/lib.ts'), new Date(0), new Date(0));
    expect(await build.isBuildStale(project)).toBe(false);
    await rm(path.join(project.root, 'app/lib.ts'));
    expect(await build.isBuildStale(project)).toBe(true);
  });

  it('gives concurrent callers one complete build and leaves no lock behind', async () => {
    const project = await makeProject(folder, 'concurrent');
    await Promise.all([build.ensureBuilt(project), build.ensureBuilt(project), build.ensureBuilt(project)]);
    expect(await build.isBuildStale(project)).toBe(false);
    await expect(readFile(path.join(project.root, 'dist/.build-lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    const result = await run(process.execPath, [build.outputPathOf(project.root, 'app/main.ts')]);
    expect(result.stdout).toBe('xin chào');
  });

  it('rejects a source that does not compile, naming the file, and releases the lock', async () => {
    const project = await makeProject(folder, 'broken');
    await writeFile(path.join(project.root, 'app/lib.ts'), 'export const = ;\n');
    const error = await build.ensureBuilt(project).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(build.describeBuildFailure(error)).toMatch(/app\/lib\.ts:1: /);
    await expect(readFile(path.join(project.root, 'dist/.build-lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the built project entries', () => {
  beforeAll(async () => {
    await build.ensureBuilt(build.PROJECT);
  }, 120_000);

  it('node dist/server/main.js ingests a missing index, answers 200 on /healthz and serves the page', async () => {
    const env = { HOST: '127.0.0.1', PORT: '0', WATCH_INDEX: 'false', LOG_LEVEL: 'info', CORPUS_DIR: SHIPPED_CORPUS, INDEX_DIR: path.join(folder, 'index') };
    const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (data: string) => {
        stderr += data;
        const match = /"url":"(http:\/\/[^"]+)"/.exec(stderr);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${stderr}`)));
    });
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      const openApi = (await (await fetch(`${url}/openapi.json`)).json()) as { info: { version: string } };
      const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(openApi.info.version).toBe(manifest.version);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toBe('');
  });

  it('npm run --silent ask answers through scripts/run.mjs with a cited source', async () => {
    const result = await run('npm', ['run', '--silent', 'ask', '--', 'Ai chủ trì nhiệm vụ 4?'], {
      CORPUS_DIR: SHIPPED_CORPUS,
      INDEX_DIR: path.join(folder, 'index'),
      LOG_LEVEL: 'silent',
      WATCH_INDEX: 'false',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nguồn:');
  });

  it('scripts/run.mjs refuses an unknown entry with its usage on stderr', async () => {
    const result = await run(process.execPath, ['scripts/run.mjs', 'server/nope.ts']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Cách dùng: node scripts/run.mjs');
  });
});
