/**
 * Lookups by id and by address that answers make many times per question: a document of a
 * list by its id, a section of a document by its address. With thousands of documents loaded,
 * finding each cited document by walking the list cost milliseconds per answer; the maps are
 * built on first use and kept while the list (or the document) lives. Like `Array.find`, the
 * first document (section) of an id (address) wins.
 */
import type { CorpusDocument, Section } from '../../ingest/types.js';

const documentMaps = new WeakMap<readonly CorpusDocument[], Map<string, CorpusDocument>>();
const sectionMaps = new WeakMap<readonly Section[], Map<string, Section>>();
/** Lists up to this long are searched in place. */
const SHORT_LIST = 16;

/** The first document of `documents` whose id is `id` (as `documents.find` would return it). */
export function documentById(documents: readonly CorpusDocument[], id: string): CorpusDocument | undefined {
  return firstByKey(documents, id, (document) => document.id, documentMaps);
}

/** The first section of `document` at `address` (as `document.sections.find` would return it). */
export function sectionAt(document: CorpusDocument, address: string): Section | undefined {
  return firstByKey(document.sections, address, (section) => section.address, sectionMaps);
}

/** The first item of `list` whose key is `key`: walked when the list is short, else read from a map kept in `maps` while the list lives. */
function firstByKey<T>(list: readonly T[], key: string, keyOf: (item: T) => string, maps: WeakMap<readonly T[], Map<string, T>>): T | undefined {
  // A short list (a scope of a few documents) is walked: a map would cost more than it saves.
  if (list.length <= SHORT_LIST) return list.find((item) => keyOf(item) === key);
  let byKey = maps.get(list);
  if (!byKey) {
    byKey = new Map();
    for (const item of list) if (!byKey.has(keyOf(item))) byKey.set(keyOf(item), item);
    maps.set(list, byKey);
  }
  return byKey.get(key);
}
