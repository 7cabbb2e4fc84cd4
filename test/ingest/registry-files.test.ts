import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../ingest/extract/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { INDEX_FILES } from '../../ingest/store/layout.js';
import { readRegistryFiles, writeRegistryFiles } from '../../ingest/store/registry-files.js';
import type { ExpectedDocument } from '../../ingest/types.js';
import { CorpusNotIndexedError } from '../../common/errors.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
const folders: string[] = [];

function planRegistry() {
  const raw = readFileSync(path.join(ROOT, 'corpus', PLAN_FILE), 'utf8');
  const expected = (JSON.parse(readFileSync(path.join(ROOT, 'corpus/registry.json'), 'utf8')) as { documents: ExpectedDocument[] }).documents;
  const plan = parseDocument({ file: PLAN_FILE, format: 'txt', text: raw, hash: 'h' }, expected.find((entry) => entry.file === PLAN_FILE));
  // A second document, so that offsets into the shared files are exercised past the first one.
  const copy = { ...plan, id: `${plan.id}-ban-sao`, file: `ban-sao-${PLAN_FILE}` };
  return buildRegistry([plan, copy], expected, []);
}

function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'registry-files-'));
  folders.push(folder);
  return folder;
}

afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('registry files (texts.bin, sections.json, registry.json)', () => {
  it('reads back exactly what was written, sections included', async () => {
    const registry = planRegistry();
    const folder = tempFolder();
    await writeRegistryFiles(folder, registry);
    const loaded = await readRegistryFiles(folder);
    expect(loaded).toEqual(registry);
    expect(loaded.documents[1].sections.map((section) => section.text)).toEqual(registry.documents[1].sections.map((section) => section.text));
    // Texts and sections live outside registry.json.
    expect(statSync(path.join(folder, INDEX_FILES.registry)).size).toBeLessThan(JSON.stringify(registry).length / 3);
  });

  it('lets a document\'s sections be replaced like a plain property', async () => {
    const folder = tempFolder();
    await writeRegistryFiles(folder, planRegistry());
    const loaded = await readRegistryFiles(folder);
    const [first] = loaded.documents;
    first.sections = first.sections.slice(0, 1);
    expect(first.sections).toHaveLength(1);
    expect(loaded.documents[1].sections.length).toBeGreaterThan(1);
  });

  it('refuses a truncated texts.bin at load, naming the file', async () => {
    const folder = tempFolder();
    await writeRegistryFiles(folder, planRegistry());
    const texts = path.join(folder, INDEX_FILES.texts);
    writeFileSync(texts, readFileSync(texts).subarray(0, 10));
    await expect(readRegistryFiles(folder)).rejects.toThrow(CorpusNotIndexedError);
    await expect(readRegistryFiles(folder)).rejects.toThrow(/texts\.bin/);
  });
});
