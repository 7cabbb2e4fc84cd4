/**
 * The shape of `corpus/registry.json` (the expected documents), checked when ingest reads it:
 * a wrong type, a date that is not ISO, a source without its commit or a known gap without its
 * reason stops ingest with a Vietnamese message naming the entry and the field, instead of
 * reaching the pages as a half-read fact.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES } from '../document-types.js';
import type { DocumentType, ExpectedDocument, KnownGap } from '../types.js';

const TYPES = DOCUMENT_TYPES.map((entry) => entry.type) as [DocumentType, ...DocumentType[]];
const GAP_FIELDS: readonly [KnownGap['field'], ...Array<KnownGap['field']>] = [
  'issuer', 'number', 'date', 'place', 'type', 'title', 'signer', 'recipients', 'appendices',
];

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
const isoDate = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}, 'cần một ngày có thật dạng YYYY-MM-DD, hoặc null khi văn bản không ghi');

const text = z.string().trim().min(1, 'không được để trống');

// Loose: a field added to the file later still reaches the registry; the known ones are checked.
const entrySchema = z.looseObject({
  id: text,
  type: z.enum(TYPES),
  number: text.nullable(),
  date: isoDate.nullable(),
  issuer: text.nullable(),
  title: text,
  file: text.nullable(),
  aliases: z.array(text).optional(),
  source: z.object({ repository: text, path: text, commit: text }).strict().optional(),
  knownGaps: z.array(z.object({ field: z.enum(GAP_FIELDS), reason: text }).strict()).optional(),
});

const registrySchema = z.object({ documents: z.array(entrySchema) });

/** "documents[2].source.commit: …" for the first problems of a failed parse. */
function describeIssues(error: z.ZodError, data: unknown): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
      const index = typeof issue.path[1] === 'number' ? issue.path[1] : -1;
      const id = index >= 0 ? (data as { documents?: Array<{ id?: unknown }> }).documents?.[index]?.id : undefined;
      return `${where}${typeof id === 'string' ? ` (${id})` : ''}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The expected documents of a parsed `registry.json`; throws an `Error` with a Vietnamese
 * message naming `file` and the first wrong fields. Duplicate ids are refused too.
 */
export function parseExpectedRegistry(data: unknown, file: string): ExpectedDocument[] {
  const result = registrySchema.safeParse(data);
  if (!result.success) throw new Error(`Tệp ${file} không đúng mẫu: ${describeIssues(result.error, data)}.`);
  const seen = new Set<string>();
  for (const entry of result.data.documents) {
    if (seen.has(entry.id)) throw new Error(`Tệp ${file} có hai văn bản cùng id “${entry.id}”.`);
    seen.add(entry.id);
  }
  return result.data.documents as ExpectedDocument[];
}
