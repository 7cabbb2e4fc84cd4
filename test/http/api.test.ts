/**
 * Every route of the HTTP API over a real listening server, with the REAL assistant over the
 * shipped corpus (the index is built into a temp folder by the start-up ingest).
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusDocument, Section } from '../../ingest/types.js';
import type { AskResponse, TaskDetail, TaskView } from '../../server/core/types.js';
import { readSse } from './serve.js';
import { startRealServer, type RealServer } from './real-server.js';

let server: RealServer;
let plan: CorpusDocument;

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, `${path} → ${response.status}`).toBe(200);
  return (await response.json()) as T;
};
const ask = async (question: string, conversationId?: string) => {
  const response = await fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ question, conversationId }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
};
const addresses = (tasks: TaskView[]) => tasks.map((task) => task.address);

async function expectError(path: string, status: number, code: string) {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  server = await startRealServer();
  const { documents } = await get<{ documents: Array<{ id: string; type: string }> }>('/api/documents');
  plan = await get<CorpusDocument>(`/api/documents/${documents.find((doc) => doc.type === 'ke-hoach')!.id}`);
});
afterAll(() => server?.stop());

describe('health and corpus', () => {
  it('GET /healthz reports the loaded index', async () => {
    const health = await get<Record<string, unknown>>('/healthz');
    const { documents } = await get<{ documents: unknown[] }>('/api/documents');
    // The plan and the shipped regulations; only the plan has tasks.
    expect(documents.length).toBeGreaterThan(1);
    expect(health).toEqual({ status: 'ok', documents: documents.length, sections: expect.any(Number), tasks: 10 });
    expect(health.sections as number).toBeGreaterThan(20);
  });

  it('GET /api/documents lists the plan and the expected documents not loaded', async () => {
    type Expected = { id: string; present: boolean; number: string | null; file: string | null; source?: { commit: string } };
    const listing = await get<{ documents: Array<{ id: string }>; expected: Expected[] }>('/api/documents');
    // Loaded: exactly the registry entries with a file (the plan and the regulations), each present.
    const withFile = listing.expected.filter((doc) => doc.file !== null);
    expect(listing.documents.map((doc) => doc.id).sort()).toEqual(withFile.map((doc) => doc.id).sort());
    expect(listing.documents.map((doc) => doc.id)).toContain(plan.id);
    expect(withFile.every((doc) => doc.present)).toBe(true);
    // A copied regulation carries its source through the API.
    expect(listing.expected.find((doc) => doc.number === '80/2025/QH15')?.source?.commit).toMatch(/^[0-9a-f]+$/);
    expect(listing.expected.filter((doc) => !doc.present).map((doc) => doc.number)).toEqual(
      expect.arrayContaining(['18/CT-TTg', '17-NQ/TU']),
    );
  });

  it('GET /api/documents/:id gives metadata, the normalized text and addressed sections', () => {
    expect(plan.text).toContain('Rà soát hoàn thiện tiêu chuẩn, tiêu chí khung năng lực');
    const ii4 = plan.sections.find((section) => section.address === 'II.4')!;
    expect(plan.text.slice(ii4.span.start, ii4.span.end)).toBe(ii4.text);
    expect(plan.sections.map((section) => section.address)).toEqual(expect.arrayContaining(['header', 'I', 'II', 'III', 'footnote.1', 'signature']));
  });

  it('GET /api/documents/:id/sections/:address gives one section', async () => {
    const section = await get<Section>(`/api/documents/${plan.id}/sections/II.4`);
    expect(section.address).toBe('II.4');
    expect(section.text).toContain('Sở Nội vụ');
  });

  it('GET /api/units and /api/references', async () => {
    const { units } = await get<{ units: Array<{ name: string; aliases: string[] }> }>('/api/units');
    expect(units.find((unit) => unit.name === 'Sở Nội vụ')?.aliases).toContain('SNV');
    const { references } = await get<{ references: Array<{ number: string; loadedAs: string | null }> }>('/api/references');
    expect(references.find((reference) => reference.number === '18/CT-TTg')?.loadedAs).toBeNull();
  });

  it('GET /api/search ranks the competency-framework task first for an unaccented query', async () => {
    // Within the plan: other loaded documents speak of "năng lực" too.
    const { hits } = await get<{ hits: Array<{ address: string; text: string; score: number }> }>(
      `/api/search?q=ra%20soat%20khung%20nang%20luc&k=3&documentId=${encodeURIComponent(plan.id)}`,
    );
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0].address).toBe('II.4');
    expect(plan.text).toContain(hits[0].text);
  });
});

describe('tasks', () => {
  it('GET /api/tasks lists the ten tasks with units and timelines', async () => {
    const { tasks } = await get<{ tasks: TaskView[] }>('/api/tasks');
    expect(addresses(tasks)).toEqual(Array.from({ length: 10 }, (_, index) => `II.${index + 1}`));
    const ii4 = tasks.find((task) => task.address === 'II.4')!;
    expect(ii4.lead.map((unit) => unit.name)).toEqual(['Sở Nội vụ']);
    expect(ii4.lead[0]).toEqual({ name: 'Sở Nội vụ', aliases: expect.any(Array), level: 'tỉnh' });
    expect(ii4.timeline).toMatchObject({ kind: 'deadline', due: '2026-06-30' });
  });

  it('filters by unit in any spelling and by role', async () => {
    for (const unit of ['so%20noi%20vu', 'SNV', 'S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5']) {
      const { tasks } = await get<{ tasks: TaskView[] }>(`/api/tasks?unit=${unit}&role=lead`);
      expect(addresses(tasks)).toEqual(['II.4', 'II.5', 'II.6', 'II.8']);
    }
    const { tasks: coordinating } = await get<{ tasks: TaskView[] }>('/api/tasks?unit=so%20noi%20vu&role=coordinating');
    expect(addresses(coordinating)).toEqual(expect.arrayContaining(['II.7', 'II.9', 'II.10']));
    expect(addresses(coordinating)).not.toContain('II.4');
  });

  it('filters by timeline kind and due dates', async () => {
    const { tasks: dated } = await get<{ tasks: TaskView[] }>('/api/tasks?kind=deadline');
    expect(addresses(dated)).toEqual(['II.2', 'II.3', 'II.4']);
    const { tasks: before } = await get<{ tasks: TaskView[] }>('/api/tasks?dueBefore=2026-06-30&dueAfter=2026-06-01');
    expect(addresses(before)).toEqual(['II.2', 'II.3', 'II.4']);
    const { tasks: none } = await get<{ tasks: TaskView[] }>('/api/tasks?dueBefore=2026-05-31');
    expect(none).toEqual([]);
  });

  it('refuses an unknown unit with 400, naming the known ones', async () => {
    const response = await fetch(`${server.url}/api/tasks?unit=so%20du%20lich`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('Sở Nội vụ');
  });

  it('GET /api/tasks/:address by address or number, with verbatim sources', async () => {
    const byAddress = await get<TaskDetail>('/api/tasks/II.4');
    expect(await get<TaskDetail>('/api/tasks/4')).toEqual(byAddress);
    expect(byAddress.sources.lead?.section).toBe('II.4');
    expect(plan.text).toContain(byAddress.sources.lead!.quote);
    expect(byAddress.sources.lead!.quote).toContain('Sở Nội vụ');
  });

  it('answers 404 for an unknown task, document or section', async () => {
    await expectError('/api/tasks/II.99', 404, 'not_found');
    await expectError('/api/tasks/11', 404, 'not_found');
    await expectError('/api/documents/khong-co', 404, 'not_found');
    await expectError(`/api/documents/${plan.id}/sections/II.99`, 404, 'not_found');
    await expectError('/api/khong-co', 404, 'not_found');
  });
});

describe('exports', () => {
  it('GET /api/tasks.csv: BOM, Vietnamese header, one quoted row per filtered task', async () => {
    const response = await fetch(`${server.url}/api/tasks.csv?unit=so%20noi%20vu&role=lead`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text[0]).toBe('\uFEFF');
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(expect.arrayContaining(['Mục', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Hạn hoàn thành']));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['mục II.4', 'mục II.5', 'mục II.6', 'mục II.8']);
    const ii4 = rows.find((row) => row[0] === 'mục II.4')!;
    expect(ii4[3]).toBe('Sở Nội vụ');
    expect(ii4[7]).toBe('30/6/2026');
    // A title with commas survives the quoting intact.
    const { tasks } = await get<{ tasks: TaskView[] }>('/api/tasks?unit=so%20noi%20vu&role=lead');
    expect(rows.slice(1).map((row) => row[2])).toEqual(tasks.map((task) => task.title));
  });

  it('GET /api/tasks.ics parses with ical.js: deadlines all-day on 30/6/2026, yearly rules', async () => {
    const response = await fetch(`${server.url}/api/tasks.ics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const addressOf = (event: ICAL.Event) => /mục (II\.\d+)/.exec(event.description)?.[1];

    const dated = events.filter((event) => !event.isRecurring());
    expect(dated.map(addressOf).sort()).toEqual(['II.2', 'II.3', 'II.4']);
    for (const event of dated) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe('2026-06-30');
    }
    const ii4 = dated.find((event) => addressOf(event) === 'II.4')!;
    expect(ii4.description).toContain('Sở Nội vụ');
    expect(ii4.description).toContain(`${plan.title}, mục II.4`);

    const recurring = events.filter((event) => event.isRecurring());
    expect(recurring.map(addressOf).sort()).toEqual(['II.1', 'II.10', 'II.9']);
    for (const event of recurring) expect(event.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=YEARLY');
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
  });

  it('applies the filters to the calendar', async () => {
    const text = await (await fetch(`${server.url}/api/tasks.ics?unit=so%20noi%20vu&role=lead`)).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const all = [...calendar.getAllSubcomponents('vevent'), ...calendar.getAllSubcomponents('vtodo')];
    expect(all.map((component) => /mục (II\.\d+)/.exec(String(component.getFirstPropertyValue('description')))?.[1]).sort()).toEqual([
      'II.4',
      'II.5',
      'II.6',
      'II.8',
    ]);
  });
});

describe('POST /api/ask', () => {
  it('answers with verified citations, in extractive mode', async () => {
    const response = await ask('Ai chủ trì rà soát khung năng lực vị trí việc làm?');
    expect(response.abstained).toBe(false);
    expect(response.mode).toBe('extractive');
    expect(response.answer).toContain('Sở Nội vụ');
    expect(response.answer).toContain('[1]');
    expect(response.citations[0]).toMatchObject({ documentId: plan.id, section: 'II.4' });
    for (const citation of response.citations) expect(plan.text).toContain(citation.quote);
    expect(response.conversationId).toMatch(/\S/);
  });

  it('resolves a follow-up against the previous turn with the same conversationId', async () => {
    const first = await ask('ai chu tri nhiem vu tuyen dung cong chuc cap xa');
    expect(first.citations[0]?.section).toBe('II.8');
    const followUp = await ask('Còn thời hạn thì sao?', first.conversationId);
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.citations.map((citation) => citation.section)).toContain('II.8');
  });

  it('abstains on a question the corpus does not answer', async () => {
    const response = await ask('Mức phụ cấp hằng tháng của công chức xã là bao nhiêu?');
    expect(response.abstained).toBe(true);
    expect(response.citations).toEqual([]);
  });

  it('refuses bad requests in the error format: 400, 413, 415', async () => {
    const send = (body: string, contentType = 'application/json') =>
      fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    const cases: Array<[Response, number, string]> = [
      [await send('{"question":'), 400, 'invalid_json'],
      [await send('{"question":"   "}'), 400, 'invalid_request'],
      [await send(JSON.stringify({ question: 'x'.repeat(2001) })), 400, 'invalid_request'],
      [await send(JSON.stringify({ question: 'x'.repeat(66_000) })), 413, 'payload_too_large'],
      [await send('question=ai', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
    ];
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it('streams citations, deltas and done as server-sent events', async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'Sở Nội vụ chủ trì những nhiệm vụ nào?' }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(response);
    expect(events[0].event).toBe('citations');
    expect(events.at(-1)?.event).toBe('done');
    const deltas = events.filter((event) => event.event === 'delta').map((event) => (event.data as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(1);
    const done = events.at(-1)!.data as AskResponse;
    expect(deltas.join('')).toBe(done.answer);
    expect((events[0].data as { citations: unknown[] }).citations).toEqual(done.citations);
    expect(done.citations.map((citation) => citation.section)).toEqual(expect.arrayContaining(['II.4', 'II.5', 'II.6', 'II.8']));
  });
});

describe('index reload (SIGHUP)', () => {
  it('reloads the index from disk and keeps serving, conversations included', async () => {
    const first = await ask('Ai chủ trì nhiệm vụ 4?');
    expect(await server.reload()).toEqual({ ok: true });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const followUp = await ask('Thời hạn?', first.conversationId);
    expect(followUp.citations.map((citation) => citation.section)).toContain('II.4');
  });
});

/** A strict RFC 4180 reader, enough to check our quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += character;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}
