/**
 * Must-show behaviour against the REAL assistant over the shipped corpus, in process and over
 * Streamable HTTP: `ask` answers the competency-framework question with Sở Nội vụ citing II.4;
 * `list_tasks` for "so noi vu" as lead gives II.4, II.5, II.6, II.8; an unknown task is isError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { sectionUri } from '../../server/mcp/resources.js';
import { callTool, connectInMemory, resourceText, resultText } from './helpers.js';
import { serveMcp, type RunningMcpHttp } from './http-server.js';
import { buildRealCorpus, MUST_SHOW_QUESTION, PLAN_ID, type RealCorpus } from './real-index.js';

let corpus: RealCorpus;
let client: Client;
let closeInMemory: () => Promise<void>;
let served: RunningMcpHttp;
let httpClient: Client;

beforeAll(async () => {
  corpus = await buildRealCorpus();
  ({ client, close: closeInMemory } = await connectInMemory(() => corpus.assistant));
  served = await serveMcp(() => corpus.assistant, { appJson: false });
  httpClient = new Client({ name: 'real-http-client', version: '1.0.0' });
  await httpClient.connect(new StreamableHTTPClientTransport(new URL(served.url)));
});
afterAll(async () => {
  await httpClient?.close();
  await served?.close();
  await closeInMemory?.();
  await corpus?.cleanup();
});

/** The must-show answer checks, for any connected client. */
async function expectMustShowAnswer(connected: Client): Promise<void> {
  const result = await callTool(connected, 'ask', { question: MUST_SHOW_QUESTION });
  expect(result.isError).toBeFalsy();
  const data = result.structuredContent as { answer: string; abstained: boolean; citations: Array<{ documentId: string; section: string; quote: string }> };
  expect(data.abstained).toBe(false);
  expect(data.answer).toContain('Sở Nội vụ');
  expect(data.citations.map((citation) => citation.section)).toContain('II.4');
  const document = corpus.assistant.getDocument(PLAN_ID);
  for (const citation of data.citations) expect(document.text).toContain(citation.quote);
  expect(resultText(result)).toMatch(/mục II\.4: “/);
}

async function expectLeadTasks(connected: Client): Promise<void> {
  const result = await callTool(connected, 'list_tasks', { unit: 'so noi vu', role: 'lead' });
  const tasks = (result.structuredContent as { tasks: Array<{ address: string; lead: Array<{ name: string }> }> }).tasks;
  expect(tasks.map((task) => task.address)).toEqual(['II.4', 'II.5', 'II.6', 'II.8']);
  for (const task of tasks) expect(task.lead.map((unit) => unit.name)).toContain('Sở Nội vụ');
  expect(resultText(result)).toContain('4 nhiệm vụ (Sở Nội vụ chủ trì)');
}

async function expectUnknownTaskError(connected: Client): Promise<void> {
  const result = await callTool(connected, 'get_task', { address: 'II.99' });
  expect(result.isError).toBe(true);
  expect(resultText(result)).toContain('Không tìm thấy nhiệm vụ “II.99”');
}

describe('in process', () => {
  it('ask answers with Sở Nội vụ and cites II.4', () => expectMustShowAnswer(client));
  it('list_tasks for "so noi vu" as lead gives II.4, II.5, II.6, II.8', () => expectLeadTasks(client));
  it('get_task of a non-existent address is an isError result', () => expectUnknownTaskError(client));

  it('get_task II.4 quotes the lead line verbatim', async () => {
    const result = await callTool(client, 'get_task', { address: 'II.4' });
    const task = result.structuredContent as { sources: { lead: { section: string; quote: string } }; timeline: { due: string } };
    expect(task.sources.lead).toEqual({ section: 'II.4', label: 'mục II.4', quote: '- Đơn vị chủ trì thực hiện: Sở Nội vụ.' });
    expect(task.timeline.due).toBe('2026-06-30');
  });

  it('list_documents names the three documents the plan cites but the corpus lacks', async () => {
    const result = await callTool(client, 'list_documents');
    const missing = (result.structuredContent as { missing: Array<{ id: string }> }).missing.map((doc) => doc.id);
    expect(missing.sort()).toEqual(['chi-thi-18-ct-ttg-2026', 'khung-nang-luc-vtvl-cap-xa', 'nghi-quyet-17-nq-tu-2026']);
    const chiThi = await callTool(client, 'get_document', { documentId: 'chi-thi-18-ct-ttg-2026' });
    expect(chiThi.isError).toBe(true);
    expect(resultText(chiThi)).toContain('chưa được nạp');
  });

  it('list_documents gives each shipped regulation its source and the known gaps of that source', async () => {
    const result = await callTool(client, 'list_documents');
    type Listed = { id: string; number: string | null; source: { commit: string } | null; knownGaps: Array<{ field: string; reason: string }> };
    const documents = (result.structuredContent as { documents: Listed[] }).documents;
    const copied = documents.filter((doc) => doc.source !== null);
    expect(copied.length).toBeGreaterThanOrEqual(2);
    expect(documents.find((doc) => doc.id === PLAN_ID)?.source).toBeNull();
    const withAppendixGap = documents.filter((doc) => doc.knownGaps.some((gap) => gap.field === 'appendices'));
    expect(withAppendixGap.length).toBeGreaterThanOrEqual(2);
    const text = resultText(result);
    for (const doc of withAppendixGap) {
      for (const gap of doc.knownGaps.filter((item) => item.field === 'appendices')) expect(text).toContain(`Bản nguồn thiếu: ${gap.reason}`);
    }
    for (const doc of copied) expect(text).toContain(`(commit ${doc.source!.commit})`);
  });

  it('reads section II.4 as a resource and completes unit names and addresses', async () => {
    const section = await client.readResource({ uri: sectionUri(PLAN_ID, 'II.4') });
    expect(resourceText(section)).toContain('Đơn vị chủ trì thực hiện: Sở Nội vụ.');
    const units = await client.complete({ ref: { type: 'ref/prompt', name: 'unit_briefing' }, argument: { name: 'unit', value: 'so noi' } });
    expect(units.completion.values[0]).toBe('Sở Nội vụ');
    const addresses = await client.complete({
      ref: { type: 'ref/resource', uri: 'corpus://documents/{documentId}/sections/{address}' },
      argument: { name: 'address', value: 'II.6' },
      context: { arguments: { documentId: PLAN_ID } },
    });
    expect(addresses.completion.values).toEqual(['II.6', 'II.6.a', 'II.6.b']);
  });

  it('unit_briefing for SNV embeds its lead and coordinating tasks', async () => {
    const prompt = await client.getPrompt({ name: 'unit_briefing', arguments: { unit: 'SNV' } });
    const text = String((prompt.messages[0].content as { text: string }).text);
    expect(text).toContain('Nhiệm vụ Sở Nội vụ chủ trì (4)');
    expect(text).toMatch(/Nhiệm vụ Sở Nội vụ phối hợp \(\d+\)/);
    expect(text).toContain('mục II.7: ');
  });
});

describe('over Streamable HTTP', () => {
  it('ask answers with Sở Nội vụ and cites II.4', () => expectMustShowAnswer(httpClient));
  it('list_tasks for "so noi vu" as lead gives II.4, II.5, II.6, II.8', () => expectLeadTasks(httpClient));
  it('get_task of a non-existent address is an isError result', () => expectUnknownTaskError(httpClient));
});
