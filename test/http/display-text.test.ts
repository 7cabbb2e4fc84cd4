/**
 * One date format and no internal address in the HTTP faces, over the REAL server and the
 * shipped corpus: every JSON route, answers (JSON and streamed), CSV and ICS of tasks and of a
 * unit's obligations. The JSON keeps ISO dates and sends the Vietnamese text beside them
 * (`dueText`, `issuedDateText`, …) with the labels of places, short names and role words.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatOptionalDate } from '../../server/core/answer/format.js';
import { buildOpenApiDocument } from '../../server/http/openapi.js';
import { dateProblems, DISPLAY_KEYS, icsTextLines, internalAddresses, jsonStrings, RULE_DATE } from './face-text.js';
import { readSse } from './serve.js';
import { startRealServer, type RealServer } from './real-server.js';

describe('formatDate: the rule of Nghị định 30/2020/NĐ-CP', () => {
  it('pads a day below 10 and months 1 and 2, leaves other months bare', () => {
    expect(formatDate('2026-05-08')).toBe('08/5/2026');
    expect(formatDate('2026-04-10')).toBe('10/4/2026');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatDate('2026-02-28')).toBe('28/02/2026');
    expect(formatDate('2026-06-30')).toBe('30/6/2026');
    expect(formatDate('2025-12-15')).toBe('15/12/2025');
    expect(formatDate('2026-10-01')).toBe('01/10/2026');
    expect(formatOptionalDate(null)).toBeNull();
  });

  it('writes every calendar day by the rule and keeps its day, month and year', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const text = formatDate(iso);
        expect(text).toMatch(RULE_DATE);
        const [day, month, year] = text.split('/').map(Number);
        expect([year, month, day]).toEqual(iso.split('-').map(Number));
      }),
    );
  });
});

describe('the OpenAPI document', () => {
  it('describes the words sent beside the data, and its example dates follow the rule', () => {
    const document = JSON.stringify(buildOpenApiDocument('test'));
    const slashed = [...document.matchAll(/(?<![\d/])\d{1,2}\/\d{1,2}\/\d{4}(?![\d/])/g)].map((match) => match[0]);
    expect(slashed.length).toBeGreaterThan(0);
    expect(slashed.filter((date) => !RULE_DATE.test(date))).toEqual([]);
    for (const field of ['"label"', '"dueText"', '"kindText"', '"roleText"', '"documentShortName"', '"issuedDateText"', '"dateText"', '"knownGaps"', '"abstainReason"', '"choices"']) expect(document).toContain(field);
  });
});

let server: RealServer;
let sources = '';

async function json(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.json();
}

async function text(path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

async function ask(question: string): Promise<unknown> {
  const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  return response.json();
}

/** Fails naming the face and the text when a date is written another way or an address shows. */
function expectClean(face: string, value: unknown): void {
  for (const { key, text: words } of jsonStrings(value)) {
    expect(dateProblems(words, sources), `${face} ${key}: ${words.slice(0, 160)}`).toEqual([]);
    if (DISPLAY_KEYS.test(key)) expect(internalAddresses(words), `${face} ${key}: ${words.slice(0, 160)}`).toEqual([]);
  }
}

