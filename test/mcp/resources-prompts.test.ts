/**
 * Resources, prompts, argument completion and the logging capability, in process over the
 * fake assistant.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { RESOURCE_NOT_FOUND } from '../../server/mcp/protocol-error.js';
import { DOCUMENT_URI_TEMPLATE, SECTION_URI_TEMPLATE, TASKS_URI, documentUri, sectionUri } from '../../server/mcp/resources.js';
import { createFakeAssistant, FAKE_DOCUMENT_ID } from '../fakes/fake-assistant.js';
import { connectInMemory, resourceText } from './helpers.js';

let client: Client;
let close: () => Promise<void>;

beforeEach(async () => {
  const assistant = createFakeAssistant();
  ({ client, close } = await connectInMemory(() => assistant));
});
afterEach(async () => {
  await close();
});

describe('resources', () => {
  it('lists the task registry, every document and every section', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    expect(uris).toContain(TASKS_URI);
    expect(uris).toContain(`corpus://documents/${FAKE_DOCUMENT_ID}`);
    for (const address of ['header', 'I', 'I.1', 'I.2']) expect(uris).toContain(`corpus://documents/${FAKE_DOCUMENT_ID}/sections/${address}`);
    expect(resources.find((resource) => resource.uri === TASKS_URI)?.mimeType).toBe('application/json');
  });

  it('publishes the two URI templates', async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual([DOCUMENT_URI_TEMPLATE, SECTION_URI_TEMPLATE].sort());
  });

  it('reads a document, a section and the tasks as JSON', async () => {
    const document = await client.readResource({ uri: documentUri(FAKE_DOCUMENT_ID) });
    expect(resourceText(document).split('\n')[0]).toContain('synthetic test fixture');
    const section = await client.readResource({ uri: sectionUri(FAKE_DOCUMENT_ID, 'I.1') });
    expect(resourceText(section).startsWith('1. Lập danh sách thiết bị thử nghiệm.')).toBe(true);
    expect(resourceText(document)).toContain(resourceText(section));
    const tasks = await client.readResource({ uri: TASKS_URI });
    expect(tasks.contents[0].mimeType).toBe('application/json');
    const parsed = JSON.parse(resourceText(tasks)) as { tasks: Array<{ address: string; timeline: { due?: string } }> };
    expect(parsed.tasks.map((task) => task.address)).toEqual(['I.1', 'I.2']);
    expect(parsed.tasks[0].timeline.due).toBe('2030-03-31');
  });

  it('answers an unknown document or section with the resource-not-found error, in Vietnamese', async () => {
    for (const uri of [documentUri('khong-co'), sectionUri(FAKE_DOCUMENT_ID, 'IX.9')]) {
      const error = await client.readResource({ uri }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(McpError);
      expect((error as McpError).code).toBe(RESOURCE_NOT_FOUND);
      expect((error as McpError).message).toMatch(/Không tìm thấy|không có mục/);
    }
  });
});

describe('prompts', () => {
  it('lists unit_briefing and deadline_review with their arguments', async () => {
    const { prompts } = await client.listPrompts();
    const byName = new Map(prompts.map((prompt) => [prompt.name, prompt]));
    expect([...byName.keys()].sort()).toEqual(['deadline_review', 'unit_briefing']);
    expect(byName.get('unit_briefing')?.arguments?.map((arg) => [arg.name, arg.required])).toEqual([['unit', true], ['document', false]]);
    expect(byName.get('deadline_review')?.arguments?.map((arg) => arg.name)).toEqual(['before']);
    for (const prompt of prompts) expect(prompt.description).toBeTruthy();
  });

  it('embeds what a unit leads and coordinates, under its canonical name', async () => {
    const result = await client.getPrompt({ name: 'unit_briefing', arguments: { unit: 'ptn' } });
    const text = String((result.messages[0].content as { text: string }).text);
    const [, lead, coordinating] = text.split(/\n\nNhiệm vụ Phòng Thử nghiệm (?:chủ trì|phối hợp) /);
    expect(lead).toContain('mục I.1: Lập danh sách thiết bị thử nghiệm.');
    expect(lead).toContain('(hạn: 31/3/2030)');
    expect(lead).not.toContain('mục I.2');
    expect(coordinating).toContain('mục I.2: Kiểm tra định kỳ bộ dữ liệu mẫu.');
  });

  it('reviews deadlines up to a date, with the recurring tasks beside them', async () => {
    const before = await client.getPrompt({ name: 'deadline_review', arguments: { before: '2030-03-01' } });
    const early = String((before.messages[0].content as { text: string }).text);
    expect(early).toContain('Nhiệm vụ có hạn đến 01/3/2030 (0)');
    const after = await client.getPrompt({ name: 'deadline_review', arguments: { before: '2030-12-31' } });
    const late = String((after.messages[0].content as { text: string }).text);
    expect(late).toContain('Nhiệm vụ có hạn đến 31/12/2030 (1)');
    expect(late).toContain('Nhiệm vụ thường xuyên hằng năm (1):\nmục I.2:');
  });

  it('refuses an unknown unit and a bad date', async () => {
    await expect(client.getPrompt({ name: 'unit_briefing', arguments: { unit: 'Sở Không Có' } })).rejects.toThrow(/Không nhận ra đơn vị/);
    await expect(client.getPrompt({ name: 'deadline_review', arguments: { before: '31/12/2030' } })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('completion', () => {
  it('completes unit names from names and aliases, without diacritics', async () => {
    const complete = (value: string) =>
      client.complete({ ref: { type: 'ref/prompt', name: 'unit_briefing' }, argument: { name: 'unit', value } });
    expect((await complete('phong')).completion.values).toEqual(['Phòng Thử nghiệm']);
    expect((await complete('TGL')).completion.values).toEqual(['Tổ Giả lập']);
    expect((await complete('')).completion.values).toEqual(['Phòng Thử nghiệm', 'Tổ Giả lập']);
    expect((await complete('zzz')).completion.values).toEqual([]);
  });

  it('completes due dates for deadline_review', async () => {
    const result = await client.complete({ ref: { type: 'ref/prompt', name: 'deadline_review' }, argument: { name: 'before', value: '2030' } });
    expect(result.completion.values).toEqual(['2030-03-31']);
  });

  it('completes document ids and, given the document, section addresses', async () => {
    const ids = await client.complete({ ref: { type: 'ref/resource', uri: DOCUMENT_URI_TEMPLATE }, argument: { name: 'documentId', value: 'gia' } });
    expect(ids.completion.values).toEqual([FAKE_DOCUMENT_ID]);
    const addresses = await client.complete({
      ref: { type: 'ref/resource', uri: SECTION_URI_TEMPLATE },
      argument: { name: 'address', value: 'i.' },
      context: { arguments: { documentId: FAKE_DOCUMENT_ID } },
    });
    expect(addresses.completion.values).toEqual(['I.1', 'I.2']);
  });
});

describe('logging', () => {
  it('declares the capability and accepts logging/setLevel', async () => {
    expect(client.getServerCapabilities()?.logging).toBeDefined();
    await expect(client.setLoggingLevel('warning')).resolves.toEqual({});
  });
});
