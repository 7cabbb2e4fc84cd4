/**
 * Durable JSON files: written and fsynced (so a crash right after cannot leave an empty file
 * behind a valid manifest), and read back with errors that name the file and the fix.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CorpusNotIndexedError } from '../../common/errors.js';

/** The command that rebuilds an index, as every message about a bad index names it. */
export const INGEST_COMMAND = '`npm run ingest`';

/** Writes `data` to `file` and flushes it to disk before returning. */
export async function writeFileSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `writeFileSynced` of a value as JSON (compact: these files are read by programs). */
export async function writeJsonSynced(file: string, value: unknown, pretty = false): Promise<void> {
  await writeFileSynced(file, JSON.stringify(value, null, pretty ? 2 : undefined));
}

/** Flushes a file or a folder entry written by someone else (hnswlib, LangChain). Best effort on folders. */
export async function syncPath(target: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(target, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms refuse to fsync a directory; the files themselves are already synced.
    const stat = await fs.stat(target).catch(() => null);
    if (!stat?.isDirectory()) throw error;
  } finally {
    await handle?.close();
  }
}

/** A `CorpusNotIndexedError` for an index file that is missing or unreadable. */
export function damagedIndexFile(file: string, detail: string): CorpusNotIndexedError {
  return new CorpusNotIndexedError(
    `Tệp chỉ mục ${file} bị thiếu hoặc hỏng (${detail}). Hãy chạy ${INGEST_COMMAND} để xây dựng lại chỉ mục.`,
  );
}

/** Reads a file of the index as text; a missing or unreadable file is a `CorpusNotIndexedError`. */
export async function readIndexText(directory: string, name: string): Promise<string> {
  return (await readIndexBytes(directory, name)).toString('utf8');
}

/** Reads a file of the index as bytes; a missing or unreadable file is a `CorpusNotIndexedError`. */
export async function readIndexBytes(directory: string, name: string): Promise<Buffer> {
  const file = path.join(directory, name);
  try {
    return await readWhole(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw damagedIndexFile(file, code === 'ENOENT' ? 'không tồn tại' : `không đọc được: ${code ?? 'lỗi'}`);
  }
}

/**
 * The whole file in one buffer, read with as few calls as the kernel allows. `fs.readFile`
 * reads in 512 KiB steps, each a trip through the thread pool: ~0.9 s of waiting for the
 * ~400 MB an index holds at 100k chunks, against ~0.1 s this way. Still asynchronous, so an
 * index reloaded under traffic does not block the server.
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** Parses JSON text of an index file; a truncated or malformed file is a `CorpusNotIndexedError`. */
export function parseIndexJson<T>(text: string, file: string, isValid: (value: unknown) => boolean): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damagedIndexFile(file, 'JSON không hợp lệ hoặc bị cắt cụt');
  }
  if (!isValid(value)) throw damagedIndexFile(file, 'nội dung không đúng cấu trúc');
  return value as T;
}

/** Reads and parses one JSON file of the index. */
export async function readIndexJson<T>(directory: string, name: string, isValid: (value: unknown) => boolean): Promise<T> {
  return parseIndexJson<T>(await readIndexText(directory, name), path.join(directory, name), isValid);
}

/** Whether `value` is a plain object (for shape checks). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
