/**
 * Must-show across documents, against the REAL assistant over the shipped corpus with the seven
 * real documents beside it, over Streamable HTTP and over stdio (a spawned `server/mcp-stdio.ts`):
 * `ask` confined by `documentId` (an id or a number), `list_documents` with header facts, and a
 * unit's obligations grouped by document, each quote verbatim and each place a Vietnamese label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { DocumentSummary } from '../../server/core/types.js';
import { callTool, resultText } from './helpers.js';
import { serveMcp, type RunningMcpHttp } from './http-server.js';
import { buildRealDocsCorpus, REPO_ROOT, type RealCorpus } from './real-index.js';

let corpus: RealCorpus & { corpusDir: string };
let served: RunningMcpHttp;
let httpClient: Client;
let stdioClient: Client;

/** What the index read from each document's own text: the expectations follow it, not a list typed here. */
let facts: Map<string, DocumentSummary>;

/** The environment of the child: PATH and friends, plus the temporary corpus and index; no LLM keys. */
function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('OPENAI_') && !key.startsWith('VITEST')) env[key] = value;
  }
  return { ...env, CORPUS_DIR: corpus.corpusDir, INDEX_DIR: corpus.indexDir, WATCH_INDEX: 'false', LOG_LEVEL: 'warn' };
}

beforeAll(async () => {
  corpus = await buildRealDocsCorpus();
  facts = new Map(corpus.assistant.listDocuments().documents.map((doc) => [doc.id, doc]));
  served = await serveMcp(() => corpus.assistant, { appJson: false });
  httpClient = new Client({ name: 'realdocs-http-client', version: '1.0.0' });
  await httpClient.connect(new StreamableHTTPClientTransport(new URL(served.url)));
  stdioClient = new Client({ name: 'realdocs-stdio-client', version: '1.0.0' });
  await stdioClient.connect(new StdioClientTransport({ command: 'npx', args: ['tsx', 'server/mcp-stdio.ts'], cwd: REPO_ROOT, env: childEnv(), stderr: 'pipe' }));
}, 180_000);
afterAll(async () => {
  await stdioClient?.close();
  await httpClient?.close();
  await served?.close();
  await corpus?.cleanup();
});

/** The loaded document whose number is `number` (read from its header). */
function byNumber(number: string): DocumentSummary {
  const found = [...facts.values()].find((doc) => doc.number === number);
  if (!found) throw new Error(`no loaded document numbered ${number}`);
  return found;
}

const RAW = /\b(?:header|preamble|signature|recipients|closing|dieu\.\d|khoan\.\d)\b/;

type AskData = { answer: string; abstained: boolean; citations: Array<{ documentId: string; section: string; label: string; quote: string }> };

async function expectAskConfined(client: Client): Promise<void> {
  const question = 'Sở Nội vụ làm gì?';
  const whole = (await callTool(client, 'ask', { question })).structuredContent as AskData;
  const across = new Set(whole.citations.map((citation) => citation.documentId));
  expect(across.size).toBeGreaterThan(1);
  // By number, as people write it, without diacritics: only that document answers.
  const plan = byNumber('141/KH-UBND');
  const result = await callTool(client, 'ask', { question, documentId: '141/kh-ubnd' });
  const data = result.structuredContent as AskData;
  expect(data.abstained).toBe(false);
  expect(data.citations.length).toBeGreaterThan(0);
  const text = corpus.assistant.getDocument(plan.id).text;
  for (const citation of data.citations) {
    expect(citation.documentId).toBe(plan.id);
    expect(text).toContain(citation.quote);
    expect(citation.label).not.toMatch(RAW);
  }
  // By id, a decree: the signer question is answered from that decree alone.
  const decree = byNumber('335/2025/NĐ-CP');
  const signer = (await callTool(client, 'ask', { question: 'Ai ký văn bản?', documentId: decree.id })).structuredContent as AskData;
  expect(signer.citations.map((citation) => citation.documentId)).toEqual(signer.citations.map(() => decree.id));
  expect(signer.answer).toContain(decree.signer?.name ?? '(no signer read)');
  const unknown = await callTool(client, 'ask', { question, documentId: '30/2020/NĐ-CP' });
  expect(unknown.isError).toBe(true);
  expect(resultText(unknown)).toContain(`[${decree.id}]`);
}

