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
  // A short list (a scope of a few documents) is walked: a map would cost more than it saves.
  if (documents.length <= SHORT_LIST) return documents.find((document) => document.id === id);
  let byId = documentMaps.get(documents);
  if (!byId) {
    byId = new Map();
    for (const document of documents) if (!byId.has(document.id)) byId.set(document.id, document);
    documentMaps.set(documents, byId);
  }
  return byId.get(id);
}

/** The first section of `document` at `address` (as `document.sections.find` would return it). */
export function sectionAt(document: CorpusDocument, address: string): Section | undefined {
  const { sections } = document;
  if (sections.length <= SHORT_LIST) return sections.find((section) => section.address === address);
  let byAddress = sectionMaps.get(sections);
  if (!byAddress) {
    byAddress = new Map();
    for (const section of sections) if (!byAddress.has(section.address)) byAddress.set(section.address, section);
    sectionMaps.set(sections, byAddress);
  }
  return byAddress.get(address);
}

