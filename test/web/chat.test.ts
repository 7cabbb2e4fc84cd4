/**
 * The chat page across documents, in chromium at 360×740 (touch) and on a desktop, over the
 * shipped plan plus the civil-service regulations: each item of "what a new user hit" in the
 * chat (internal names on chips, the newest answer under the composer, a composer too tall on a
 * phone, small touch targets, a refusal beside "Trích từ văn bản", back from a citation landing
 * at the top), the document picker and the suggestions built from the loaded documents.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, screenshotFolder, SKIP, startLibraryServer, TOUCH_PHONE, type LibraryServer } from './browser.js';

/** Internal addresses and section names a person must never read on a chip, badge or banner. */
const INTERNAL = /\b(signature|preamble|header|recipients|closing|footnote\.\d|dieu\.\d|khoan\.\d|diem\.|chuong\.\d|phu-luc)\b/;
const ANSWER_TIMEOUT = 15_000;

let server: LibraryServer;
let browser: Browser;
let shots: string;

async function askOnPage(page: Page, question: string): Promise<void> {
  const before = await page.locator('.answer[data-state="done"], .answer[data-state="error"]').count();
  await page.locator('#question').fill(question);
  await page.locator('#send').click();
  await expect.poll(() => page.locator('.answer[data-state="done"], .answer[data-state="error"]').count(), { timeout: ANSWER_TIMEOUT }).toBe(before + 1);
}

/** Whether the point (x, y) of the viewport is covered by an element inside `selector`'s match. */
function hits(page: Page, selector: string, x: number, y: number): Promise<boolean> {
  return page.evaluate(({ selector, x, y }) => Boolean(document.elementFromPoint(x, y)?.closest(selector)), { selector, x, y });
}