type ListedDocument = { id: string; status: string; type: string; shortName: string; number: string | null; issuedDate: string | null; issuer: string | null; title: string; signer: { name: string | null } | null; effectiveDate: string | null; gaps: Array<{ field: string; reason: string }> };

async function expectDocumentMetadata(client: Client): Promise<void> {
  const result = await callTool(client, 'list_documents');
  const data = result.structuredContent as { documents: ListedDocument[]; missing: Array<{ id: string; status: string }> };
  expect(data.documents).toHaveLength(facts.size);
  expect(facts.size).toBeGreaterThanOrEqual(8);
  for (const listed of data.documents) {
    const read = facts.get(listed.id)!;
    expect(listed).toMatchObject({ status: 'loaded', type: read.type, number: read.number, issuedDate: read.issuedDate, issuer: read.issuer, title: read.title, effectiveDate: read.effectiveDate });
    expect(listed.gaps.map((gap) => gap.field)).toEqual(read.gaps.map((gap) => gap.field));
  }
  const decree = data.documents.find((doc) => doc.number === '335/2025/NĐ-CP')!;
  expect(decree).toMatchObject({ type: 'nghi-dinh', shortName: 'NĐ 335/2025', issuedDate: '2025-12-21', issuer: 'Chính phủ' });
  expect(decree.signer?.name).toBeTruthy();
  const law = data.documents.find((doc) => doc.number === '80/2025/QH15')!;
  expect(law).toMatchObject({ type: 'luat', issuedDate: '2025-06-24' });
  // A date the header lacks is a named gap, never filled in silently.
  const withGaps = data.documents.filter((doc) => doc.gaps.length > 0);
  expect(withGaps.length).toBeGreaterThan(0);
  for (const doc of withGaps) for (const gap of doc.gaps) expect(resultText(result)).toContain(gap.reason);
  expect(data.missing.every((doc) => doc.status === 'expected-missing')).toBe(true);
  expect(resultText(result)).toContain('ngày 21/12/2025');
}

type UnitData = { unit: string; count: number; documents: Array<{ documentId: string; shortName: string; obligations: Array<{ role: string; label: string; action: string; source: { quote: string; label: string } }> }> };

async function expectUnitAcrossDocuments(client: Client): Promise<void> {
  const result = await callTool(client, 'list_unit_obligations', { unit: 'so noi vu' });
  expect(result.isError).toBeFalsy();
  const data = result.structuredContent as UnitData;
  expect(data.unit).toBe('Sở Nội vụ');
  expect(data.documents.length).toBeGreaterThanOrEqual(3);
  expect(data.count).toBe(data.documents.reduce((sum, group) => sum + group.obligations.length, 0));
  const text = resultText(result);
  for (const group of data.documents) {
    const document = corpus.assistant.getDocument(group.documentId);
    expect(text).toContain(`${group.shortName} — ${document.title}`);
    for (const item of group.obligations) {
      expect(document.text).toContain(item.source.quote);
      expect(item.label).not.toMatch(RAW);
    }
  }
  expect(text).not.toMatch(RAW);
  // One document only, named by its number.
  const plan = byNumber('141/KH-UBND');
  const one = (await callTool(client, 'list_unit_obligations', { unit: 'SNV', documentId: '141/KH-UBND' })).structuredContent as UnitData;
  expect(one.documents.map((group) => group.documentId)).toEqual([plan.id]);
}

describe.each([
  ['Streamable HTTP', () => httpClient],
  ['stdio', () => stdioClient],
])('over %s', (_name, client) => {
  it('ask with a documentId answers only from that document', () => expectAskConfined(client()), 60_000);
  it('list_documents gives every document’s header facts and gaps', () => expectDocumentMetadata(client()), 60_000);
  it('list_unit_obligations gives a unit’s duties from at least three documents', () => expectUnitAcrossDocuments(client()), 60_000);
});
