/**
 * The documents page and the document view across documents, in chromium at 360×740 and on a
 * desktop: every loaded document and every expected one missing, with search; Chương / Điều /
 * khoản / điểm and appendices anchored by their labels, tables as tables; the number line not
 * doubling "Số:"; an unknown page answered with a Vietnamese page, not JSON.
 */
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectNoHorizontalScroll, launchBrowser, openPage, PHONE, screenshot, screenshotFolder, SKIP, startLibraryServer, type LibraryServer } from './browser.js';
import { formatDate } from '../../server/core/answer/format.js';

interface Listing {
  documents: Array<{ id: string; type: string; number: string | null; issuedDate: string | null; issuer: string | null; title: string }>;
  expected: Array<{
    id: string;
    title: string;
    present: boolean;
    source?: { repository: string; path: string; commit: string };
    knownGaps?: Array<{ field: string; reason: string }>;
  }>;
}

let server: LibraryServer;
let browser: Browser;
let shots: string;
let listing: Listing;

const byId = (id: string) => `[id="${id}"]`;

describe.skipIf(SKIP)('documents in chromium', () => {
  beforeAll(async () => {
    shots = await screenshotFolder();
    server = await startLibraryServer();
    browser = await launchBrowser();
    listing = (await (await fetch(`${server.url}/api/documents`)).json()) as Listing;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stopAll();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`the documents page lists every loaded document and the expected ones missing (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { viewport });
      try {
        await page.goto(`${server.url}/documents`);
        await page.locator('.doc-card').first().waitFor();
        const loaded = await page.locator('.doc-card[data-status="loaded"]').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id));
        expect(loaded.sort()).toEqual(listing.documents.map((doc) => doc.id).sort());
        expect(loaded.length).toBeGreaterThanOrEqual(5);
        const missing = listing.expected.filter((item) => !item.present).map((item) => item.id);
        expect(missing.length).toBeGreaterThan(0);
        const shownMissing = await page.locator('.doc-card[data-status="missing"]').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id));
        expect(shownMissing.sort()).toEqual(missing.sort());
        expect(await page.locator('.doc-card[data-status="missing"]').first().innerText()).toContain('chưa có văn bản');

        // Each card: type, number, date dd/mm/yyyy, issuer.
        for (const doc of listing.documents.filter((item) => item.number && item.issuedDate)) {
          const card = await page.locator(`.doc-card[data-id="${doc.id}"]`).innerText();
          expect(card).toContain(doc.number!);
          expect(card).toContain(formatDate(doc.issuedDate!));
          if (doc.issuer) expect(card).toContain(doc.issuer);
        }
        // A copied document shows where it comes from and what its source lacks (missing appendices).
        const copied = listing.expected.filter((item) => item.present && item.source);
        expect(copied.length).toBeGreaterThan(0);
        for (const item of copied) {
          const card = await page.locator(`.doc-card[data-id="${item.id}"]`).innerText();
          expect(card).toContain(`${item.source!.repository}, ${item.source!.path} (commit ${item.source!.commit})`);
          for (const gap of item.knownGaps?.filter((known) => known.field === 'appendices') ?? []) expect(card).toContain(gap.reason);
        }
        await expectNoHorizontalScroll(page);

        // Search without diacritics.
        await page.locator('#doc-search').fill('danh gia xep loai');
        const visible = () => page.locator('.doc-card:visible').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id));
        await expect.poll(visible).toEqual([listing.documents.find((doc) => doc.number?.startsWith('335/'))!.id]);
        await page.locator('#doc-search').fill('');
        if (name === 'desktop') await screenshot(page, shots, 'documents.png');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the document view anchors Chương / Điều / khoản / điểm and appendices by their labels', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: PHONE });
    const decree = listing.documents.find((doc) => doc.number?.startsWith('170/2025'))!;
    try {
      await page.goto(`${server.url}/document.html?id=${decree.id}#dieu.5`);
      await page.locator('section.sec').first().waitFor();
      const anchor = (id: string) => page.locator(`${byId(id)} > a.addr`).innerText();
      expect(await anchor('chuong.1')).toBe('Chương I');
      expect(await anchor('dieu.5')).toBe('Điều 5');
      const clause = await page.locator('section.sec--clause').first().getAttribute('id');
      expect(await anchor(clause!)).toMatch(/^Điều \d+ khoản \d+$/);
      const point = await page.locator('section.sec--point').first().getAttribute('id');
      expect(await anchor(point!)).toMatch(/^Điểm [a-zđ] khoản \d+ Điều \d+$/);
      expect(await anchor('phu-luc')).toBe('Phụ lục');
      // No anchor shows an address.
      const anchors = await page.locator('a.addr').allInnerTexts();
      expect(anchors.filter((text) => /(dieu|khoan|diem|chuong|phu-luc)\./.test(text))).toEqual([]);
      expect(await page.locator('section.is-target').getAttribute('id')).toBe('dieu.5');
      // The appendix's list of forms is a table, each row linkable.
      const rows = page.locator(`${byId('phu-luc.table.1')} table tr`);
      expect(await rows.count()).toBe(3);
      expect(await page.locator(`tr${byId('phu-luc.table.1.row.2')} td`).count()).toBe(2);
      await expectNoHorizontalScroll(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a table with a header row shows it as header cells; the meta line reads dd/mm/yyyy; "Hỏi về văn bản này" picks it in the chat', async () => {
    const { context, page } = await openPage(browser, { viewport: DESKTOP });
    const decree = listing.documents.find((doc) => doc.number?.startsWith('335/2025'))!;
    try {
      await page.goto(`${server.url}/document.html?id=${decree.id}`);
      await page.locator('section.sec').first().waitFor();
      const table = page.locator(`${byId('table.1')} table`);
      expect(await table.locator('thead th').count()).toBeGreaterThan(1);
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('.document__meta').innerText()).toContain(formatDate(decree.issuedDate!));
      await screenshot(page, shots, 'document.png');
      // "Hỏi về văn bản này" opens the chat with this document picked.
      await page.getByRole('link', { name: 'Hỏi về văn bản này' }).click();
      await page.waitForURL(/\/\?documentId=/);
      await expect.poll(() => page.locator('#scope').inputValue()).toBe(decree.id);
    } finally {
      await context.close();
    }
  });

  it('a blank number line is shown once, without a doubled "Số:"', async () => {
    const { context, page } = await openPage(browser, { viewport: PHONE });
    const plan = listing.documents.find((doc) => doc.type === 'ke-hoach' && !doc.number)!;
    try {
      await page.goto(`${server.url}/document.html?id=${plan.id}`);
      await page.locator('.document__meta').waitFor();
      const meta = await page.locator('.document__meta').innerText();
      expect(meta).toContain('Số hiệu');
      expect(meta).not.toMatch(/Số hiệu\s*Số/);
    } finally {
      await context.close();
    }
  });

  it('an unknown page is a Vietnamese HTML page with a 404; the API still answers JSON', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: PHONE });
    try {
      const response = await page.goto(`${server.url}/khong-co-trang-nay`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toContain('text/html');
      expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang');
      expect(await page.getByRole('link', { name: 'Về trang hỏi đáp' }).count()).toBe(1);
      const api = await fetch(`${server.url}/api/khong-co`, { headers: { Accept: 'text/html' } });
      expect(api.status).toBe(404);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
      const plain = await fetch(`${server.url}/khong-co`);
      expect(plain.headers.get('content-type')).toContain('application/json');
      expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
