/**
 * The lexical index as flat postings: one term dictionary, and per field the postings of every
 * term in compressed-sparse-row form (chunk numbers and term frequencies in typed arrays).
 *
 * Why not MiniSearch's own index: at 100k chunks its radix tree of Maps took ~190 MB of JSON,
 * seconds to rebuild on load, and most of the ingest's write stage to build; scoring only ever
 * needs "the postings of this exact term". Flat arrays are built in one pass, written and read
 * as bytes, and scored without a Map lookup per posting. The statistics kept are exactly those
 * MiniSearch 7 scores with (field length = distinct terms of the field, running average), so
 * `lexical-scorer.ts` gives MiniSearch's scores — `test/ingest/store.test.ts` checks it.
 */
import type { Chunk } from '../types.js';
import { CorpusWordsCollector, type StoredCorpusWords } from './corpus-words.js';
import { clauseTerms, syllableClauses } from './lexical-tokenize.js';

/** The indexed fields, in the order their postings are stored. */
export const LEXICAL_FIELDS = ['text', 'context'] as const;
export type LexicalField = (typeof LEXICAL_FIELDS)[number];

/** One field's postings. */
export interface FieldPostings {
  /** The postings of term `t` are positions `offsets[t]` to `offsets[t + 1]` (exclusive). */
  offsets: Uint32Array;
  /** Chunk numbers (positions in `chunks.json`), ascending within a term. */
  chunks: Uint32Array;
  /** How often the term occurs in that chunk's field (capped at 65,535). */
  frequencies: Uint16Array;
  /** Per chunk: distinct terms of the field (capped at 65,535). */
  lengths: Uint16Array;
  /** Average field length over all chunks, as MiniSearch computes it (a running mean). */
  averageLength: number;
}

/** Terms and their postings over every field. */
export interface PostingsIndex {
  /** Number of chunks indexed. */
  documentCount: number;
  /** Every term, by term number. */
  terms: string[];
  /** Term → term number. */
  termIds: Map<string, number>;
  /** Postings per field, in {@link LEXICAL_FIELDS} order. */
  fields: FieldPostings[];
  /** The corpus's words for the answer core's lexicon (`corpus-words.ts`). */
  words: StoredCorpusWords;
}

const UINT16_MAX = 0xffff;

/** A typed array that doubles as it fills (postings of 100k chunks do not fit a JS array cheaply). */
class GrowableUint32 {
  values = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** Postings of one field as collected, chunk by chunk, before being grouped by term. */
interface Collected {
  termOf: GrowableUint32;
  chunkOf: GrowableUint32;
  frequencyOf: GrowableUint32;
  lengths: Uint16Array;
  averageLength: number;
}

/** Indexes every chunk's text and context in one pass. */
export function buildPostings(chunks: Chunk[]): PostingsIndex {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const collected = LEXICAL_FIELDS.map(
    (): Collected => ({
      termOf: new GrowableUint32(),
      chunkOf: new GrowableUint32(),
      frequencyOf: new GrowableUint32(),
      lengths: new Uint16Array(chunks.length),
      averageLength: 0,
    }),
  );
  const words = new CorpusWordsCollector();
  const termId = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };
  chunks.forEach((chunk, chunkNumber) => {
    const fieldClauses = LEXICAL_FIELDS.map((field) => syllableClauses(chunk[field]));
    LEXICAL_FIELDS.forEach((_field, fieldNumber) => {
      const counts = termCounts(clauseTerms(fieldClauses[fieldNumber]));
      const into = collected[fieldNumber];
      into.lengths[chunkNumber] = Math.min(counts.size, UINT16_MAX);
      // MiniSearch's running mean, step for step, so that scores match it to the last bit.
      into.averageLength = (into.averageLength * chunkNumber + counts.size) / (chunkNumber + 1);
      for (const [term, count] of counts) {
        into.termOf.push(termId(term));
        into.chunkOf.push(chunkNumber);
        into.frequencyOf.push(Math.min(count, UINT16_MAX));
      }
    });
    // Every clause syllable is already a term (lexicalTerms holds each one).
    words.addChunk(
      fieldClauses.map((clauses) => clauses.map((clause) => clause.map(termId))),
      LEXICAL_FIELDS.map((field) => chunk[field]),
    );
  });
  return {
    documentCount: chunks.length,
    terms,
    termIds,
    fields: collected.map((field) => groupByTerm(field, terms.length)),
    words: { syllables: Uint32Array.from(words.syllableOrder), syllableChunks: words.counts(), accented: [...words.accented] },
  };
}

function termCounts(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Counting sort by term; stable, so chunk numbers stay ascending within each term. */
function groupByTerm(collected: Collected, termCount: number): FieldPostings {
  const size = collected.termOf.length;
  const termOf = collected.termOf.values;
  const offsets = new Uint32Array(termCount + 1);
  for (let i = 0; i < size; i += 1) offsets[termOf[i] + 1] += 1;
  for (let t = 0; t < termCount; t += 1) offsets[t + 1] += offsets[t];
  const next = offsets.slice(0, termCount);
  const chunks = new Uint32Array(size);
  const frequencies = new Uint16Array(size);
  for (let i = 0; i < size; i += 1) {
    const at = next[termOf[i]]++;
    chunks[at] = collected.chunkOf.values[i];
    frequencies[at] = collected.frequencyOf.values[i];
  }
  return { offsets, chunks, frequencies, lengths: collected.lengths, averageLength: collected.averageLength };
}

/** Number of postings of term number `term` over all fields. */
export function postingsOf(index: PostingsIndex, term: number): number {
  let total = 0;
  for (const field of index.fields) total += field.offsets[term + 1] - field.offsets[term];
  return total;
}

/** Terms with at least `minimum` postings over all fields, with their counts. */
export function postingCounts(index: PostingsIndex, minimum: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let term = 0; term < index.terms.length; term += 1) {
    const postings = postingsOf(index, term);
    if (postings >= minimum) counts.set(index.terms[term], postings);
  }
  return counts;
}
