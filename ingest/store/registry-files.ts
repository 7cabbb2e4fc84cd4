/**
 * The registry on disk as three files (format 5). At 100k chunks a single `registry.json`
 * was 205 MB and decoding it took ~3.6 s of a ~5.3 s load, most of it documents' full texts
 * and their sections, which no question needs at start-up:
 * - `texts.bin`: every document's normalized text, concatenated, UTF-16LE (decoded without
 *   transcoding, much faster than the same text as JSON strings);
 * - `sections.json`: each document's encoded sections as one JSON array, back to back, read as
 *   bytes and parsed for a document only when its `sections` is first read;
 * - `registry.json`: everything else, with `""` / `[]` placeholders where texts and sections
 *   were, and `storage` giving each document's text length and sections byte length.
 * What is loaded equals what `decodeRegistry` gives for the one-file form.
 */
import path from 'node:path';
import type { CorpusDocument, Registry, Section } from '../types.js';
import { damagedIndexFile, isObject, readIndexBytes, readIndexJson, writeFileSynced, writeJsonSynced } from './json-files.js';
import { INDEX_FILES } from './layout.js';
import { decodeRegistry, encodeRegistry, restoreSectionTexts } from './registry-codec.js';

/** Where each document's text and sections lie in `texts.bin` and `sections.json`. */
interface RegistryStorage {
  /** Per document, in order: its text length in UTF-16 code units. */
  textLengths: number[];
  /** Per document, in order: the byte length of its sections' JSON. */
  sectionBytes: number[];
}

type StoredHead = Registry & { storage: RegistryStorage };

/** Writes `registry` as `registry.json`, `texts.bin` and `sections.json` in `folder`. */
export async function writeRegistryFiles(folder: string, registry: Registry): Promise<void> {
  const encoded = encodeRegistry(registry);
  const sectionParts = encoded.documents.map((doc) => Buffer.from(JSON.stringify(doc.sections), 'utf8'));
  const head: StoredHead = {
    ...encoded,
    documents: encoded.documents.map((doc) => ({ ...doc, text: '', sections: [] })),
    storage: { textLengths: encoded.documents.map((doc) => doc.text.length), sectionBytes: sectionParts.map((part) => part.length) },
  };
  await writeFileSynced(path.join(folder, INDEX_FILES.texts), Buffer.from(encoded.documents.map((doc) => doc.text).join(''), 'utf16le'));
  await writeFileSynced(path.join(folder, INDEX_FILES.sections), Buffer.concat(sectionParts));
  await writeJsonSynced(path.join(folder, INDEX_FILES.registry), head);
}

/**
 * Reads the registry written by `writeRegistryFiles`. Documents' texts are restored at once
 * (tasks, chunks and citations are slices of them); each document's sections are parsed on
 * first read of `sections`, and can be assigned like a plain property.
 */
export async function readRegistryFiles(folder: string): Promise<Registry> {
  const registryFile = path.join(folder, INDEX_FILES.registry);
  const head = await readIndexJson<StoredHead>(folder, INDEX_FILES.registry, isStoredHead);
  const { storage } = head;
  if (storage.textLengths.length !== head.documents.length || storage.sectionBytes.length !== head.documents.length) {
    throw damagedIndexFile(registryFile, 'số văn bản không khớp');
  }
  const textBytes = await readIndexBytes(folder, INDEX_FILES.texts);
  const sectionBytes = await readIndexBytes(folder, INDEX_FILES.sections);
  const totalText = storage.textLengths.reduce((sum, length) => sum + length, 0);
  const totalSections = storage.sectionBytes.reduce((sum, length) => sum + length, 0);
  if (textBytes.length !== totalText * 2) throw damagedIndexFile(path.join(folder, INDEX_FILES.texts), 'độ dài không khớp');
  if (sectionBytes.length !== totalSections) throw damagedIndexFile(path.join(folder, INDEX_FILES.sections), 'độ dài không khớp');
  const allText = textBytes.toString('utf16le');
  let textAt = 0;
  for (const [position, doc] of head.documents.entries()) {
    doc.text = allText.slice(textAt, textAt + storage.textLengths[position]);
    textAt += storage.textLengths[position];
  }
  const { storage: _storage, ...stored } = head;
  const registry = decodeRegistry(stored);
  let sectionsAt = 0;
  for (const [position, doc] of registry.documents.entries()) {
    const start = sectionsAt;
    const end = start + storage.sectionBytes[position];
    sectionsAt = end;
    defineLazySections(doc, () => parseSections(sectionBytes, start, end, path.join(folder, INDEX_FILES.sections), doc.text));
  }
  return registry;
}

/** Replaces `doc.sections` (keeping its key's place) by a getter that parses them once. */
function defineLazySections(doc: CorpusDocument, parse: () => Section[]): void {
  let sections: Section[] | null = null;
  Object.defineProperty(doc, 'sections', {
    enumerable: true,
    configurable: true,
    get: () => (sections ??= parse()),
    set: (value: Section[]) => {
      sections = value;
    },
  });
}

function parseSections(bytes: Buffer, start: number, end: number, file: string, text: string): Section[] {
  let sections: unknown;
  try {
    sections = JSON.parse(bytes.toString('utf8', start, end));
  } catch {
    throw damagedIndexFile(file, 'JSON không hợp lệ hoặc bị cắt cụt');
  }
  if (!Array.isArray(sections)) throw damagedIndexFile(file, 'nội dung không đúng cấu trúc');
  return restoreSectionTexts(sections as Section[], text);
}

function isStoredHead(value: unknown): boolean {
  return (
    isObject(value) &&
    ['documents', 'tasks', 'units', 'references', 'expected', 'skipped'].every((key) => Array.isArray(value[key])) &&
    isObject(value.storage) &&
    Array.isArray(value.storage.textLengths) &&
    Array.isArray(value.storage.sectionBytes)
  );
}
