/**
 * The task page on a phone (360×740, touch) over the shipped corpus: after "Lọc" the filter
 * form folds away so results start above the fold, cards give a long title the full width,
 * the page says which unit "so noi vu" was taken as, and it warns that the calendar file's
 * undated tasks are to-dos most phone calendars ignore.
 */
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealServer, type RealServer } from '../http/real-server.js';
import { expectNoHorizontalScroll, launchBrowser, openPage, PHONE, screenshot, screenshotFolder, SKIP, TOUCH_PHONE } from './browser.js';

let server: RealServer;
let browser: Browser;
let shots: string;

describe.skipIf(SKIP)('task page on a phone', () => {
  beforeAll(async () => {
    shots = await screenshotFolder();
    server = await startRealServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  it('after "Lọc" the results start above the fold and the matched unit is named', async () => {
    const { context, page, problems } = await openPage(browser, TOUCH_PHONE);
    try {
      await page.goto(`${server.url}/tasks.html`);
      await expect.poll(() => page.locator('#task-rows tr').count()).toBe(10);
      await page.locator('#unit').fill('so noi vu');
      await page.locator('#filters button[type="submit"]').click();
      await expect.poll(() => page.locator('#task-rows tr').count()).toBeLessThan(10);
      const first = (await page.locator('#task-rows tr').first().boundingBox())!;
      expect(first.y).toBeLessThan(PHONE.height - 100);
      await screenshot(page, shots, 'tasks-phone.png');
      // The folded panel still says what is filtered, and opens again.
      expect(await page.locator('#filters-panel summary').innerText()).toContain('Sở Nội vụ');
      await page.locator('#filters-panel summary').click();
      expect(await page.locator('#unit-match').innerText()).toContain('Sở Nội vụ');
      await expectNoHorizontalScroll(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a card gives the task title the full width (no fixed label column)', async () => {
    const { context, page } = await openPage(browser, TOUCH_PHONE);
    try {
      await page.goto(`${server.url}/tasks.html`);
      await expect.poll(() => page.locator('#task-rows tr').count()).toBe(10);
      const row = (await page.locator('#task-rows tr').first().boundingBox())!;
      const title = (await page.locator('#task-rows tr').first().locator('td.tasks__title').boundingBox())!;
      expect(title.width / row.width).toBeGreaterThan(0.85);
      // Lead units, too, use the width under their field name.
      const lead = (await page.locator('#task-rows tr').first().locator('td').nth(2).locator('.unit-list, .muted').first().boundingBox())!;
      expect(lead.x - row.x).toBeLessThan(24);
      // The place link is a 44 px target and reads the label ("Mục II.1").
      const link = page.locator('#task-rows tr').first().locator('.tasks__address a');
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      expect(await link.innerText()).toMatch(/^Mục II\.\d+$/);
    } finally {
      await context.close();
    }
  });

  it('says that conditional and per-authority tasks are to-dos phone calendars mostly ignore', async () => {
    const { context, page } = await openPage(browser, { viewport: PHONE });
    try {
      await page.goto(`${server.url}/tasks.html`);
      const note = page.locator('#ics-note');
      expect(await note.isVisible()).toBe(true);
      const text = await note.innerText();
      expect(text).toMatch(/theo điều kiện/i);
      expect(text).toMatch(/cấp có thẩm quyền/);
      expect(text).toMatch(/to-do/);
      expect(text).toMatch(/điện thoại/);
      expect(await page.locator('#export-ics').getAttribute('aria-describedby')).toBe('ics-note');
    } finally {
      await context.close();
    }
  });
});
