/**
 * Facts about the corpus that an index records and later compares: the expected-documents
 * registry (`corpus/registry.json`) and the hash of every file ingest looked at.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CorpusDocument, ExpectedDocument, IndexManifest, LoadedText, SkippedFile } from '../types.js';
import { parseExpectedRegistry } from './expected-registry.js';

/** The expected-documents file of a corpus; a change to it changes the registry. */
export const EXPECTED_REGISTRY_FILE = 'registry.json';

/** sha256 (hex) of a file, or null when it cannot be read. */
export async function hashFile(file: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await fs.readFile(file)).digest('hex');
  } catch {
    return null;
  }
}

/** A short digest of a text (cache keys). */
export function shortDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The expected documents of `corpus/registry.json` (`{ documents: [...] }`); none when the file is absent. */
export async function readExpectedDocuments(file: string): Promise<ExpectedDocument[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  let parsed: { documents?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Tệp ${file} không phải JSON hợp lệ; hãy sửa hoặc xóa tệp này rồi chạy lại.`);
  }
  if (!Array.isArray(parsed?.documents)) throw new Error(`Tệp ${file} thiếu danh sách "documents".`);
  return parseExpectedRegistry(parsed, file);
}

/**
 * The manifest's file list: every file ingest looked at, loaded or skipped, with its hash, so
 * that a later status check sees additions, removals and edits.
 */
export async function indexedFiles(
  corpusPath: string,
  loaded: LoadedText[],
  skipped: SkippedFile[],
  documents: CorpusDocument[],
): Promise<IndexManifest['files']> {
  const idByFile = new Map(documents.map((document) => [document.file, document.id]));
  const files: IndexManifest['files'] = loaded.map((file) => ({ file: file.file, hash: file.hash, documentId: idByFile.get(file.file) ?? null }));
  // Unsupported files are not listed by `listCorpusFiles` either; the others may be fixed later.
  for (const file of skipped.filter((entry) => entry.code !== 'unsupported')) {
    files.push({ file: file.file, hash: (await hashFile(path.join(corpusPath, file.file))) ?? '', documentId: null });
  }
  return files.sort((a, b) => a.file.localeCompare(b.file));
}
