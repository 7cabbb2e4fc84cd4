/**
 * The `vectors/` folder, in the layout LangChain's `HNSWLib.save` writes and `HNSWLib.load`
 * reads (hnswlib.index, args.json, docstore.json), so that a LangChain program can open it.
 * This program itself reads only the graph and args: the documents of `docstore.json` are the
 * chunks it already has, and parsing them again (67 MB at 100k chunks) would only slow loading.
 * Each file is checked so that an error names the one that is damaged.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { Chunk } from '../types.js';
import { damagedIndexFile, isObject, readIndexJson, syncPath, writeFileSynced, writeJsonSynced } from './json-files.js';
import { EF_SEARCH, chunkDocument, hnswClass } from './vector-store.js';

interface VectorArgs {
  space: string;
  numDimensions: number;
}

/** Writes the graph and LangChain's args and documents into `directory`, each flushed to disk. */
export async function writeVectorFiles(directory: string, index: HierarchicalNSW, chunks: Chunk[]): Promise<void> {
  await fs.mkdir(directory, { recursive: true });
  await index.writeIndex(path.join(directory, 'hnswlib.index'));
  await writeJsonSynced(path.join(directory, 'args.json'), { space: 'cosine', numDimensions: index.getNumDimensions() });
  // Written piece by piece: one JSON string of every chunk's text would be needlessly large.
  const parts = chunks.map((chunk, label) => JSON.stringify([String(label), chunkDocument(chunk)]));
  await writeFileSynced(path.join(directory, 'docstore.json'), `[${parts.join(',')}]`);
  // hnswlib wrote the graph itself, unflushed; the JSON files were flushed as written.
  await syncPath(path.join(directory, 'hnswlib.index'));
  await syncPath(directory);
}

/**
 * Loads the graph in `directory`, expecting `count` vectors of `dimensions` numbers. A missing,
 * truncated or inconsistent file is a `CorpusNotIndexedError` naming it; `docstore.json` is
 * only checked to be present and whole (it ends its array), not parsed.
 */
export async function readVectorIndex(directory: string, count: number, dimensions: number): Promise<HierarchicalNSW> {
  const args = await readIndexJson<VectorArgs>(
    directory,
    'args.json',
    (value) => isObject(value) && value.space === 'cosine' && value.numDimensions === dimensions,
  );
  await checkDocstoreEnd(path.join(directory, 'docstore.json'));
  const indexFile = path.join(directory, 'hnswlib.index');
  const HierarchicalNSWClass = await hnswClass();
  const index = new HierarchicalNSWClass('cosine', args.numDimensions);
  try {
    await fs.access(indexFile);
  } catch {
    throw damagedIndexFile(indexFile, 'không tồn tại');
  }
  try {
    await index.readIndex(indexFile);
  } catch (error) {
    throw damagedIndexFile(indexFile, error instanceof Error ? error.message : 'không đọc được');
  }
  if (index.getCurrentCount() !== count) throw damagedIndexFile(indexFile, `${index.getCurrentCount()} vector cho ${count} đoạn`);
  index.setEf(EF_SEARCH);
  return index;
}

/** A whole `docstore.json` ends with the close of its last document and of the array. */
async function checkDocstoreEnd(file: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, 3));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (tail.toString('latin1') !== '}]]' && !(size === 2 && tail.toString('latin1') === '[]')) throw new Error('cut');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw damagedIndexFile(file, code === 'ENOENT' ? 'không tồn tại' : 'bị cắt cụt');
  } finally {
    await handle?.close();
  }
}
