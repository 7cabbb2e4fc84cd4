/**
 * Where an organ's name can be written, found without reading the whole corpus for each
 * question. `unnamed-unit.ts` asks whether any document in scope writes a name; it used to hold
 * every document's whole text twice (as written and folded) and scan it all for a name no
 * document writes: at 100,000 chunks, about a gigabyte, seconds to build and tens of
 * milliseconds per question. This index keeps postings only, so a question reads just the
 * passages that could hold the name; the caller still decides on the text itself.
 *
 * - Words with a capital letter, per chunk: an organ's name as written has capitals ("Sở Y tế"),
 *   and a chunk that writes the name holds each of its capitalized words.
 * - Folded tokens and adjacent token pairs, per document: a name compared folded ("so kh&cn")
 *   is a run of tokens of the document, so the document holds each of its adjacent pairs.
 *   Built only when a name with an acronym is first asked about (it reads every word).
 */
import { matchKey, wordTokens } from '../../../common/text-key.js';
import type { Chunk, LoadedIndex } from '../../../ingest/types.js';

/** The index of one loaded index; each part is built on the first question that needs it. */
export interface UnitTextIndex {
  /** Document ids by position; each document's chunk positions in index order. */
  documentIds: string[];
  chunksByDocument: number[][];
  /** Chunk positions (ascending) of each letter-and-digit run holding a capital letter. */
  readonly capitalRuns: Map<string, number[]>;
  readonly folded: FoldedPostings;
  /** Chunk positions of the capitalized runs that end (or start) with a text, by that text. */
  affixes: Map<string, number[]>;
}

/** Folded token → id; document positions (ascending) of each token id and of each pair of ids. */
interface FoldedPostings {
  tokenIds: Map<string, number>;
  documentsByToken: number[][];
  /** By the first token's id, then the second's. */
  documentsByPair: Map<number, number[]>[];
}

