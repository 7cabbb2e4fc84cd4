/**
 * `lexical.bin`: the flat postings (`lexical-postings.ts`) as bytes, read back as typed-array
 * views over one buffer — no JSON to parse and no tree to rebuild, so loading costs little
 * more than reading the file.
 *
 * Layout (little-endian, each part starting on a 4-byte boundary):
 * "PLX1" · u32 header length · header JSON { documentCount, termCount, termBytes, fields:
 * [{ postings, averageLength }] } · the terms in UTF-8 joined by "\n" (a term never holds a
 * line break: the tokenizer splits on it) · per field: offsets (u32 × termCount + 1), chunks
 * (u32 × postings), lengths (u16 × documentCount), frequencies (u16 × postings) · the corpus
 * words (`corpus-words.ts`): syllable term numbers (u32 × syllableCount), their chunk counts
 * (u32 × syllableCount), accented words in UTF-8 joined by "\n".
 * A file whose size differs from what its header announces is refused (truncated or padded).
 */
import { LEXICAL_FIELDS, type FieldPostings, type PostingsIndex } from './lexical-postings.js';

const MAGIC = 'PLX1';

interface Header {
  documentCount: number;
  termCount: number;
  termBytes: number;
  fields: Array<{ postings: number; averageLength: number }>;
  syllableCount: number;
  accentedCount: number;
  accentedBytes: number;
}

const align = (offset: number) => (offset + 3) & ~3;

/** Byte size of each part, in file order, for a header. */
function partSizes(header: Header): number[] {
  return [
    header.termBytes,
    ...header.fields.flatMap((field) => [(header.termCount + 1) * 4, field.postings * 4, header.documentCount * 2, field.postings * 2]),
    header.syllableCount * 4,
    header.syllableCount * 4,
    header.accentedBytes,
  ];
}

/** The postings as the bytes of `lexical.bin`. */
export function encodePostings(index: PostingsIndex): Uint8Array {
  const termText = Buffer.from(index.terms.join('\n'), 'utf8');
  const accentedText = Buffer.from(index.words.accented.join('\n'), 'utf8');
  const header: Header = {
    documentCount: index.documentCount,
    termCount: index.terms.length,
    termBytes: termText.length,
    fields: index.fields.map((field) => ({ postings: field.chunks.length, averageLength: field.averageLength })),
    syllableCount: index.words.syllables.length,
    accentedCount: index.words.accented.length,
    accentedBytes: accentedText.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Uint8Array[] = [termText];
  for (const field of index.fields) {
    for (const array of [field.offsets, field.chunks, field.lengths, field.frequencies]) {
      parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
  }
  for (const array of [index.words.syllables, index.words.syllableChunks]) parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  parts.push(accentedText);
  let size = align(8 + headerBytes.length);
  for (const part of parts) size = align(size + part.length);
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(out, 8);
  let at = align(8 + headerBytes.length);
  for (const part of parts) {
    out.set(part, at);
    at = align(at + part.length);
  }
  return out;
}

/** Reads `lexical.bin` bytes; throws (with a short reason) on anything but a whole file of this format. */
export function decodePostings(bytes: Uint8Array): PostingsIndex {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || buffer.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a lexical index');
  const headerLength = buffer.readUInt32LE(4);
  if (8 + headerLength > buffer.length) throw new Error('truncated header');
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as Header;
  if (!isHeader(header)) throw new Error('unexpected header');
  let size = align(8 + headerLength);
  for (const part of partSizes(header)) size = align(size + part);
  if (size !== buffer.length) throw new Error(`${buffer.length} bytes, ${size} expected`);
  // Typed-array views need 4-byte-aligned starts; a buffer at an odd offset is copied once.
  const base = buffer.byteOffset % 4 === 0 ? buffer : Buffer.from(buffer);
  let at = align(8 + headerLength);
  const take = <T>(bytes: number, make: (offset: number) => T): T => {
    const value = make(base.byteOffset + at);
    at = align(at + bytes);
    return value;
  };
  const termText = take(header.termBytes, () => base.toString('utf8', at, at + header.termBytes));
  const terms = header.termCount === 0 ? [] : termText.split('\n');
  if (terms.length !== header.termCount) throw new Error('term count');
  const fields = header.fields.map((field): FieldPostings => {
    const offsets = take((header.termCount + 1) * 4, (offset) => new Uint32Array(base.buffer, offset, header.termCount + 1));
    const chunks = take(field.postings * 4, (offset) => new Uint32Array(base.buffer, offset, field.postings));
    const lengths = take(header.documentCount * 2, (offset) => new Uint16Array(base.buffer, offset, header.documentCount));
    const frequencies = take(field.postings * 2, (offset) => new Uint16Array(base.buffer, offset, field.postings));
    if (offsets[header.termCount] !== field.postings) throw new Error('offsets');
    return { offsets, chunks, frequencies, lengths, averageLength: field.averageLength };
  });
  const syllables = take(header.syllableCount * 4, (offset) => new Uint32Array(base.buffer, offset, header.syllableCount));
  const syllableChunks = take(header.syllableCount * 4, (offset) => new Uint32Array(base.buffer, offset, header.syllableCount));
  const accentedText = take(header.accentedBytes, () => base.toString('utf8', at, at + header.accentedBytes));
  const accented = header.accentedCount === 0 ? [] : accentedText.split('\n');
  if (accented.length !== header.accentedCount || syllables.some((term) => term >= header.termCount)) throw new Error('corpus words');
  const termIds = new Map<string, number>();
  terms.forEach((term, id) => termIds.set(term, id));
  return { documentCount: header.documentCount, terms, termIds, fields, words: { syllables, syllableChunks, accented } };
}

function isHeader(value: Header): boolean {
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  return (
    typeof value === 'object' &&
    value !== null &&
    count(value.documentCount) &&
    count(value.termCount) &&
    count(value.termBytes) &&
    Array.isArray(value.fields) &&
    value.fields.length === LEXICAL_FIELDS.length &&
    value.fields.every((field) => count(field.postings) && typeof field.averageLength === 'number') &&
    count(value.syllableCount) &&
    count(value.accentedCount) &&
    count(value.accentedBytes)
  );
}
