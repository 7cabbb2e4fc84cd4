/**
 * `npm run ask`: the real entry file in a child process, over a temporary index.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

const run = promisify(execFile);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'server/ask-cli.ts');
let shipped: ShippedIndex;

beforeAll(async () => {
  shipped = await buildShippedIndex();
});
afterAll(() => shipped.cleanup());

async function ask(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, CORPUS_DIR: shipped.config.corpusPath, INDEX_DIR: shipped.config.indexPath, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

it('prints the answer and its numbered sources', async () => {
  const { code, stdout } = await ask(['Ai', 'chủ', 'trì', 'nhiệm', 'vụ', '4?']);
  expect(code).toBe(0);
  expect(stdout).toContain('đơn vị chủ trì là Sở Nội vụ [1]');
  expect(stdout).toMatch(/Nguồn:\n\[1\] .+ — mục II\.4:\n {4}“- Đơn vị chủ trì thực hiện: Sở Nội vụ\.”/);
});

it('prints the API JSON with --json', async () => {
  const { code, stdout } = await ask(['--json', 'han nv 3']);
  expect(code).toBe(0);
  const response = JSON.parse(stdout);
  expect(response).toMatchObject({ abstained: false, mode: 'extractive', citations: [{ section: 'II.3' }] });
});

it('shows the usage and exits 2 without a question', async () => {
  const { code, stderr } = await ask([]);
  expect(code).toBe(2);
  expect(stderr).toContain('npm run ask');
});
