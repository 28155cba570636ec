/**
 * The scaffold every browser suite shares: a pool of real files, the built
 * app serving them on 127.0.0.1, Debian's chromium, one page per test, and a
 * check after each test that the page logged no error.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { HistoryResponse } from '@/lib/api/history-types';
import { collectErrors, launchBrowser } from './browser';
import type { TestPool } from './pool';
import { startServer, type RunningServer } from './server';

export const RESULTS = path.resolve(import.meta.dirname, '../../test-results');

export interface SuiteOptions {
  makePool: () => TestPool;
  /** the server's environment, given the pool */
  env: (pool: TestPool) => Record<string, string>;
  /** what a page must show before a test starts */
  ready: string;
  context?: BrowserContextOptions;
  /** how long a page step may take before it fails (default 15 s) */
  stepTimeoutMs?: number;
}

export interface BrowserSuite {
  pool: () => TestPool;
  server: () => RunningServer;
  page: () => Page;
  open: (query?: string, colorScheme?: 'light' | 'dark') => Promise<Page>;
  /** GET of the server's JSON */
  api: <T>(url: string) => Promise<T>;
  /** waits until the server has made `count` more reads than now; returns the latest seq */
  reads: (count: number, source?: string) => Promise<number>;
  screenshot: (name: string) => Promise<void>;
  /** the current page's console errors so far: a test that expects one removes it */
  errors: () => string[];
}

export function browserSuite(options: SuiteOptions): BrowserSuite {
  let pool: TestPool;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    pool = options.makePool();
    [server, browser] = await Promise.all([startServer(options.env(pool)), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    pool?.remove();
  });

  afterEach(async () => {
    expect(errors, `console errors on the page; the server said:\n${server.output().slice(-3000)}`).toEqual([]);
    await page?.context().close();
  });

  const api = async <T>(url: string): Promise<T> => (await (await fetch(server.url + url)).json()) as T;

  return {
    pool: () => pool,
    errors: () => errors,
    server: () => server,
    page: () => page,
    api,
    async open(query = '?source=test', colorScheme = 'light') {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme, ...options.context });
      page = await context.newPage();
      page.setDefaultTimeout(options.stepTimeoutMs ?? 15_000); // fail with the step that hung, before the test's own timeout
      errors = collectErrors(page);
      await page.goto(server.url + '/' + query);
      await page.waitForSelector(options.ready);
      // The page comes with its first rows drawn: wait until it also answers clicks and keys.
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      return page;
    },
    async reads(count, source = 'test') {
      const latest = async () => (await api<HistoryResponse>(`/api/sources/${source}/history?since=1000000000000`)).latestSeq ?? 0;
      const start = await latest();
      for (;;) {
        const seq = await latest();
        if (seq >= start + count) return seq;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async screenshot(name) {
      await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
    },
  };
}
