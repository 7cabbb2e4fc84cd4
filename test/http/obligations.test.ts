/**
 * GET /api/obligations (+ .csv, .ics) over the REAL server, with the real documents
 * (test/fixtures/real-docs) dropped into a copy of the shipped corpus: a unit typed without
 * diacritics is resolved and named, every obligation names it and quotes its document verbatim,
 * the filters narrow what is listed, the CSV holds the same rows and the ICS parses with ical.js.
 */
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObligationView } from '../../server/core/types.js';
import { SHIPPED_CORPUS, startRealServer, type RealServer } from './real-server.js';

const REAL_DOCS = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));

/** "Sở Nội vụ" → "so noi vu". */
const foldDiacritics = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

type Listed = ObligationView & { source: { section: string; label: string; quote: string } };
interface ListBody {
  unit: { name: string; aliases: string[] } | null;
  obligations: Listed[];
}

let server: RealServer;
let corpus: string;
let all: ListBody;

const get = async (route: string): Promise<Response> => fetch(`${server.url}${route}`);
const list = async (query: string): Promise<ListBody> => {
  const response = await get(`/api/obligations?${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as ListBody;
};
const documentText = new Map<string, string>();
const textOf = async (id: string): Promise<string> => {
  if (!documentText.has(id)) documentText.set(id, ((await (await get(`/api/documents/${encodeURIComponent(id)}`)).json()) as { text: string }).text);
  return documentText.get(id)!;
};

beforeAll(async () => {
  corpus = await mkdtemp(path.join(os.tmpdir(), 'obligations-corpus-'));
  for (const file of await readdir(SHIPPED_CORPUS)) await copyFile(path.join(SHIPPED_CORPUS, file), path.join(corpus, file));
  for (const file of await readdir(REAL_DOCS)) if (/\.(md|html)$/.test(file) && file !== 'README.md') await copyFile(path.join(REAL_DOCS, file), path.join(corpus, file));
  server = await startRealServer({ CORPUS_DIR: corpus });
  all = await list('unit=so%20noi%20vu');
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(corpus, { recursive: true, force: true });
});

describe('GET /api/obligations', () => {
  it('resolves a unit typed without diacritics and lists its obligations in at least three documents', async () => {
    expect(all.unit).not.toBeNull();
    expect(foldDiacritics(all.unit!.name)).toBe('so noi vu');
    expect(new Set(all.obligations.map((item) => item.documentId)).size).toBeGreaterThanOrEqual(3);
    for (const item of all.obligations) {
      expect(item.units.map((unit) => unit.name), item.id).toContain(all.unit!.name);
      expect(item.documentShortName.length).toBeGreaterThan(0);
      expect(item.label.length).toBeGreaterThan(0);
      expect(item.source).toEqual(item.sources.action);
      expect(await textOf(item.documentId), item.id).toContain(item.source.quote);
    }
  });

  it('lists each document\'s obligations together (grouped by document)', () => {
    const order = all.obligations.map((item) => item.documentId).filter((id, index, ids) => ids[index - 1] !== id);
    expect(new Set(order).size).toBe(order.length);
  });

  it('filters by document, role and timeline kind, each a subset of the unfiltered list', async () => {
    const ids = new Set(all.obligations.map((item) => item.id));
    const documentId = all.obligations[0].documentId;
    const byDocument = await list(`unit=so%20noi%20vu&documentId=${encodeURIComponent(documentId)}`);
    expect(byDocument.obligations.length).toBeGreaterThan(0);
    expect(byDocument.obligations.every((item) => item.documentId === documentId && ids.has(item.id))).toBe(true);
    const role = all.obligations[0].role;
    const byRole = await list(`unit=so%20noi%20vu&role=${role}`);
    expect(byRole.obligations.every((item) => item.role === role && ids.has(item.id))).toBe(true);
    expect(byRole.obligations).toHaveLength(all.obligations.filter((item) => item.role === role).length);
    const byKind = await list('unit=so%20noi%20vu&kind=deadline');
    expect(byKind.obligations.length).toBeGreaterThan(0);
    expect(byKind.obligations.every((item) => item.timeline.kind === 'deadline')).toBe(true);
  });

  it('a due window keeps only obligations due inside it, with ISO dates', async () => {
    const dated = all.obligations.filter((item) => item.timeline.due).map((item) => item.timeline.due!).sort();
    expect(dated.length).toBeGreaterThan(0);
    const first = dated[0];
    const window = await list(`unit=so%20noi%20vu&dueAfter=${first}&dueBefore=${first}`);
    expect(window.obligations).toHaveLength(dated.filter((due) => due === first).length);
    for (const item of window.obligations) expect(item.timeline.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['role=chief', 400, 'role'],
    ['kind=someday', 400, 'kind'],
    ['dueBefore=30/06/2026', 400, 'YYYY-MM-DD'],
    ['dueAfter=2026-02-31', 400, 'không tồn tại'],
    ['unit=khong%20co%20don%20vi%20nay', 400, 'Không nhận ra đơn vị'],
    ['documentId=khong-co', 404, 'Không tìm thấy'],
  ])('rejects %s with %i and a Vietnamese message', async (query, status, words) => {
    const response = await get(`/api/obligations?${query}`);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain(words);
  });

  it('is described in the OpenAPI document with its query parameters', async () => {
    const openApi = (await (await get('/openapi.json')).json()) as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    for (const route of ['/api/obligations', '/api/obligations.csv', '/api/obligations.ics']) {
      expect(openApi.paths[route].get.parameters.map((parameter) => parameter.name).sort()).toEqual(['documentId', 'dueAfter', 'dueBefore', 'kind', 'role', 'unit']);
    }
  });
});

describe('GET /api/obligations.csv and .ics', () => {
  it('the CSV is UTF-8 with a BOM, one row per obligation listed', async () => {
    const response = await get('/api/obligations.csv?unit=so%20noi%20vu');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    // Rows end with CRLF; quoted fields may hold line breaks, so count rows outside quotes.
    const rowEnds = text.split('"').filter((_, index) => index % 2 === 0).join('').split('\r\n').length - 2;
    expect(rowEnds).toBe(all.obligations.length);
    for (const item of all.obligations) expect(text).toContain(item.documentShortName);
  });

  it('the ICS parses with ical.js: one all-day event per dated deadline, a yearly rule per recurring duty, nothing else', async () => {
    const response = await get('/api/obligations.ics?unit=so%20noi%20vu');
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const deadlines = all.obligations.filter((item) => item.timeline.kind === 'deadline' && item.timeline.due);
    const recurring = all.obligations.filter((item) => item.timeline.kind === 'recurring');
    expect(events).toHaveLength(deadlines.length + recurring.length);
    expect(calendar.getAllSubcomponents('vtodo')).toHaveLength(0);
    const dueDates = events.filter((event) => !event.isRecurring()).map((event) => event.startDate.toString()).sort();
    expect(dueDates).toEqual(deadlines.map((item) => item.timeline.due).sort());
    for (const event of events) expect(event.startDate.isDate).toBe(true);
    expect(events.filter((event) => event.isRecurring())).toHaveLength(recurring.length);
  });

  it('the ICS follows the filters: a document filter keeps only that document\'s events', async () => {
    const documentId = all.obligations.find((item) => item.timeline.kind === 'deadline' && item.timeline.due)!.documentId;
    const text = await (await get(`/api/obligations.ics?unit=so%20noi%20vu&documentId=${encodeURIComponent(documentId)}`)).text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(String(event.getFirstPropertyValue('uid'))).toContain(documentId);
  });
});
