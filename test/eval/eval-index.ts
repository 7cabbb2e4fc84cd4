/**
 * The indexes the eval answers over: the configured one (the shipped corpus) and one over the
 * shipped corpus with the seven real documents beside it, in a folder of its own under data/.
 * An index is rebuilt when its corpus changed (hashes, as `indexStatus` sees them) or when the
 * ingest code or vocabulary changed since it was built (a stamp beside the index), so a parser
 * change is measured, not an old build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest } from '../../ingest/pipeline.js';
import { indexStatus, loadIndex } from '../../ingest/store/index-reader.js';
import type { LoadedIndex } from '../../ingest/types.js';
import { loadConfig, type AppConfig } from '../../common/config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real documents, byte for byte (the README beside them is not a document). */
export const REAL_DOCS_DIR = path.join(ROOT, 'test/fixtures/real-docs');
/** Folders of the second index; data/ is git-ignored. */
export const REALDOCS_CORPUS_DIR = path.join(ROOT, 'data/eval-corpus-realdocs');
export const REALDOCS_INDEX_DIR = path.join(ROOT, 'data/eval-index-realdocs');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A digest of the code and data that turn a corpus into an index (ingest/ and common/). */
export function ingestFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(path.join(ROOT, 'ingest')), ...filesUnder(path.join(ROOT, 'common'))].sort()) {
    hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Copies `from` to `to` only when the bytes differ, so unchanged files keep their hashes and times. */
function syncFile(from: string, to: string): void {
  const bytes = fs.readFileSync(from);
  if (fs.existsSync(to) && fs.readFileSync(to).equals(bytes)) return;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, bytes);
}

/**
 * Fills the temporary corpus: every file of the shipped corpus, plus the seven real documents.
 * Files no longer in either source are removed.
 */
export function prepareRealDocsCorpus(shippedCorpus: string): string[] {
  const wanted = new Map<string, string>();
  for (const file of filesUnder(shippedCorpus)) wanted.set(path.relative(shippedCorpus, file), file);
  for (const file of fs.readdirSync(REAL_DOCS_DIR)) {
    if (file.toLowerCase() !== 'readme.md') wanted.set(file, path.join(REAL_DOCS_DIR, file));
  }
  for (const file of filesUnder(REALDOCS_CORPUS_DIR)) {
    if (!wanted.has(path.relative(REALDOCS_CORPUS_DIR, file))) fs.rmSync(file);
  }
  for (const [relative, source] of wanted) syncFile(source, path.join(REALDOCS_CORPUS_DIR, relative));
  return [...wanted.keys()].sort();
}

/** Loads the index of `config`, building it first when its corpus or the ingest code changed. */
export async function ensureIndex(config: AppConfig): Promise<{ index: LoadedIndex; rebuilt: boolean }> {
  const stampFile = `${config.indexPath}.eval-stamp`;
  const fingerprint = ingestFingerprint();
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
  const status = await indexStatus(config.indexPath, config.corpusPath);
  const rebuilt = status.stale || stamp !== fingerprint;
  if (rebuilt) {
    // A changed parser must re-read every file: no reuse of the previous parse.
    await runIngest(config, { full: stamp !== fingerprint });
    fs.writeFileSync(stampFile, `${fingerprint}\n`);
  }
  return { index: await loadIndex(config.indexPath, { config }), rebuilt };
}

/** The configuration of the second index: the same settings over the temporary corpus. */
export function realDocsConfig(env: Record<string, string | undefined>): AppConfig {
  return loadConfig({ ...env, CORPUS_DIR: REALDOCS_CORPUS_DIR, INDEX_DIR: REALDOCS_INDEX_DIR });
}
