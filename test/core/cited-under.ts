/** A shared check of the English question tests: an answer that cites a document at a section or inside it. */
import { expect } from 'vitest';
import type { AskResponse } from '../../server/core/types.js';

/** The response is not an abstention and cites `documentId` at `section` or inside it ("dieu.19" holds "dieu.19.khoan.2"). */
export function expectCitedUnder(response: AskResponse, question: string, documentId: string, section: string): void {
  expect(response.abstained, question).toBe(false);
  const places = response.citations.map((citation) => `${citation.documentId}#${citation.section}`);
  expect(
    places.some((place) => place === `${documentId}#${section}` || place.startsWith(`${documentId}#${section}.`)),
    `${question} → ${places.join(', ')}`,
  ).toBe(true);
}