describe.skipIf(SKIP)('chat across documents in chromium', () => {
  beforeAll(async () => {
    shots = await screenshotFolder();
    server = await startLibraryServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stopAll();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  it('chips and their links read the Vietnamese label, never an internal address', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: PHONE });
    try {
      await page.goto(`${server.url}/`);
      await askOnPage(page, 'Ai ký kế hoạch?');
      const places = await page.locator('.answer').last().locator('.citation__place').allInnerTexts();
      expect(places.length).toBeGreaterThan(0);
      for (const place of places) expect(place).not.toMatch(INTERNAL);
      expect(places.join(' | ')).toContain('phần chữ ký');
      const markerNames = await page.locator('a.marker').evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? ''));
      for (const name of markerNames) expect(name).not.toMatch(INTERNAL);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const [name, options] of [['phone', TOUCH_PHONE], ['desktop', { viewport: DESKTOP }]] as const) {
    it(`the newest answer is brought whole into view above the composer (${name})`, async () => {
      const { context, page } = await openPage(browser, options);
      try {
        await page.goto(`${server.url}/`);
        await askOnPage(page, 'Sở Nội vụ chủ trì những nhiệm vụ nào?');
        await askOnPage(page, 'Ai chủ trì rà soát khung năng lực vị trí việc làm?');
        const composerTop = (await page.locator('#composer').boundingBox())!.y;
        const copy = (await page.locator('.answer').last().locator('.answer__actions button').boundingBox())!;
        const question = (await page.locator('.turn').last().locator('.turn__question').boundingBox())!;
        const viewport = page.viewportSize()!;
        const answerBox = (await page.locator('.turn').last().boundingBox())!;
        if (answerBox.height < composerTop) {
          // It fits: all of it, copy button included, stands above the composer.
          expect(copy.y + copy.height).toBeLessThanOrEqual(composerTop);
          expect(question.y).toBeGreaterThanOrEqual(0);
        } else {
          // Taller than the screen: it starts at its question, the reader scrolls on.
          expect(question.y).toBeGreaterThanOrEqual(0);
          expect(question.y).toBeLessThan(viewport.height / 3);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('on a phone the composer is small and shows no keyboard hint', async () => {
    const { context, page } = await openPage(browser, TOUCH_PHONE);
    try {
      await page.goto(`${server.url}/`);
      await page.locator('.suggestion').first().waitFor();
      const composer = (await page.locator('#composer').boundingBox())!;
      expect(composer.height / PHONE.height).toBeLessThanOrEqual(0.1);
      expect(await page.locator('#composer-hint').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
    const desktop = await openPage(browser, { viewport: DESKTOP });
    try {
      await desktop.page.goto(`${server.url}/`);
      expect(await desktop.page.locator('#composer-hint').isVisible()).toBe(true);
    } finally {
      await desktop.context.close();
    }
  });

  it('touch targets: [n] markers and "Cuộc hội thoại mới" take a 44 px finger', async () => {
    const { context, page } = await openPage(browser, TOUCH_PHONE);
    try {
      await page.goto(`${server.url}/`);
      const newConversation = (await page.getByRole('button', { name: 'Cuộc hội thoại mới' }).boundingBox())!;
      expect(newConversation.height).toBeGreaterThanOrEqual(44);
      expect(newConversation.width).toBeGreaterThanOrEqual(44);
      await askOnPage(page, 'Ai chủ trì rà soát khung năng lực vị trí việc làm?');
      const marker = page.locator('a.marker').first();
      await marker.scrollIntoViewIfNeeded();
      const box = (await marker.boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      for (const [dx, dy] of [[0, -20], [0, 20], [-20, 0], [20, 0]]) expect(await hits(page, 'a.marker', cx + dx, cy + dy)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('a refusal shows only "Không tìm thấy trong văn bản", not "Trích từ văn bản" beside it', async () => {
    const { context, page } = await openPage(browser, { viewport: PHONE });
    try {
      await page.goto(`${server.url}/`);
      await askOnPage(page, 'Giá vé tham quan Tràng An năm nay là bao nhiêu?');
      const badges = await page.locator('.answer').last().locator('.badge').allInnerTexts();
      expect(badges).toEqual(['Không tìm thấy trong văn bản']);
    } finally {
      await context.close();
    }
  });

  it('back from a citation returns to the answer it was opened from', async () => {
    const { context, page } = await openPage(browser, TOUCH_PHONE);
    try {
      await page.goto(`${server.url}/`);
      await askOnPage(page, 'Sở Nội vụ chủ trì những nhiệm vụ nào?');
      await askOnPage(page, 'Những nhiệm vụ nào phải hoàn thành trong tháng 6/2026?');
      await askOnPage(page, 'Ai chủ trì rà soát khung năng lực vị trí việc làm?');
      // The middle answer: neither the top nor the end of the page.
      const turn = page.locator('.turn').nth(1);
      const turnId = await turn.getAttribute('id');
      await turn.locator('a.citation').first().scrollIntoViewIfNeeded();
      await turn.locator('a.citation').first().click();
      await page.waitForURL(/\/document\.html\?/);
      await page.locator('mark.hl').first().waitFor();
      await page.goBack();
      await page.locator('.answer[data-state="done"]').nth(2).waitFor();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const box = (await page.locator(`[id="${turnId}"] .turn__question`).boundingBox())!;
      const composerTop = (await page.locator('#composer').boundingBox())!.y;
      expect(box.y).toBeGreaterThanOrEqual(-1);
      expect(box.y + box.height).toBeLessThanOrEqual(composerTop);
    } finally {
      await context.close();
    }
  });

  it('asks one document through the picker on a phone; the chip names it and opens it at the Điều, highlighted', async () => {
    const { context, page, problems } = await openPage(browser, TOUCH_PHONE);
    try {
      await page.goto(`${server.url}/`);
      const listing = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: Array<{ id: string; number: string | null }> };
      const decree = listing.documents.find((doc) => doc.number?.startsWith('335/2025'))!;
      const picker = page.locator('#scope');
      const pickerBox = (await picker.boundingBox())!;
      expect(pickerBox.height).toBeGreaterThanOrEqual(44);
      expect(pickerBox.x + pickerBox.width).toBeLessThanOrEqual(PHONE.width);
      await picker.selectOption(decree.id);
      // Suggestions follow the choice: built from the picked document.
      await expect.poll(async () => (await page.locator('.suggestion').allInnerTexts()).join(' ')).toContain('335/2025');

      const bodies: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/ask')) bodies.push(request.postData() ?? '');
      });
      await askOnPage(page, 'Ai có thẩm quyền đánh giá, xếp loại chất lượng công chức?');
      expect(JSON.parse(bodies[0]!)).toMatchObject({ documentId: decree.id });
      expect(await page.locator('.turn__scope').last().innerText()).toContain('NĐ 335/2025');

      const chip = page.locator('.answer').last().locator('a.citation').first();
      const place = await chip.locator('.citation__place').innerText();
      expect(place).toMatch(/^NĐ 335\/2025, (điểm [a-zđ] )?(khoản \d+ )?Điều \d+|^NĐ 335\/2025, Điều \d+( khoản \d+)?/);
      const href = new URL((await chip.getAttribute('href'))!, server.url);
      await screenshot(page, shots, 'chat-phone.png');
      await chip.click();
      await page.waitForURL(/\/document\.html\?/);
      await page.locator('mark.hl').first().waitFor();
      expect(new URL(page.url()).searchParams.get('id')).toBe(decree.id);
      const address = decodeURIComponent(href.hash.slice(1));
      expect(address).toMatch(/^dieu\.\d+/);
      expect(await page.locator('mark.hl').first().evaluate((mark) => mark.closest('section')?.id)).toBe(address);
      const article = address.split('.').slice(0, 2).join('.');
      expect(await page.locator(`[id="${article}"] > a.addr`).innerText()).toBe(`Điều ${article.split('.')[1]}`);
      expect(await page.locator('#cite-banner').innerText()).not.toMatch(INTERNAL);
      const mark = (await page.locator('mark.hl').first().boundingBox())!;
      expect(mark.y).toBeGreaterThanOrEqual(0);
      expect(mark.y).toBeLessThan(PHONE.height);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('suggested questions come from the loaded documents, not from a fixed list', async () => {
    const { context, page } = await openPage(browser, { viewport: DESKTOP });
    try {
      await page.goto(`${server.url}/`);
      await expect.poll(() => page.locator('.suggestion').count()).toBeGreaterThan(1);
      const listing = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: Array<{ number: string | null }> };
      const suggestions = await page.locator('.suggestion').allInnerTexts();
      const numbers = listing.documents.flatMap((doc) => (doc.number ? [doc.number] : []));
      expect(suggestions.filter((question) => numbers.some((number) => question.includes(number))).length).toBeGreaterThanOrEqual(2);
      // A suggestion asks: clicking it gets an answer that is not a refusal, from the document it names.
      const first = suggestions[0]!;
      await screenshot(page, shots, 'chat-desktop.png');
      await page.locator('.suggestion').first().click();
      const answer = page.locator('.answer[data-state="done"]').first();
      await answer.waitFor({ timeout: ANSWER_TIMEOUT });
      expect(await answer.locator('.badge--warning').count()).toBe(0);
      const named = /^Theo ([^,]+),/.exec(first)?.[1];
      if (named?.startsWith('Kế hoạch')) expect(await answer.locator('.citation__place').first().innerText()).toMatch(/^Kế hoạch/);
    } finally {
      await context.close();
    }
  });
});
