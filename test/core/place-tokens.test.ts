/** A loaded document's place marks the question's words that name it (query/document-mentions.ts). */
import { describe, expect, it } from 'vitest';
import { placeTokenIndexes, type KnownDocument } from '../../server/core/query/document-mentions.js';

const known = (placePhrase: string[]): KnownDocument => ({ loadedAs: 'x', placePhrase }) as unknown as KnownDocument;
const documents = [known(['ha', 'noi']), known(['bac', 'ninh']), known(['dak', 'lak'])];

describe('placeTokenIndexes', () => {
  it('marks a place written in words or as one word, for any loaded document', () => {
    expect([...placeTokenIndexes(['resolution', 'ha', 'noi'], documents)]).toEqual([1, 2]);
    expect([...placeTokenIndexes(['hanoi', 'resolution'], documents)]).toEqual([0]);
    expect([...placeTokenIndexes(['daklak', 'directive'], documents)]).toEqual([0]);
  });

  it('marks nothing that only shares a syllable', () => {
    expect([...placeTokenIndexes(['noi', 'vu', 'bac'], documents)]).toEqual([]);
  });
});
