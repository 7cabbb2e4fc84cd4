/**
 * A real ingest process killed (SIGKILL) while it writes its new index: the previous index
 * must still load and answer, and the next ingest must clean up what the dead one left.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline.js';
import { indexStatus, loadIndex } from '../../ingest/store/index-reader.js';
import { loadConfig } from '../../common/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
const PLAN_ID = 'ke-hoach-cbcc-cap-xa-2026';
const workDir = mkdtempSync(path.join(os.tmpdir(), 'h3-interrupted-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const SYNTHETIC = [
  'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document',
  '',
  'KẾ HOẠCH',
  '',
  'Kiểm tra việc ghi chỉ mục bị ngắt (giả lập)',
  '',
  'I. NHIỆM VỤ, GIẢI PHÁP',
  '',
  '1. Sao lưu dữ liệu hồ sơ cán bộ định kỳ.',
  '',
  '- Đơn vị chủ trì thực hiện: Sở Nội vụ.',
  '',
  '- Thời gian thực hiện: Thường xuyên hàng năm.',
  '',
].join('\n');

async function waitFor<T>(probe: () => T | null, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('an ingest killed mid-write', () => {
  it('leaves the previous index usable, and the next ingest cleans up after it', async () => {
    const base = path.join(workDir, 'site');
    const corpus = path.join(base, 'corpus');
    mkdirSync(corpus, { recursive: true });
    copyFileSync(path.join(ROOT, 'corpus', PLAN_FILE), path.join(corpus, PLAN_FILE));
    copyFileSync(path.join(ROOT, 'corpus', 'registry.json'), path.join(corpus, 'registry.json'));
    const config = loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: 'data/index' }, base);
    await runIngest(config);

    // A new file makes the next index different from the previous one.
    writeFileSync(path.join(corpus, 'synthetic.txt'), SYNTHETIC);
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const child = spawn(process.execPath, ['--import', tsxLoader, path.join(ROOT, 'ingest/cli.ts')], {
      cwd: base,
      env: { PATH: process.env.PATH ?? '', CORPUS_DIR: 'corpus', INDEX_DIR: 'data/index', INGEST_TEST_DELAY_MS: '60000' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const dataDir = path.join(base, 'data');
    // Mid-write: the vectors are on disk in the build folder, the manifest is not.
    const build = await waitFor(() => {
      const name = readdirSync(dataDir).find((entry) => entry.startsWith(`index.tmp-${child.pid}-`));
      return name && existsSync(path.join(dataDir, name, 'vectors', 'hnswlib.index')) ? path.join(dataDir, name) : null;
    }, 20_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(path.join(build, 'manifest.json'))).toBe(false);

    const previous = await loadIndex(config.indexPath, { config });
    expect(previous.manifest.counts.documents).toBe(1);
    expect(previous.searchLexical('khung nang luc', 1)[0].chunkId).toBe(`${PLAN_ID}#II.4`);
    expect((await indexStatus(config.indexPath, corpus)).reasons).toEqual(['tệp mới: synthetic.txt']);

    const summary = await runIngest(config);
    expect(summary.totals.documents).toBe(2);
    expect(existsSync(build)).toBe(false);
    expect(readdirSync(dataDir)).toEqual(['index']);
    const next = await loadIndex(config.indexPath, { config });
    const [hit] = next.searchLexical('sao lưu dữ liệu hồ sơ', 1);
    expect(next.chunkById.get(hit.chunkId)?.documentId).not.toBe(PLAN_ID);
  });
});
