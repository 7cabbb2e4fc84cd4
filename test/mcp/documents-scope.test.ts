/**
 * The cross-document surface of the MCP server over the fake assistant (fast, in process): the
 * `documentId` argument passed through and checked, `list_unit_obligations`, completion of
 * labels and document numbers, and Vietnamese labels (never raw addresses) in texts and titles.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SECTION_URI_TEMPLATE, sectionUri } from '../../server/mcp/resources.js';
import { createFakeAssistant, FAKE_DOCUMENT_ID, FAKE_EXPECTED_MISSING_ID } from '../fakes/fake-assistant.js';
import { callTool, connectInMemory, resourceText, resultText } from './helpers.js';

let client: Client;
let close: () => Promise<void>;
let assistant: ReturnType<typeof createFakeAssistant>;

beforeEach(async () => {
  assistant = createFakeAssistant();
  ({ client, close } = await connectInMemory(() => assistant));
});
afterEach(async () => {
  await close();
});

/** Raw addresses that must never reach a reader. */
const RAW = /\b(?:header|preamble|signature|recipients|footnote\.\d|closing)\b/;

describe('documentId', () => {
  it('reaches the core with ask, and an unknown one is an isError naming the loaded documents', async () => {
    const ok = await callTool(client, 'ask', { question: 'Ai chủ trì?', documentId: FAKE_DOCUMENT_ID });
    expect(ok.isError).toBeFalsy();
    expect((assistant.questions[0] as { documentId?: string }).documentId).toBe(FAKE_DOCUMENT_ID);
    for (const tool of ['ask', 'search_documents', 'list_tasks', 'list_unit_obligations']) {
      const args = { question: 'x', query: 'x', unit: 'PTN', documentId: '30/2020/NĐ-CP' };
      const result = await callTool(client, tool, args);
      expect(result.isError, tool).toBe(true);
      expect(resultText(result)).toContain('Không tìm thấy văn bản “30/2020/NĐ-CP”');
      expect(resultText(result)).toContain(`[${FAKE_DOCUMENT_ID}]`);
    }
    expect(assistant.questions).toHaveLength(1);
  });

  it('names an expected document that is not loaded as such', async () => {
    const result = await callTool(client, 'get_task', { number: 1, documentId: '99/CT-GL' });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('chưa được nạp');
    expect(resultText(result)).not.toContain(FAKE_EXPECTED_MISSING_ID + ']');
  });
});

describe('list_unit_obligations', () => {
  it('groups a unit’s duties by document, any alias, with role, label and timeline', async () => {
    const result = await callTool(client, 'list_unit_obligations', { unit: 'phong thu nghiem' });
    const data = result.structuredContent as {
      unit: string;
      count: number;
      documents: Array<{ documentId: string; shortName: string; obligations: Array<{ role: string; label: string; timeline: { due?: string } }> }>;
    };
    expect(data.unit).toBe('Phòng Thử nghiệm');
    expect(data.documents.map((group) => group.documentId)).toEqual([FAKE_DOCUMENT_ID]);
    expect(data.documents[0].obligations.map((item) => [item.role, item.label])).toEqual([
      ['lead', 'mục I.1'],
      ['coordinating', 'mục I.2'],
    ]);
    const text = resultText(result);
    expect(text).toContain('Phòng Thử nghiệm: 2 việc trong 1 văn bản.');
    expect(text).toContain('mục I.1 (chủ trì)');
    expect(text).toContain('(hạn: 31/3/2030)');
    const lead = await callTool(client, 'list_unit_obligations', { unit: 'PTN', role: 'lead' });
    expect((lead.structuredContent as { count: number }).count).toBe(1);
  });

  it('answers an unknown unit with isError', async () => {
    const result = await callTool(client, 'list_unit_obligations', { unit: 'Sở Không Có' });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('Không nhận ra đơn vị');
  });
});

describe('labels, not addresses', () => {
  it('titles every section resource with the document and the Vietnamese label', async () => {
    const { resources } = await client.listResources();
    const header = resources.find((item) => item.uri === sectionUri(FAKE_DOCUMENT_ID, 'header'));
    expect(header?.title).toMatch(/^Kế hoạch, phần đầu văn bản/);
    for (const resource of resources) expect(resource.title ?? '', resource.uri).not.toMatch(RAW);
  });

  it('reads a section by its label too, and completes labels without diacritics', async () => {
    const read = await client.readResource({ uri: sectionUri(FAKE_DOCUMENT_ID, 'mục I.1') });
    expect(resourceText(read)).toContain('Lập danh sách thiết bị thử nghiệm.');
    const completion = await client.complete({
      ref: { type: 'ref/resource', uri: SECTION_URI_TEMPLATE },
      argument: { name: 'address', value: 'phan dau' },
      context: { arguments: { documentId: FAKE_DOCUMENT_ID } },
    });
    expect(completion.completion.values).toEqual(['phần đầu văn bản']);
    const part = await callTool(client, 'get_document', { documentId: FAKE_DOCUMENT_ID, section: 'phần I' });
    expect((part.structuredContent as { section: { address: string } }).section.address).toBe('I');
    expect(resultText(part)).toContain('Các phần: mục I.1, mục I.2');
  });

  it('completes the document argument of unit_briefing', async () => {
    const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'unit_briefing' }, argument: { name: 'document', value: 'ke hoach' } });
    expect(completion.completion.values).toEqual([FAKE_DOCUMENT_ID]);
  });

  it('shows no raw address in any tool text', async () => {
    const texts = await Promise.all([
      callTool(client, 'get_document', { documentId: FAKE_DOCUMENT_ID }),
      callTool(client, 'search_documents', { query: 'thiết bị' }),
      callTool(client, 'get_task', { number: 2 }),
      callTool(client, 'ask', { question: 'Ai chủ trì?' }),
      callTool(client, 'list_documents'),
    ]);
    for (const result of texts) {
      const body = resultText(result).split('\n').filter((line) => !line.includes('synthetic test fixture'));
      expect(body.join('\n')).not.toMatch(RAW);
    }
  });
});
