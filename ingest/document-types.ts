/**
 * The document types, one table (`ingest/vocabulary/document-types.json`): how each type's line
 * is written in a header ("NGHỊ ĐỊNH"), how it is named to users ("Nghị định") and the
 * abbreviation its number carries ("NĐ"). The parser, the answers, the question reader and the
 * ingest summary all read this one table.
 */
import table from './vocabulary/document-types.json' with { type: 'json' };
import type { DocumentType } from './types.js';

/** One row of the table. */
export interface DocumentTypeEntry {
  type: DocumentType;
  /** The name users read: "Nghị định". */
  name: string;
  /** Type lines as a header writes them: ["NGHỊ ĐỊNH"]. */
  typeLines: readonly string[];
  /** Abbreviations in numbers and symbols: ["NĐ"]. */
  symbols: readonly string[];
  /** Words that hold the type's name but are not the type ("kỷ luật", "pháp luật" for "Luật"). */
  notTheType?: readonly string[];
  /** A type other documents always cite by number ("Nghị định số 118/2025/NĐ-CP"): "which nghị định?" wants one. */
  citedByNumber?: boolean;
  /** False for a type whose expected documents are not named by the type word and their number ("Kế hoạch 12"): a plan is named by its aliases. */
  citedWithTypeWord?: boolean;
  /** What a document of this type lays down, as a question names it ("tiêu chuẩn", "tiêu chí" of a competency framework). */
  contentNouns?: readonly string[];
}

/** Every document type, in the table's order. */
export const DOCUMENT_TYPES: readonly DocumentTypeEntry[] = table.types as DocumentTypeEntry[];

/** Prefixes of the subject line that stands in for a type line in a công văn ("V/v …"). */
export const SUBJECT_LINE_PREFIXES: readonly string[] = table.subjectLinePrefixes;

/** How each document type is named in Vietnamese ("chi-thi" → "Chỉ thị"). */
export const DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = Object.fromEntries(
  DOCUMENT_TYPES.map((entry) => [entry.type, entry.name]),
) as Record<DocumentType, string>;

/** The types whose expected documents are not named by their type word and number (`citedWithTypeWord: false`). */
export const NOT_CITED_WITH_TYPE_WORD: ReadonlySet<DocumentType> = new Set(DOCUMENT_TYPES.filter((entry) => entry.citedWithTypeWord === false).map((entry) => entry.type));

/** What each type's documents lay down (`contentNouns`), as written, by type. */
export const CONTENT_NOUNS: Readonly<Partial<Record<DocumentType, readonly string[]>>> = Object.fromEntries(
  DOCUMENT_TYPES.flatMap((entry) => (entry.contentNouns ? [[entry.type, entry.contentNouns]] : [])),
);

/** Words that hold a type's name but are not the type, folded ("ky luat"): "kỷ luật cán bộ" does not name "Luật Cán bộ". */
export const NOT_TYPE_WORDS: readonly string[] = DOCUMENT_TYPES.flatMap((entry) => entry.notTheType ?? []);
