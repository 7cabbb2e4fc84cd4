/**
 * The loaded documents, fetched once per page: summaries by id (for chips and pickers) and the
 * expected documents with whether each is present.
 */
import { getJson } from './api.js';

let pending = null;

/**
 * `/api/documents`, once per page.
 * @returns {Promise<{ documents: object[], expected: object[], byId: Map<string, object> }>}
 */
export function loadLibrary() {
  pending ??= getJson('/api/documents').then((listing) => ({
    documents: listing.documents ?? [],
    expected: listing.expected ?? [],
    byId: new Map((listing.documents ?? []).map((doc) => [doc.id, doc])),
  }));
  return pending;
}
