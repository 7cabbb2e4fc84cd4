/**
 * The web pages in a real browser (Debian's chromium driven by playwright-core) against the
 * real server over the shipped corpus: chat on a phone, citation → highlighted passage, the
 * task table filtered without diacritics, the calendar download.
 *
 * A missing browser FAILS this file. `SKIP_BROWSER_TESTS=1` is an explicit, loud opt-out.
 * Screenshots go to a temp folder; with UPDATE_SCREENSHOTS=1 they are copied to docs/screenshots/.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealServer, type RealServer } from '../http/real-server.js';
import { openPage, type TestPage } from './browser.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SKIP = process.env.SKIP_BROWSER_TESTS === '1';
const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PHONE = { width: 360, height: 740 };

if (SKIP) {
  console.warn(
    '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
      '!!  SKIP_BROWSER_TESTS=1: the real-browser tests of the web pages are   !!\n' +
      '!!  NOT RUN. The pages are untested in this run.                        !!\n' +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
  );
}

let server: RealServer;
let browser: Browser;
let shots: string;

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(shots, name);
  await page.screenshot({ path: file, fullPage: false });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await copyFile(file, path.join(SCREENSHOT_DIR, name));
  }
}

function newPage(viewport: { width: number; height: number }): Promise<TestPage> {
  return openPage(browser, { viewport });
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

describe.skipIf(SKIP)('web pages in chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set SKIP_BROWSER_TESTS=1 knowingly.`);
    }
    shots = await mkdtemp(path.join(os.tmpdir(), 'plan-assistant-shots-'));
    server = await startRealServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  it('chat on a phone: keyboard question, streamed answer, citation opens the highlighted passage', async () => {
    const { context, page, problems } = await newPage(PHONE);
    try {
      await page.goto(`${server.url}/`);
      await expect.poll(() => page.locator('.suggestion').count()).toBeGreaterThan(0);
      await expectNoHorizontalScroll(page);

      // Keyboard only: the skip link leads to the question box; Enter sends.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('question');
      await page.keyboard.type('ai chu tri ra soat khung nang luc vi tri viec lam?');
      await page.keyboard.press('Enter');

      const answer = page.locator('.answer[data-state="done"]').last();
      await answer.waitFor({ timeout: 10_000 });
      expect(await answer.locator('.answer__text').innerText()).toContain('Sở Nội vụ');
      expect(await answer.locator('.badge').allInnerTexts()).toContain('Trích từ văn bản');
      const chip = answer.locator('a.citation').first();
      expect(await chip.locator('.citation__number').innerText()).toBe('[1]');
      await expectNoHorizontalScroll(page);

      // The copy button puts the answer and its numbered sources on the clipboard.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await answer.getByRole('button', { name: 'Chép câu trả lời' }).click();
      await expect.poll(() => answer.locator('.answer__actions button').innerText()).toBe('Đã chép');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('Sở Nội vụ');
      expect(copied).toMatch(/Nguồn:\n\[1\] .+, mục II\.4: “/);

      const href = (await chip.getAttribute('href'))!;
      const quote = new URL(href, server.url).searchParams.get('q')!;
      expect(quote.length).toBeGreaterThan(5);
      await chip.click();
      await page.waitForURL(/\/document\.html\?/);
      await page.locator('mark.hl').first().waitFor();

      expect(await page.evaluate(() => location.hash)).toBe('#II.4');
      const marked = (await page.locator('mark.hl').allInnerTexts()).join('');
      expect(marked.replace(/\s+/g, ' ')).toContain(quote.replace(/\s+/g, ' '));
      expect(await page.locator('mark.hl').first().evaluate((mark) => mark.closest('section')?.id)).toBe('II.4');
      // Scrolled into view.
      const box = await page.locator('mark.hl').first().boundingBox();
      expect(box && box.y >= 0 && box.y < PHONE.height).toBe(true);
      await expectNoHorizontalScroll(page);

      // A follow-up in the same conversation after coming back.
      await page.goBack();
      await page.locator('.answer[data-state="done"]').first().waitFor();
      await page.locator('#question').fill('Còn thời hạn thì sao?');
      await page.locator('#question').press('Enter');
      await expect.poll(() => page.locator('.answer[data-state="done"]').count(), { timeout: 10_000 }).toBe(2);
      expect(await page.locator('.answer').last().innerText()).toContain('6/2026');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('chat says clearly when the documents do not answer', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await page.goto(`${server.url}/`);
      await page.locator('#question').fill('Giá vé tham quan Tràng An năm nay là bao nhiêu?');
      await page.locator('#send').click();
      const answer = page.locator('.answer[data-state="done"]');
      await answer.waitFor({ timeout: 10_000 });
      expect(await answer.locator('.badge--warning').innerText()).toBe('Không tìm thấy trong văn bản');
      expect(await answer.locator('a.citation').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('task table: filter by "so noi vu" as lead, then download the calendar of what is filtered', async () => {
    const { context, page, problems } = await newPage({ width: 1280, height: 860 });
    try {
      await page.goto(`${server.url}/tasks.html`);
      await expect.poll(() => page.locator('#task-rows tr').count()).toBe(10);
      await page.locator('#unit').fill('so noi vu');
      await page.locator('#role').selectOption('lead');
      await page.locator('#filters button[type="submit"]').click();
      const rowAddresses = () => page.locator('#task-rows tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.address));
      await expect.poll(rowAddresses).toEqual(['II.4', 'II.5', 'II.6', 'II.8']);
      const ii4 = await page.locator('#task-rows tr[data-address="II.4"]').innerText();
      expect(ii4).toContain('Sở Nội vụ');
      expect(ii4).toMatch(/Hạn 30\/6\/2026/);
      expect(ii4).toMatch(/(còn \d+ ngày|quá hạn \d+ ngày|đến hạn hôm nay)/);
      expect(page.url()).toContain('unit=so+noi+vu');
      await screenshot(page, 'tasks.png');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-ics').click()]);
      const file = await download.path();
      const calendar = new ICAL.Component(ICAL.parse(await readFile(file, 'utf8')));
      const components = [...calendar.getAllSubcomponents('vevent'), ...calendar.getAllSubcomponents('vtodo')];
      const cited = components.map((component) => /mục (II\.\d+)/.exec(String(component.getFirstPropertyValue('description')))?.[1]);
      expect(cited.sort()).toEqual(['II.4', 'II.5', 'II.6', 'II.8']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('task table on a phone: cards, no sideways scroll', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await page.goto(`${server.url}/tasks.html?kind=deadline`);
      await expect.poll(() => page.locator('#task-rows tr').count()).toBe(3);
      await expectNoHorizontalScroll(page);
      expect(await page.locator('#kind').inputValue()).toBe('deadline');
    } finally {
      await context.close();
    }
  });

  it('document page: every address is an anchor named by its label; expected documents not loaded are listed', async () => {
    const { context, page, problems } = await newPage(PHONE);
    try {
      await page.goto(`${server.url}/document.html#II.6.a`);
      await page.locator('section.sec').first().waitFor();
      const ids = await page.locator('section.sec').evaluateAll((sections) => sections.map((section) => section.id));
      expect(ids).toEqual(expect.arrayContaining(['header', 'preamble', 'I', 'II', 'II.4', 'II.6', 'II.6.a', 'III', 'footnote.1', 'signature']));
      // Anchors and badges read labels ("Phần chữ ký", "Chú thích 1"), not internal names.
      const anchors = await page.locator('a.addr').allInnerTexts();
      expect(anchors).toEqual(expect.arrayContaining(['Phần đầu văn bản', 'Phần mở đầu', 'Mục II.6.a', 'Chú thích 1', 'Phần chữ ký']));
      expect(anchors.filter((text) => /^(header|preamble|signature|recipients|footnote\.\d|[IVX]+\.closing)$/.test(text))).toEqual([]);
      expect(await page.locator('section.is-target').getAttribute('id')).toBe('II.6.a');
      await page.getByRole('link', { name: 'Tất cả văn bản, kể cả văn bản chưa có' }).click();
      await page.waitForURL(/\/documents$/);
      await page.locator('.doc-card').first().waitFor();
      expect(await page.locator('.doc-card[data-status="missing"]').count()).toBe(3);
      expect(await page.locator('.doc-card[data-status="missing"]').first().innerText()).toContain('chưa có văn bản');
      await expectNoHorizontalScroll(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with an API key: the page asks for it once, then the table and the downloads work', async () => {
    const key = 'khoa-thu-nghiem-123';
    const guarded = await startRealServer({ API_KEY: key });
    const { context, page, problems } = await newPage({ width: 1024, height: 768 });
    try {
      const prompts: string[] = [];
      page.on('dialog', (dialog) => {
        prompts.push(dialog.message());
        void dialog.accept(key);
      });
      await page.goto(`${guarded.url}/tasks.html?unit=SNV&role=lead`);
      await expect.poll(() => page.locator('#task-rows tr').count()).toBe(4);
      expect(prompts).toHaveLength(1);
      expect(prompts[0]).toContain('khóa truy cập');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv).toContain('Sở Nội vụ');
      expect(prompts).toHaveLength(1);
      // Console errors here are the expected 401s of the first, key-less requests.
      expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);
    } finally {
      await context.close();
      await guarded.stop();
    }
  });
});
