/**
 * Whether an index exists and still reflects the corpus, for `npm start` to decide if it must
 * ingest first. Compares files by content hash, not by date, so a checkout that only touches
 * timestamps does not force a rebuild.
 */
import path from 'node:path';
import { listCorpusFiles } from '../load/index.js';
import { NORMALIZER_VERSION } from '../normalize/index.js';
import type { IndexManifest } from '../types.js';
import type { IngestCache } from './index-writer.js';
import { isObject, readIndexJson } from './json-files.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION } from './layout.js';
import { EXPECTED_REGISTRY_FILE, hashFile } from './corpus-facts.js';

export interface IndexStatus {
  /** An index with a readable manifest is in place. */
  exists: boolean;
  /** Missing, built by another version, or the corpus changed since: ingest again. */
  stale: boolean;
  /** Why it is stale, in Vietnamese, one line each. */
  reasons: string[];
  manifest?: IndexManifest;
}

/** Compares the index at `indexPath` with the corpus in `corpusDir`. Never throws for a bad index. */
export async function indexStatus(indexPath: string, corpusDir: string): Promise<IndexStatus> {
  const folder = path.resolve(indexPath);
  let manifest: IndexManifest;
  try {
    manifest = await readIndexJson<IndexManifest>(folder, INDEX_FILES.manifest, (value) => isObject(value) && Array.isArray(value.files));
  } catch {
    return { exists: false, stale: true, reasons: [`chưa có chỉ mục đọc được tại ${folder}`] };
  }
  const reasons: string[] = [];
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) reasons.push('chỉ mục có định dạng cũ');
  if (manifest.normalizerVersion !== NORMALIZER_VERSION) reasons.push('bộ chuẩn hóa văn bản đã đổi phiên bản');
  reasons.push(...(await corpusChanges(manifest, corpusDir)));
  const cache = await readIndexJson<IngestCache>(folder, INDEX_FILES.cache, isObject).catch(() => null);
  const registryHash = await hashFile(path.join(corpusDir, EXPECTED_REGISTRY_FILE));
  if (!cache || cache.expectedRegistryHash !== registryHash) reasons.push(`danh mục văn bản ${EXPECTED_REGISTRY_FILE} đã thay đổi`);
  return { exists: true, stale: reasons.length > 0, reasons, manifest };
}

/** Files added, removed or changed since the manifest was written. */
async function corpusChanges(manifest: IndexManifest, corpusDir: string): Promise<string[]> {
  const indexed = new Map(manifest.files.map((entry) => [entry.file, entry.hash]));
  let listed: string[];
  try {
    listed = await listCorpusFiles(corpusDir);
  } catch {
    return [`không đọc được thư mục văn bản ${corpusDir}`];
  }
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const absolute of listed) {
    const file = path.relative(path.resolve(corpusDir), absolute).split(path.sep).join('/');
    seen.add(file);
    const hash = indexed.get(file);
    if (hash === undefined) reasons.push(`tệp mới: ${file}`);
    else if (hash !== (await hashFile(absolute))) reasons.push(`tệp đã thay đổi: ${file}`);
  }
  for (const file of indexed.keys()) if (!seen.has(file)) reasons.push(`tệp đã bị xóa: ${file}`);
  return reasons;
}