/** A word as the documents' tokens are cut (`wordTokens`), and a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+(?:[&/.-][\p{L}\p{N}]+)*/gu;
const RUN = /[\p{L}\p{N}]+/gu;
/** A run with a capital letter: the regex skips the (many more) runs without one. */
const CAPITAL_RUN = /[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*/gu;
const CAPITAL = /\p{Lu}/u;
/** Affix lookups kept per index (each costs one pass over the capitalized runs). */
const MAX_AFFIXES = 512;

/**
 * Keyed by the chunk list, not the index: a question confined to some documents sees a view of
 * the index (a new object over the same chunks), and must not build the index again.
 */
const indexes = new WeakMap<readonly Chunk[], UnitTextIndex>();

function addPosting(list: number[] | undefined, position: number): number[] {
  if (!list) return [position];
  if (list[list.length - 1] !== position) list.push(position);
  return list;
}

/** The index of `index` (its parts are built when first read). */
export function unitTextIndex(index: LoadedIndex): UnitTextIndex {
  let built = indexes.get(index.chunks);
  if (built) return built;
  const positionById = new Map<string, number>();
  const documentIds: string[] = [];
  const chunksByDocument: number[][] = [];
  index.chunks.forEach((chunk, position) => {
    let documentPosition = positionById.get(chunk.documentId);
    if (documentPosition === undefined) {
      documentPosition = documentIds.length;
      positionById.set(chunk.documentId, documentPosition);
      documentIds.push(chunk.documentId);
      chunksByDocument.push([]);
    }
    chunksByDocument[documentPosition].push(position);
  });
  let capitalRuns: Map<string, number[]> | null = null;
  let folded: FoldedPostings | null = null;
  built = {
    documentIds,
    chunksByDocument,
    get capitalRuns() {
      return (capitalRuns ??= buildCapitalRuns(index.chunks));
    },
    get folded() {
      return (folded ??= buildFoldedPostings(index.chunks, chunksByDocument));
    },
    affixes: new Map(),
  };
  indexes.set(index.chunks, built);
  return built;
}

/** Whether each UTF-16 code unit is a letter or digit (0: not looked up yet, 1: yes, 2: no). */
const RUN_UNITS = new Uint8Array(0x10000);
const RUN_UNIT = /[\p{L}\p{N}]/u;
const CAPITAL_LETTER = /\p{Lu}/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

function isRunUnit(code: number): boolean {
  let known = RUN_UNITS[code];
  if (known === 0) RUN_UNITS[code] = known = RUN_UNIT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * The capitalized runs of a text. Found from their capitals, widened to the whole run: most
 * runs have no capital, and a regex trying each of them costs several times more. Text with
 * characters beyond the BMP takes the plain regex.
 */
function capitalRunsOf(text: string, found: (run: string) => void): void {
  if (SURROGATE.test(text)) {
    CAPITAL_RUN.lastIndex = 0;
    for (let match = CAPITAL_RUN.exec(text); match; match = CAPITAL_RUN.exec(text)) found(match[0]);
    return;
  }
  CAPITAL_LETTER.lastIndex = 0;
  for (let match = CAPITAL_LETTER.exec(text); match; match = CAPITAL_LETTER.exec(text)) {
    let start = match.index;
    while (start > 0 && isRunUnit(text.charCodeAt(start - 1))) start -= 1;
    let end = match.index + 1;
    while (end < text.length && isRunUnit(text.charCodeAt(end))) end += 1;
    CAPITAL_LETTER.lastIndex = end;
    found(text.slice(start, end));
  }
}

function buildCapitalRuns(chunks: readonly Chunk[]): Map<string, number[]> {
  const runs = new Map<string, number[]>();
  chunks.forEach((chunk, position) => capitalRunsOf(chunk.text.normalize('NFC'), (run) => runs.set(run, addPosting(runs.get(run), position))));
  return runs;
}

function buildFoldedPostings(chunks: readonly Chunk[], chunksByDocument: readonly number[][]): FoldedPostings {
  const postings: FoldedPostings = { tokenIds: new Map(), documentsByToken: [], documentsByPair: [] };
  const idsByWord = new Map<string, number[]>();
  chunksByDocument.forEach((positions, documentPosition) => {
    // Tokens run on across the chunks of a document, as in its joined text.
    let previous = -1;
    for (const chunkPosition of positions) {
      const text = chunks[chunkPosition].text.normalize('NFC');
      WORD.lastIndex = 0;
      for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
        let ids = idsByWord.get(match[0]);
        if (!ids) {
          ids = wordTokens(matchKey(match[0])).map((token) => tokenId(postings, token));
          idsByWord.set(match[0], ids);
        }
        for (const id of ids) {
          postings.documentsByToken[id] = addPosting(postings.documentsByToken[id], documentPosition);
          if (previous >= 0) {
            const next = postings.documentsByPair[previous];
            const list = next.get(id);
            if (!list) next.set(id, [documentPosition]);
            else if (list[list.length - 1] !== documentPosition) list.push(documentPosition);
          }
          previous = id;
        }
      }
    }
  });
  return postings;
}

function tokenId(postings: FoldedPostings, token: string): number {
  let id = postings.tokenIds.get(token);
  if (id === undefined) {
    id = postings.tokenIds.size;
    postings.tokenIds.set(token, id);
    postings.documentsByToken.push([]);
    postings.documentsByPair.push(new Map());
  }
  return id;
}

/** Whether the ascending `list` holds `value` (binary search). */
function holds(list: readonly number[], value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle] === value) return true;
    if (list[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Ascending positions in every list: the shortest is walked, the others searched (a common word's list can hold every chunk). */
function intersect(lists: readonly number[][]): number[] {
  if (lists.length === 0) return [];
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  return shortest.filter((position) => others.every((list) => holds(list, position)));
}

/** Chunk positions of the capitalized runs ending (`suffix`) or starting (`prefix`) with `text`. */
function affixChunks(index: UnitTextIndex, text: string, kind: 'suffix' | 'prefix'): number[] {
  const key = `${kind}:${text}`;
  let chunks = index.affixes.get(key);
  if (chunks) return chunks;
  const found = new Set<number>();
  for (const [run, positions] of index.capitalRuns) {
    if (kind === 'suffix' ? run.endsWith(text) : run.startsWith(text)) for (const position of positions) found.add(position);
  }
  chunks = [...found].sort((a, b) => a - b);
  if (index.affixes.size >= MAX_AFFIXES) index.affixes.clear();
  index.affixes.set(key, chunks);
  return chunks;
}

/**
 * Chunk positions that may write `written` (NFC, spaces collapsed) as it is written, or null
 * when its capitals narrow nothing (then every chunk may). A capitalized run inside the name
 * is a whole run of the chunk; the first one may end a longer run, the last may start one.
 */
export function chunksThatMayWrite(index: UnitTextIndex, written: string): number[] | null {
  const lists: number[][] = [];
  for (const match of written.matchAll(RUN)) {
    const run = match[0];
    if (!CAPITAL.test(run)) continue;
    const atStart = match.index === 0;
    const atEnd = match.index + run.length === written.length;
    if (atStart && atEnd) continue;
    if (atStart) lists.push(affixChunks(index, run, 'suffix'));
    else if (atEnd) lists.push(affixChunks(index, run, 'prefix'));
    else lists.push(index.capitalRuns.get(run) ?? []);
  }
  return lists.length > 0 ? intersect(lists) : null;
}

/**
 * Document positions that may hold `tokens` (folded word tokens) one after another: each
 * token and each adjacent pair occurs in them. Null for no tokens (then any may).
 */
export function documentsThatMayHold(index: UnitTextIndex, tokens: readonly string[]): number[] | null {
  if (tokens.length === 0) return null;
  const { tokenIds, documentsByToken, documentsByPair } = index.folded;
  const ids = tokens.map((token) => tokenIds.get(token));
  if (ids.some((id) => id === undefined)) return [];
  const known = ids as number[];
  if (known.length === 1) return documentsByToken[known[0]];
  const lists: number[][] = [];
  for (let i = 0; i + 1 < known.length; i += 1) lists.push(documentsByPair[known[i]].get(known[i + 1]) ?? []);
  return intersect(lists);
}