beforeAll(async () => {
  server = await startRealServer();
  const { documents } = (await json('/api/documents')) as { documents: Array<{ id: string }> };
  const texts = await Promise.all(documents.map((doc) => json(`/api/documents/${encodeURIComponent(doc.id)}`) as Promise<{ text: string; header: { dateText: string | null } }>));
  sources = texts.map((doc) => `${doc.text}\n${doc.header.dateText ?? ''}`).join('\n');
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('the JSON API', () => {
  it('sends ISO dates with their Vietnamese text beside them, and labels instead of addresses', async () => {
    const { tasks } = (await json('/api/tasks')) as { tasks: Array<{ address: string; label: string; timeline: { due?: string; dueText?: string; kindText: string } }> };
    const dated = tasks.find((task) => task.timeline.due)!;
    expect(dated.timeline.dueText).toBe(formatDate(dated.timeline.due!));
    expect(dated.label).toMatch(/^mục /);
    expect(tasks.every((task) => task.timeline.kindText.length > 0)).toBe(true);
    expectClean('tasks', tasks);
    expectClean('task', await json(`/api/tasks/${encodeURIComponent(dated.address)}`));

    const listing = (await json('/api/documents')) as { documents: Array<{ id: string; issuedDate: string | null; issuedDateText: string | null; shortName: string; typeName: string }>; expected: Array<{ typeName: string }> };
    for (const doc of listing.documents) {
      expect(doc.issuedDateText).toBe(doc.issuedDate ? formatDate(doc.issuedDate) : null);
      expect(doc.shortName.length).toBeGreaterThan(0);
      expect(doc.typeName.length).toBeGreaterThan(0);
    }
    expect(listing.expected.every((item) => item.typeName.length > 0)).toBe(true);
    expectClean('documents', listing);
    const { references } = (await json('/api/references')) as { references: Array<{ date: string | null; dateText: string | null; citedIn: Array<{ label: string }> }> };
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference.dateText).toBe(reference.date ? formatDate(reference.date) : null);
      expect(reference.citedIn.every((place) => place.label)).toBe(true);
    }
    expectClean('references', references);
    // A document's sections each carry their label; none is an internal address.
    const detail = (await json(`/api/documents/${encodeURIComponent(listing.documents[0].id)}`)) as { sections: Array<{ label: string }> };
    expect(detail.sections.every((section) => section.label && internalAddresses(section.label).length === 0)).toBe(true);
  });

  it('gives each obligation its label, role words and due date as text, and echoes the date window as text', async () => {
    const body = (await json('/api/obligations?unit=so%20noi%20vu&dueAfter=2000-01-01')) as {
      window: { dueAfterText: string | null };
      obligations: Array<{ role: string; roleText: string; label: string; timeline: { due?: string; dueText?: string } }>;
    };
    expect(body.window.dueAfterText).toBe('01/01/2000');
    expect(body.obligations.length).toBeGreaterThan(0);
    for (const item of body.obligations) {
      expect(item.roleText.length).toBeGreaterThan(0);
      if (item.timeline.due) expect(item.timeline.dueText).toBe(formatDate(item.timeline.due));
    }
    expectClean('obligations', body);
  });

  it('labels citations and search hits with the place and the document short name', async () => {
    for (const question of ['Những nhiệm vụ nào hạn trong tháng 6/2026?', 'Kế hoạch ban hành ngày nào?', 'Nghị định 335/2025/NĐ-CP có hiệu lực từ ngày nào?', 'Ai ký Nghị định 170/2025/NĐ-CP?']) {
      const response = (await ask(question)) as { citations: Array<{ label: string; documentShortName: string }> };
      for (const citation of response.citations) {
        expect(citation.label, question).toBeTruthy();
        expect(citation.documentShortName, question).toBeTruthy();
      }
      expectClean(`ask "${question}"`, response);
    }
    const search = (await json('/api/search?q=ch%E1%BB%AF%20k%C3%BD&k=20')) as { hits: Array<{ label: string; documentShortName: string }> };
    expect(search.hits.every((hit) => hit.label && hit.documentShortName)).toBe(true);
    expectClean('search', search);
  });

  it('streams citations with their labels too', async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'Những nhiệm vụ nào hạn trong tháng 6/2026?' }),
    });
    const events = await readSse(response);
    const first = events.find((event) => event.event === 'citations')!;
    const { citations } = first.data as { citations: Array<{ label: string }> };
    expect(citations.length).toBeGreaterThan(0);
    expect(citations.every((citation) => citation.label)).toBe(true);
    for (const event of events) expectClean(`stream ${event.event}`, event.data);
  });
});

describe('the files', () => {
  it('CSV of tasks and obligations write dates by the rule and places by label', async () => {
    for (const path of ['/api/tasks.csv', '/api/obligations.csv?unit=so%20noi%20vu']) {
      const body = await text(path);
      expect(dateProblems(body, sources), path).toEqual([]);
      // Columns of places and short names: no internal address (verbatim quotes are data).
      expect(internalAddresses(body.split('\r\n').map((row) => row.split(',').slice(0, 4).join(',')).join('\n')), path).toEqual([]);
    }
  });

  it('ICS SUMMARY and DESCRIPTION write dates by the rule and places by label', async () => {
    for (const path of ['/api/tasks.ics', '/api/obligations.ics?unit=so%20noi%20vu']) {
      const lines = icsTextLines(await text(path));
      expect(lines.length, path).toBeGreaterThan(0);
      for (const line of lines) {
        expect(dateProblems(line, sources), `${path}: ${line}`).toEqual([]);
        expect(internalAddresses(line.split('\n').filter((part) => !part.startsWith('Nguồn (nguyên văn)')).join('\n')), `${path}: ${line}`).toEqual([]);
      }
      expect(lines.some((line) => /Hạn hoàn thành: \d{2}\/\d{1,2}\/\d{4}/.test(line)), path).toBe(true);
    }
  });
});
