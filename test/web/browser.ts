/**
 * Shared set-up of the browser tests: Debian's chromium driven by playwright-core, pages with
 * their console errors collected, screenshots, and a real server over a corpus of several
 * documents (the shipped corpus plus the civil-service regulations from the real-document
 * fixtures, whichever of them the shipped corpus does not already hold).
 */
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { SHIPPED_CORPUS, startRealServer, type RealServer } from '../http/real-server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SKIP = process.env.SKIP_BROWSER_TESTS === '1';
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };
/** A phone as the page sees it: touch, coarse pointer, no hover. */
export const TOUCH_PHONE: BrowserContextOptions = { viewport: PHONE, hasTouch: true, isMobile: true };

const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const REAL_DOCS = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));
/** The regulations a commune official asks about, as the real-document fixtures hold them. */
export const REGULATION_FILES = [
  'luat-80-2025-qh15-can-bo-cong-chuc.md',
  'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc.md',
  'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc.html',
  'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html',
];

/** Launches chromium with the flags a container needs; fails loudly when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set SKIP_BROWSER_TESTS=1 knowingly.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors: the pages must produce none (a CSP violation shows here). */
  problems: string[];
}

/** A fresh context and page, in Vietnamese, downloads allowed. */
export async function openPage(browser: Browser, options: BrowserContextOptions): Promise<TestPage> {
  const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Saves a screenshot to `folder`; with UPDATE_SCREENSHOTS=1 also to docs/screenshots/. */
export async function screenshot(page: Page, folder: string, name: string): Promise<void> {
  const file = path.join(folder, name);
  await page.screenshot({ path: file, fullPage: false });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await copyFile(file, path.join(SCREENSHOT_DIR, name));
  }
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

export interface LibraryServer extends RealServer {
  /** Removes the server's temporary corpus too. */
  stopAll(): Promise<void>;
}

/** The real server over the shipped corpus plus the regulations it does not hold yet. */
export async function startLibraryServer(env: Record<string, string> = {}): Promise<LibraryServer> {
  const corpus = await mkdtemp(path.join(os.tmpdir(), 'plan-assistant-library-'));
  await cp(SHIPPED_CORPUS, corpus, { recursive: true });
  const shipped = new Set(await readdir(SHIPPED_CORPUS));
  for (const file of REGULATION_FILES) {
    if (!shipped.has(file)) await copyFile(path.join(REAL_DOCS, file), path.join(corpus, file));
  }
  const server = await startRealServer({ CORPUS_DIR: corpus, ...env });
  return {
    ...server,
    async stopAll() {
      await server.stop();
      await rm(corpus, { recursive: true, force: true });
    },
  };
}

/** A temporary folder for screenshots. */
export function screenshotFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'plan-assistant-shots-'));
}
