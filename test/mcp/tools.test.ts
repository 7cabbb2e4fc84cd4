/**
 * The seven tools in process (InMemoryTransport + SDK client) over the fake assistant: listing,
 * annotations and schemas, structured output, and every error path as an `isError` result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { GENERIC_TOOL_ERROR } from '../../server/mcp/tool-result.js';
import { createFakeAssistant, FAKE_CRASH_QUERY, FAKE_DOCUMENT_ID, FAKE_EXPECTED_MISSING_ID } from '../fakes/fake-assistant.js';
import { callTool, capturingLogger, connectInMemory, resultText } from './helpers.js';

const TOOL_NAMES = ['ask', 'get_document', 'get_task', 'list_documents', 'list_tasks', 'list_unit_obligations', 'search_documents'];

let client: Client;
let close: () => Promise<void>;
let assistant: ReturnType<typeof createFakeAssistant>;
let logged: ReturnType<typeof capturingLogger>;

beforeEach(async () => {
  assistant = createFakeAssistant();
  logged = capturingLogger();
  ({ client, close } = await connectInMemory(() => assistant, logged.logger));
});
afterEach(async () => {
  await close();
});

describe('tools/list', () => {
  it('lists the seven tools, read-only, with output schemas and a description on every input field', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(TOOL_NAMES);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
      expect(tool.annotations?.title).toBeTruthy();
      expect(tool.description?.length).toBeGreaterThan(40);
      expect(tool.outputSchema?.type).toBe('object');
      for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
      }
    }
  });

  it('declares which inputs are required', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('ask')?.inputSchema.required).toEqual(['question']);
    expect(byName.get('get_document')?.inputSchema.required).toEqual(['documentId']);
    expect(byName.get('list_tasks')?.inputSchema.required ?? []).toEqual([]);
  });
});

describe('ask', () => {
  it('passes question and conversation through and returns the answer with numbered sources', async () => {
    const result = await callTool(client, 'ask', { question: 'Ai chủ trì nhiệm vụ 1?', conversationId: 'c-42' });
    expect(result.isError).toBeFalsy();
    expect(assistant.questions).toEqual([{ question: 'Ai chủ trì nhiệm vụ 1?', conversationId: 'c-42' }]);
    const data = result.structuredContent as { citations: Array<{ section: string; quote: string }>; conversationId: string };
    expect(data.conversationId).toBe('c-42');
    expect(data.citations[0].section).toBe('I.1');
    expect(resultText(result)).toContain(`[1] Kế hoạch giả lập để kiểm thử, mục I.1: “${data.citations[0].quote}”`);
  });

  it('refuses an empty question as an isError result', async () => {
    const result = await callTool(client, 'ask', { question: '   ' });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('Câu hỏi không được để trống.');
    expect(assistant.questions).toEqual([]);
  });
});

describe('search_documents', () => {
  it('returns passages with addresses and scores', async () => {
    const result = await callTool(client, 'search_documents', { query: 'dữ liệu mẫu', k: 3 });
    const hits = (result.structuredContent as { hits: Array<{ address: string; score: number }> }).hits;
    expect(hits.map((hit) => hit.address)).toEqual(['I.2']);
    expect(resultText(result)).toContain('mục I.2');
  });

  it('rejects k outside 1–20', async () => {
    const tooMany = await callTool(client, 'search_documents', { query: 'x', k: 21 });
    expect(tooMany.isError).toBe(true);
    expect(resultText(tooMany)).toContain('k phải từ 1 đến 20.');
    expect((await callTool(client, 'search_documents', { query: 'x', k: 0 })).isError).toBe(true);
  });

  it('hides an unexpected error behind a generic message and logs it', async () => {
    const result = await callTool(client, 'search_documents', { query: FAKE_CRASH_QUERY });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toBe(GENERIC_TOOL_ERROR);
    expect(resultText(result)).not.toContain('passwd');
    expect(logged.lines.some((line) => line.tool === 'search_documents' && line.level === 50)).toBe(true);
  });
});

describe('list_tasks', () => {
  it('filters by unit alias and role', async () => {
    const lead = await callTool(client, 'list_tasks', { unit: 'ptn', role: 'lead' });
    const coordinating = await callTool(client, 'list_tasks', { unit: 'phong thu nghiem', role: 'coordinating' });
    const addresses = (result: typeof lead) => (result.structuredContent as { tasks: Array<{ address: string }> }).tasks.map((t) => t.address);
    expect(addresses(lead)).toEqual(['I.1']);
    expect(addresses(coordinating)).toEqual(['I.2']);
    expect(resultText(lead)).toContain('Phòng Thử nghiệm chủ trì');
    expect(resultText(lead)).toContain('(hạn: 31/3/2030)');
  });

  it('filters by due date and kind', async () => {
    const due = await callTool(client, 'list_tasks', { dueBefore: '2030-04-01' });
    expect((due.structuredContent as { count: number }).count).toBe(1);
    const recurring = await callTool(client, 'list_tasks', { kind: 'recurring' });
    expect((recurring.structuredContent as { tasks: Array<{ address: string }> }).tasks[0].address).toBe('I.2');
  });

  it('answers an unknown unit with the core’s Vietnamese message', async () => {
    const result = await callTool(client, 'list_tasks', { unit: 'Sở Không Có' });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('Không nhận ra đơn vị “Sở Không Có”');
  });

  it.each(['30/06/2026', '2026-13-01', '2026-02-30'])('answers a bad date (%s) with isError', async (date) => {
    const result = await callTool(client, 'list_tasks', { dueBefore: date });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(/Ngày/);
  });
});

describe('get_task', () => {
  it('returns a task by address with the verbatim source of each field', async () => {
    const result = await callTool(client, 'get_task', { address: 'I.2' });
    const task = result.structuredContent as { sources: { coordinating: { quote: string } }; coordinating: Array<{ name: string }> };
    expect(task.coordinating.map((unit) => unit.name)).toEqual(['Phòng Thử nghiệm']);
    expect(task.sources.coordinating.quote).toBe('- Đơn vị phối hợp thực hiện: Phòng Thử nghiệm.');
    expect(resultText(result)).toContain('Nguồn (mục I.2): “- Đơn vị phối hợp thực hiện: Phòng Thử nghiệm.”');
  });

  it('finds a task by number', async () => {
    const result = await callTool(client, 'get_task', { number: 1 });
    expect((result.structuredContent as { address: string }).address).toBe('I.1');
  });

  it('answers an unknown task, or no key at all, with isError', async () => {
    const unknown = await callTool(client, 'get_task', { address: 'IX.9' });
    expect(unknown.isError).toBe(true);
    expect(resultText(unknown)).toContain('Không tìm thấy nhiệm vụ “IX.9”');
    const none = await callTool(client, 'get_task', {});
    expect(none.isError).toBe(true);
    expect(resultText(none)).toContain('Cần cho biết địa chỉ nhiệm vụ');
  });
});

describe('list_documents and get_document', () => {
  it('lists present documents and the missing expected ones', async () => {
    const result = await callTool(client, 'list_documents');
    const data = result.structuredContent as { documents: Array<{ id: string }>; missing: Array<{ id: string }> };
    expect(data.documents.map((doc) => doc.id)).toEqual([FAKE_DOCUMENT_ID]);
    expect(data.missing.map((doc) => doc.id)).toEqual([FAKE_EXPECTED_MISSING_ID]);
    expect(resultText(result)).toContain('chưa có toàn văn');
    expect(resultText(result)).toContain('số 99/CT-GL, ngày 02/01/2030');
  });

  it('returns a whole document with its outline, or one section with its children', async () => {
    const whole = await callTool(client, 'get_document', { documentId: FAKE_DOCUMENT_ID });
    const doc = whole.structuredContent as { text: string; section: null; sections: Array<{ address: string }> };
    expect(doc.section).toBeNull();
    expect(doc.text.split('\n')[0]).toContain('synthetic test fixture');
    expect(doc.sections.map((item) => item.address)).toEqual(['header', 'I', 'I.1', 'I.2']);
    const part = await callTool(client, 'get_document', { documentId: FAKE_DOCUMENT_ID, section: 'I' });
    const data = part.structuredContent as { section: { address: string }; sections: Array<{ address: string }>; text: string };
    expect(data.section.address).toBe('I');
    expect(data.sections.map((item) => item.address)).toEqual(['I.1', 'I.2']);
    expect(doc.text).toContain(data.text);
  });

  it('answers an unknown document or section with isError', async () => {
    const missing = await callTool(client, 'get_document', { documentId: 'khong-co' });
    expect(missing.isError).toBe(true);
    expect(resultText(missing)).toContain('Không tìm thấy văn bản “khong-co”');
    const section = await callTool(client, 'get_document', { documentId: FAKE_DOCUMENT_ID, section: 'V.9' });
    expect(section.isError).toBe(true);
    expect(resultText(section)).toContain('không có mục “V.9”');
  });
});

describe('index swaps', () => {
  it('asks the getter for the assistant at every call', async () => {
    let current = createFakeAssistant();
    const first = current;
    const swapped = await connectInMemory(() => current);
    try {
      await callTool(swapped.client, 'ask', { question: 'một' });
      current = createFakeAssistant();
      await callTool(swapped.client, 'ask', { question: 'hai' });
      expect(first.questions.map((q) => q.question)).toEqual(['một']);
      expect(current.questions.map((q) => q.question)).toEqual(['hai']);
    } finally {
      await swapped.close();
    }
  });
});
