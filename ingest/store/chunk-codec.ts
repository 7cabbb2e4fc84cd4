/**
 * `chunks.json` without the passages' text: a chunk's text is, by contract, the slice of its
 * document's normalized text at its span, and the registry already holds that text. Stored
 * again it made up ~40% of the file (39 MB of 100 MB at 100k chunks). A text is dropped only
 * when it equals its slice, and put back on read, so what is loaded equals what was built.
 */
import type { Chunk, CorpusDocument } from '../types.js';

/** The chunks as stored: texts that are slices of their document removed. */
export function encodeChunks(chunks: Chunk[], documents: CorpusDocument[]): Chunk[] {
  const textById = new Map(documents.map((doc) => [doc.id, doc.text]));
  return chunks.map((chunk) => {
    const documentText = textById.get(chunk.documentId);
    if (documentText === undefined || documentText.slice(chunk.span.start, chunk.span.end) !== chunk.text) return chunk;
    const { text: _dropped, ...rest } = chunk;
    return rest as Chunk;
  });
}

/**
 * The chunks as built, from what `encodeChunks` stored. Restores **in place** (`stored` is
 * freshly parsed and owned by the caller); a chunk whose text cannot be restored (unknown
 * document, no span) is left without one, for the caller's shape check to refuse.
 */
export function decodeChunks(stored: Chunk[], documents: CorpusDocument[]): Chunk[] {
  const textById = new Map(documents.map((doc) => [doc.id, doc.text]));
  for (const chunk of stored as Array<Partial<Chunk> | null>) {
    if (typeof chunk !== 'object' || chunk === null || 'text' in chunk) continue;
    const documentText = textById.get(chunk.documentId ?? '');
    if (documentText !== undefined && typeof chunk.span === 'object' && chunk.span !== null) {
      chunk.text = documentText.slice(chunk.span.start, chunk.span.end);
    }
  }
  return stored;
}
