/**
 * One date format and no internal address on any page, in chromium over the real server with
 * the regulations loaded: the task list, a unit's obligations (with a date window typed another
 * way), the documents page, a document's facts and anchors, and chat answers with their chips.
 * A date written otherwise than the rule ("30/6/2026", "05/01/2026") passes only as a verbatim
 * quote of a document; an address ("dieu.19.khoan.2", "signature") never shows.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateProblems, internalAddresses } from '../http/face-text.js';
import { DESKTOP, launchBrowser, openPage, SKIP, startLibraryServer, type LibraryServer } from './browser.js';

let server: LibraryServer;
let browser: Browser;
let sources = '';
let decreeId = '';

async function apiJson<T>(path: string): Promise<T> {
  return (await (await fetch(`${server.url}${path}`)).json()) as T;
}

/** The visible text of `selector`, checked for dates and (unless `verbatim`) addresses. */
async function expectCleanText(page: Page, selector: string, where: string, verbatim = false): Promise<string> {
  const text = (await page.locator(selector).allInnerTexts()).join('\n');
  expect(text.length, where).toBeGreaterThan(0);
  expect(dateProblems(text, sources), where).toEqual([]);
  if (!verbatim) expect(internalAddresses(text), where).toEqual([]);
  return text;
}

describe.skipIf(SKIP)('dates and labels on the pages', () => {
  beforeAll(async () => {
    server = await startLibraryServer();
    browser = await launchBrowser();
    const { documents } = await apiJson<{ documents: Array<{ id: string; type: string }> }>('/api/documents');
    decreeId = documents.find((doc) => doc.type === 'nghi-dinh')!.id;
    const texts = await Promise.all(documents.map((doc) => apiJson<{ text: string; header: { dateText: string | null } }>(`/api/documents/${encodeURIComponent(doc.id)}`)));
    sources = texts.map((doc) => `${doc.text}\n${doc.header.dateText ?? ''}`).join('\n');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stopAll();
  });

  it('tasks, units and documents pages write dates by the rule and places by label', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
    try {
      await page.goto(`${server.url}/tasks.html`);
      await expect.poll(() => page.locator('#task-rows tr[data-address]').count()).toBeGreaterThan(0);
      const tasks = await expectCleanText(page, '#task-rows', 'tasks page');
      expect(tasks).toMatch(/Hạn \d{2}\/\d{1,2}\/\d{4}/);

      // A window given in the address as ISO is shown as the documents write dates.
      await page.goto(`${server.url}/units.html?unit=so+noi+vu&dueAfter=2000-01-01`);
      await expect.poll(() => page.locator('.obligation-group').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.locator('#dueAfter').inputValue()).toBe('01/01/2000');
      // Actions are verbatim: addresses are checked on places, roles and deadlines.
      await expectCleanText(page, '.obligation__meta, .timeline, .obligation-group h2, #filters-current', 'units page');
      await expectCleanText(page, '#results', 'units page (verbatim actions)', true);

      await page.goto(`${server.url}/documents.html`);
      await expect.poll(() => page.locator('.doc-card').count()).toBeGreaterThan(1);
      await expectCleanText(page, '#doc-list', 'documents page');

      await page.goto(`${server.url}/document.html?id=${encodeURIComponent(decreeId)}`);
      await page.locator('.document__meta').waitFor();
      await expectCleanText(page, '.document__meta, #library', 'document facts');
      await expectCleanText(page, 'a.addr', 'section anchors');
      await expectCleanText(page, '.document__body', 'document text', true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('chat answers and their chips write dates by the rule and places by label', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
    try {
      await page.goto(`${server.url}/`);
      const questions = ['Những nhiệm vụ nào hạn trong tháng 6/2026?', 'Nghị định 335/2025/NĐ-CP có hiệu lực từ ngày nào?', 'Ai ký Nghị định 361/2025/NĐ-CP?'];
      for (const [index, question] of questions.entries()) {
        await page.locator('#question').fill(question);
        await page.locator('#send').click();
        await expect.poll(() => page.locator('.answer[data-state="done"]').count(), { timeout: 30_000 }).toBe(index + 1);
      }
      await expectCleanText(page, '.answer__text', 'answers');
      await expectCleanText(page, '.citation__place, .turn__scope, .badge', 'citation chips');
      const markers = await page.locator('a.marker').evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? '').join('\n'));
      expect(internalAddresses(markers)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
