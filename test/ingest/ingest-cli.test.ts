/**
 * `npm run ingest` (ingest/cli.ts) as a real child process in a temporary folder: the
 * Vietnamese summary or JSON on stdout, exit 1 with a message on a bad configuration or an
 * empty corpus. (Moved out of pipeline.test.ts: it spawns processes, so it runs in the full
 * suite and not in the fast lane.)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../ingest/pipeline.js';
import { formatDate } from '../../common/dates.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A temporary copy of the shipped corpus: the plan, the regulations and the registry. */
function makeCorpus(name: string): void {
  const corpus = path.join(workDir, name, 'corpus');
  mkdirSync(corpus, { recursive: true });
  for (const file of readdirSync(path.join(ROOT, 'corpus'))) copyFileSync(path.join(ROOT, 'corpus', file), path.join(corpus, file));
}

interface RegistryEntry {
  type: string;
  number: string | null;
  file: string | null;
  source?: { repository: string; path: string; commit: string };
  knownGaps?: Array<{ field: string; reason: string }>;
}
const registryEntries = (JSON.parse(readFileSync(path.join(ROOT, 'corpus', 'registry.json'), 'utf8')) as { documents: RegistryEntry[] }).documents;

describe('npm run ingest (the CLI)', () => {
  // tsx's loader by absolute URL, so that the CLI runs in the temporary folder (no stray .env).
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const run = (args: string[], env: Record<string, string>, cwd = workDir) =>
    spawnSync(process.execPath, ['--import', tsxLoader, path.join(ROOT, 'ingest/cli.ts'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('prints a Vietnamese summary naming the missing documents, or JSON with --json', () => {
    makeCorpus('cli');
    // Relative paths, resolved against the working directory as `npm run ingest` does.
    const env = { CORPUS_DIR: 'corpus', INDEX_DIR: 'data/index' };
    const text = run([], env, path.join(workDir, 'cli'));
    expect(text.status).toBe(0);
    const shipped = registryEntries.filter((entry) => entry.file !== null);
    expect(shipped.length).toBeGreaterThan(1);
    expect(text.stdout).toContain(`Đã lập chỉ mục ${shipped.length} văn bản`);
    expect(text.stdout).toContain('10 nhiệm vụ');
    expect(text.stdout).toContain('Thiếu: Chỉ thị 18/CT-TTg (08/5/2026, Thủ tướng Chính phủ) — chưa có văn bản trong');
    expect(text.stdout).toContain('Thiếu: Nghị quyết 17-NQ/TU (10/4/2026, Ban Thường vụ Tỉnh ủy Ninh Bình)');
    expect(text.stdout).toMatch(/Chỉ mục: .+ \(\d+([,.]\d)? (KB|MB)\)/);
    // Not a terminal: no progress line.
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('Chỉ mục: data/index (');
    const json = run(['--json'], env, path.join(workDir, 'cli'));
    expect(json.status).toBe(0);
    const summary = JSON.parse(json.stdout) as IngestSummary;
    expect(summary.totals.tasks).toBe(10);
    expect(summary.reuse.reusedDocuments).toBe(shipped.length);

    // One line per document: type, number, date (or "không rõ ngày"), issuer, title and file,
    // then its gaps, the gaps of the source the parser cannot see, and where it comes from.
    const lines = text.stdout.split('\n');
    for (const doc of summary.documents) {
      const at = lines.findIndex((line) => line.startsWith('  • ') && line.includes(`(${doc.file})`));
      expect(at, doc.file).toBeGreaterThanOrEqual(0);
      const date = doc.issuedDate ? `ngày ${formatDate(doc.issuedDate)}` : 'không rõ ngày';
      for (const fact of [doc.number ?? '(không số)', date, doc.issuer ?? 'không rõ cơ quan ban hành', doc.title]) expect(lines[at]).toContain(fact);
      const block = lines.slice(at + 1, at + 1 + doc.gaps.length + 3).join('\n');
      for (const gap of doc.gaps) expect(block).toContain(gap.reason);
      const entry = registryEntries.find((item) => item.file === doc.file);
      if (entry?.source) expect(block).toContain(`nguồn: ${entry.source.repository}, ${entry.source.path} (commit ${entry.source.commit})`);
      for (const gap of entry?.knownGaps?.filter((known) => !doc.gaps.some((found) => found.field === known.field)) ?? []) {
        expect(block).toContain(`(bản nguồn): ${gap.reason}`);
      }
    }
    // A document whose header has no date: the registry leaves it blank, and the gap says where the text gives it.
    const undated = registryEntries.find((entry) => entry.file && entry.knownGaps?.some((gap) => gap.field === 'date'));
    expect(undated).toBeDefined();
    expect(summary.documents.find((doc) => doc.file === undated?.file)?.gaps.map((gap) => gap.field)).toContain('date');
  });

  it('exits 1 with a message on a bad configuration or an empty corpus', () => {
    const badConfig = run([], { PORT: 'not-a-port' });
    expect(badConfig.status).toBe(1);
    expect(badConfig.stderr).toContain('PORT');
    const empty = path.join(workDir, 'cli-empty');
    mkdirSync(empty, { recursive: true });
    const nothing = run([], { CORPUS_DIR: empty, INDEX_DIR: path.join(empty, 'index') });
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain('Không có văn bản nào để lập chỉ mục');
    expect(nothing.stdout).toBe('');
  });
});
