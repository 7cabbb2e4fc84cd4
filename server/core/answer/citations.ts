/**
 * Citations: collected while an answer is written (each claim gets the marker of the passage
 * that supports it), verified against the documents before the answer leaves the core.
 * A quote must be a verbatim substring of the document's normalized text and the section an
 * address the document has; a quote that is not verbatim is repaired when the section holds
 * it modulo spacing, and otherwise the claim cites the whole section text.
 */
import type { CorpusDocument, Registry, Section } from '../../../ingest/types.js';
import type { Citation } from '../types.js';
import { documentById, sectionAt } from '../registry-lookup.js';

/** Longest quote kept whole; longer quotes are cut at a word boundary (still verbatim). */
const MAX_QUOTE_CHARS = 600;

/** Builds a numbered, de-duplicated list of verified citations. */
export class CitationList {
  private readonly items: Citation[] = [];

  constructor(private readonly registry: Registry) {}

  /** Adds a citation (or finds the same one) and returns its marker, e.g. "[2]". */
  cite(documentId: string, section: string, quote: string): string {
    const citation = verifiedCitation(this.registry, documentId, section, quote);
    if (!citation) return '';
    const existing = this.items.findIndex(
      (item) => item.documentId === citation.documentId && item.section === citation.section && item.quote === citation.quote,
    );
    if (existing >= 0) return `[${existing + 1}]`;
    this.items.push(citation);
    return `[${this.items.length}]`;
  }

  get size(): number {
    return this.items.length;
  }

  toArray(): Citation[] {
    return [...this.items];
  }
}

/** Section lookup by address. */
export function findSection(document: CorpusDocument, address: string): Section | undefined {
  return sectionAt(document, address);
}

/**
 * A citation whose quote is verbatim in the document and whose section exists, or null when
 * neither the quote nor the section can be found.
 */
export function verifiedCitation(registry: Registry, documentId: string, address: string, quote: string): Citation | null {
  const document = documentById(registry.documents, documentId);
  if (!document) return null;
  const section = findSection(document, address);
  if (!section) return null;
  const verbatim = repairQuote(document.text, section, quote.trim()) ?? section.text.trim();
  if (verbatim === '') return null;
  return { documentId, documentTitle: document.title, section: address, quote: shorten(verbatim) };
}

/** The quote as it stands in the text: itself, or the section's text matching it modulo whitespace. */
function repairQuote(text: string, section: Section, quote: string): string | null {
  if (quote === '') return null;
  if (text.includes(quote)) return quote;
  const words = quote.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const flexible = new RegExp(words.join('\\s+'));
  const match = flexible.exec(section.text);
  return match ? match[0] : null;
}

/** Cuts a long quote at a word boundary; a prefix of a verbatim quote is verbatim. */
function shorten(quote: string): string {
  if (quote.length <= MAX_QUOTE_CHARS) return quote;
  const cut = quote.lastIndexOf(' ', MAX_QUOTE_CHARS);
  return quote.slice(0, cut > 200 ? cut : MAX_QUOTE_CHARS).trimEnd();
}

/** Whether a citation holds: its document exists, its section exists, its quote is verbatim. */
export function isCitationValid(registry: Registry, citation: Citation): boolean {
  const document = documentById(registry.documents, citation.documentId);
  if (!document || !findSection(document, citation.section)) return false;
  return citation.quote.length > 0 && document.text.includes(citation.quote);
}

/**
 * Drops citations that do not hold and renumbers the markers of the answer to match; a
 * marker of a dropped citation is removed with it. The safety net before an answer leaves.
 */
export function enforceCitations(registry: Registry, answer: string, citations: Citation[]): { answer: string; citations: Citation[] } {
  const kept: Citation[] = [];
  const renumber = new Map<number, number>();
  citations.forEach((citation, index) => {
    if (!isCitationValid(registry, citation)) return;
    kept.push(citation);
    renumber.set(index + 1, kept.length);
  });
  if (kept.length === citations.length) return { answer, citations };
  const text = answer.replace(/\s?\[(\d+)\]/g, (marker, number: string) => {
    const next = renumber.get(Number(number));
    return next ? marker.replace(number, String(next)) : '';
  });
  return { answer: text, citations: kept };
}
