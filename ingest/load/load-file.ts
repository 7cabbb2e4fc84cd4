/**
 * Loads one corpus file into text, by extension. Never throws for a bad file: every problem comes
 * back as a SkippedFile whose Vietnamese reason says what is wrong and what to do.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedText, SkippedFile, SourceFormat } from '../types.js';
import { decodeTextBytes } from './decode-text.js';
import { docxToText } from './docx.js';
import { htmlToText } from './html-to-text.js';
import { detectLegacyVietnamese } from './legacy-encoding.js';
import { markdownToText } from './markdown.js';
import { pdfToText } from './pdf.js';
import { extensionOf, LoadProblem, skipReasons } from './skip-reasons.js';

/** The extensions the loaders read, and the format each one is. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

/** File extensions the loaders read (lowercase, with the dot). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(FORMAT_BY_EXTENSION));

/** The format of a file by its extension, or null when it is not supported. */
export function formatOf(filePath: string): SourceFormat | null {
  return FORMAT_BY_EXTENSION[extensionOf(filePath)] ?? null;
}

/** A path relative to the corpus folder, with forward slashes on every platform. */
export function relativeCorpusPath(absolutePath: string, corpusDir: string): string {
  return path.relative(path.resolve(corpusDir), path.resolve(absolutePath)).split(path.sep).join('/');
}

/**
 * Loads a file as text. Returns a SkippedFile (code 'empty' | 'corrupt' | 'legacy-encoding' |
 * 'unsupported' | 'unreadable') instead of throwing when the file cannot be used.
 */
export async function loadFile(absolutePath: string, corpusDir: string): Promise<LoadedText | SkippedFile> {
  const file = relativeCorpusPath(absolutePath, corpusDir);
  const format = formatOf(absolutePath);
  if (format === null) return { file, code: 'unsupported', reason: skipReasons.unsupported(extensionOf(absolutePath)) };
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    return { file, code: 'unreadable', reason: skipReasons.unreadableFile(describeIoError(error)) };
  }
  try {
    const text = await extractText(format, bytes);
    assertUsable(text);
    return { file, format, text, hash: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    if (error instanceof LoadProblem) return { file, code: error.code, reason: error.reason };
    // A library failing in a way we did not foresee still means this file's content is unusable.
    return { file, code: 'corrupt', reason: skipReasons.unexpected(format) };
  }
}

/** True when a loadFile result is a skipped file rather than loaded text. */
export function isSkipped(result: LoadedText | SkippedFile): result is SkippedFile {
  return 'reason' in result;
}

async function extractText(format: SourceFormat, bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw new LoadProblem('empty', skipReasons.empty());
  switch (format) {
    case 'txt':
      return decodeTextBytes(bytes).text;
    case 'md':
      return textOf(decodeTextBytes(bytes).text, markdownToText, skipReasons.markdownWithoutText);
    case 'html':
      return textOf(decodeTextBytes(bytes).text, htmlToText, skipReasons.htmlWithoutDocument);
    case 'docx':
      return docxToText(bytes);
    case 'pdf':
      return pdfToText(bytes);
  }
}

/**
 * A file that had bytes but whose format yields no text (a page of chrome only, a Markdown
 * file of table bars only) is skipped with the reason of its format, not the generic one.
 */
function textOf(source: string, convert: (source: string) => string, reason: () => string): string {
  const text = convert(source);
  if (text.trim() === '' && source.trim() !== '') throw new LoadProblem('empty', reason());
  return text;
}

/**
 * Checks apply to every format: a .docx or PDF typed with TCVN3/VNI fonts extracts to the same
 * mojibake as a legacy .txt, only already "valid" Unicode.
 */
function assertUsable(text: string): void {
  if (text.trim() === '') throw new LoadProblem('empty', skipReasons.empty());
  const verdict = detectLegacyVietnamese(text);
  if (verdict.encoding) throw new LoadProblem('legacy-encoding', skipReasons.legacyEncoding(verdict.encoding));
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc';
  if (code === 'ENOENT') return 'tệp không còn tồn tại';
  if (code === 'EISDIR') return 'đây là thư mục, không phải tệp';
  return code ? `lỗi hệ thống ${code}` : 'lỗi không xác định';
}
