/**
 * Tool `list_documents`: the documents in the corpus with the facts of their header (type,
 * number, date, issuer, title, signer, effective date, what the source lacks), and the
 * documents the corpus expects but does not hold — so a model never pretends to know them.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ExpectedDocumentStatus } from '../../../ingest/types.js';
import type { DocumentSummary, SignerView } from '../../core/types.js';
import { documentShortName } from '../../core/catalog/obligations.js';
import type { McpDeps } from '../deps.js';
import { formatDate } from '../../core/answer/format.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { readOnlyAnnotations } from './annotations.js';

const gapOutput = z.object({ field: z.string().describe('number, date, issuer, signer, …'), reason: z.string().describe('Why the source lacks it, in Vietnamese.') });

const documentOutput = z.object({
  id: z.string().describe('Use as documentId in the other tools (the number works too).'),
  status: z.literal('loaded'),
  type: z.string().describe('ke-hoach, chi-thi, nghi-quyet, nghi-dinh, luat, …'),
  shortName: z.string().describe('"NĐ 335/2025", "KH 141": how answers name the document.'),
  title: z.string(),
  number: z.string().nullable().describe('"335/2025/NĐ-CP"; null when the text leaves it blank.'),
  issuedDate: z.string().nullable().describe('ISO date of issue; null when the source lacks it (see gaps).'),
  issuer: z.string().nullable(),
  issuerParent: z.string().nullable(),
  signer: z.object({ name: z.string().nullable(), position: z.string().nullable(), authority: z.array(z.string()) }).nullable(),
  effectiveDate: z.string().nullable().describe('ISO date from the clause stating it.'),
  gaps: z.array(gapOutput).describe('Header facts the source lacks, with the reason; never guessed.'),
  source: z
    .object({ repository: z.string(), path: z.string(), commit: z.string() })
    .nullable()
    .describe('Public repository file the text was copied from, byte for byte (corpus/registry.json); null when not recorded.'),
  knownGaps: z.array(gapOutput).describe('What the source file is known to lack (corpus/registry.json), e.g. appendices; never filled in.'),
  file: z.string(),
  sections: z.number(),
});

const missingOutput = z.object({
  id: z.string(),
  status: z.literal('expected-missing'),
  type: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  title: z.string(),
});

const outputSchema = {
  documents: z.array(documentOutput),
  missing: z.array(missingOutput).describe('Documents the corpus expects (cited or referred to) whose text is not loaded.'),
};

function signerText(signer: SignerView | null): string | null {
  if (!signer || (!signer.name && !signer.position)) return null;
  return [signer.authority.join(' '), signer.position, signer.name].filter(Boolean).join(' ');
}

/** The document's entry in corpus/registry.json, for its source and known gaps. */
function entryOf(doc: DocumentSummary, registry: readonly ExpectedDocumentStatus[]): ExpectedDocumentStatus | undefined {
  return registry.find((entry) => entry.present && entry.id === doc.id);
}

function documentBlock(doc: DocumentSummary, entry?: ExpectedDocumentStatus): string {
  const facts = [
    `số ${doc.number ?? '(không ghi)'}`,
    `ngày ${doc.issuedDate ? formatDate(doc.issuedDate) : '(không ghi)'}`,
    doc.issuer ? `cơ quan ban hành: ${doc.issuer}` : null,
    signerText(doc.signer) ? `người ký: ${signerText(doc.signer)}` : null,
    doc.effectiveDate ? `hiệu lực từ ${formatDate(doc.effectiveDate)}` : null,
  ].filter(Boolean);
  const lines = [` - ${documentShortName(doc.type, doc.number)}: ${doc.title} [${doc.id}]`, `   ${facts.join('; ')}; ${doc.sections} phần.`];
  for (const gap of doc.gaps) lines.push(`   Thiếu trong văn bản gốc: ${gap.reason}`);
  // Known gaps the header reading cannot see (appendices), not those it reports already.
  for (const gap of entry?.knownGaps ?? []) if (!doc.gaps.some((found) => found.field === gap.field)) lines.push(`   Bản nguồn thiếu: ${gap.reason}`);
  if (entry?.source) lines.push(`   Nguồn: ${entry.source.repository}, tệp ${entry.source.path} (commit ${entry.source.commit}).`);
  return lines.join('\n');
}

function missingLine(doc: ExpectedDocumentStatus): string {
  const facts = [doc.number ? `số ${doc.number}` : null, doc.date ? `ngày ${formatDate(doc.date)}` : null, doc.issuer]
    .filter(Boolean)
    .join(', ');
  return ` - ${doc.title} [${doc.id}]${facts ? ` — ${facts}` : ''}.`;
}

/**
 * Present documents with their facts (and, from `registry`, where each was copied from and what
 * its source lacks), then the expected ones that are missing.
 */
export function documentsText(
  documents: readonly DocumentSummary[],
  missing: readonly ExpectedDocumentStatus[],
  registry: readonly ExpectedDocumentStatus[] = [],
): string {
  const blocks = documents.map((doc) => documentBlock(doc, entryOf(doc, registry)));
  const parts = [`Văn bản đã nạp (${documents.length}):\n${blocks.join('\n') || ' (chưa có)'}`];
  if (missing.length > 0) {
    parts.push(`Văn bản được dẫn chiếu nhưng chưa có toàn văn trong kho (${missing.length}):\n${missing.map(missingLine).join('\n')}`);
  }
  return parts.join('\n\n');
}

function documentToOutput(doc: DocumentSummary, entry?: ExpectedDocumentStatus): z.infer<typeof documentOutput> {
  return {
    id: doc.id,
    status: 'loaded',
    type: doc.type,
    shortName: documentShortName(doc.type, doc.number),
    title: doc.title,
    number: doc.number,
    issuedDate: doc.issuedDate,
    issuer: doc.issuer,
    issuerParent: doc.issuerParent,
    signer: doc.signer && { name: doc.signer.name, position: doc.signer.position, authority: [...doc.signer.authority] },
    effectiveDate: doc.effectiveDate,
    gaps: doc.gaps.map((gap) => ({ field: gap.field, reason: gap.reason })),
    source: entry?.source ? { ...entry.source } : null,
    knownGaps: (entry?.knownGaps ?? []).map((gap) => ({ field: gap.field, reason: gap.reason })),
    file: doc.file,
    sections: doc.sections,
  };
}

/** Registers `list_documents`. */
export function registerListDocumentsTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'list_documents',
    {
      title: 'Danh sách văn bản',
      description:
        'List the documents loaded in the corpus with the facts of their header (type, number, date of issue, issuer, title, ' +
        'signer, effective date, facts the source lacks) and the expected documents that are missing: cited but whose text ' +
        'is not available. Never answer from a missing document.',
      inputSchema: {},
      outputSchema,
      annotations: readOnlyAnnotations('Danh sách văn bản'),
    },
    () =>
      runTool('list_documents', deps, () => {
        const { documents, expected } = deps.getAssistant().listDocuments();
        const missing = expected.filter((doc) => !doc.present);
        return toolSuccess(documentsText(documents, missing, expected), {
          documents: documents.map((doc) => documentToOutput(doc, entryOf(doc, expected))),
          missing: missing.map((doc) => ({
            id: doc.id,
            status: 'expected-missing' as const,
            type: doc.type,
            number: doc.number,
            date: doc.date,
            issuer: doc.issuer,
            title: doc.title,
          })),
        });
      }),
  );
}
