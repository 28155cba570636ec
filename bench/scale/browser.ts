/**
 * What the page costs in Chromium while live updates arrive: time to the
 * first rows, long tasks (PerformanceObserver 'longtask'), how long each
 * grid update takes from the answer's headers to the DOM change, and how
 * much of it is applying the answer (from its JSON in the page's hands:
 * reading and parsing it happen in a worker), the JS heap, the grid's
 * elements; and the freshness of one cell (a write to the file until the
 * cell shows it).
 */
import type { Browser, Page } from 'playwright-core';
import { WHOLE_READ } from '../../test/support/browser';
import { PROBE_HOST } from './pool';

/**
 * Installed before the page's own scripts: collects long tasks, the grid's
 * changes after each answer the snapshot fetcher marks ('mailbox:answer' at
 * its headers, 'mailbox:parsed' at its JSON), the first row, and the probe
 * cell's steps.
 */
const PROBE = `(() => {
  const w = window;
  w.__bench = { longTasks: [], updates: [], applies: [], firstRow: null, wholeRead: null, probe: [] };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  const seen = (records) => {
    const b = w.__bench;
    const now = performance.now();
    if (b.firstRow === null && document.querySelector('[data-host-id]')) b.firstRow = now;
    if (b.wholeRead === null && document.querySelector(${JSON.stringify(WHOLE_READ)})) b.wholeRead = now;
    const inGrid = records.some((r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('[role=grid]'));
    if (inGrid) {
      // the first grid change after an answer: that answer's update is on screen
      const marks = performance.getEntriesByName('mailbox:answer');
      if (marks.length > 0) {
        b.updates.push(now - marks[marks.length - 1].startTime);
        performance.clearMarks('mailbox:answer');
        const parsed = performance.getEntriesByName('mailbox:parsed');
        if (parsed.length > 0) b.applies.push(now - parsed[parsed.length - 1].startTime);
        performance.clearMarks('mailbox:parsed');
      }
    }
    const cell = document.querySelector('[data-host-id="${PROBE_HOST}"] [data-slot="0"]');
    const step = cell ? cell.getAttribute('data-step') : null;
    const last = b.probe[b.probe.length - 1];
    if (!last || last[0] !== step) b.probe.push([step, Date.now()]);
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

interface Collected {
  longTasks: Array<[number, number]>;
  updates: number[];
  applies: number[];
  firstRow: number | null;
  wholeRead: number | null;
  probe: Array<[string | null, number]>;
}

export interface PageFigures {
  /** the first rows on screen: those the page came with (first-screen.ts), at its first paint */
  firstRowMs: number | null;
  /** the whole read drawn: the grid's container says which read it draws */
  wholeReadMs: number | null;
  /** the page's first contentful paint (its shell, before any data): what first rows are measured against */
  firstPaintMs: number | null;
  longTasksOver50: number;
  longestTaskMs: number;
  blockedMs: number;
  updates: number[];
  /** from the answer's JSON in the page's hands to the DOM change */
  applies: number[];
  heapMiB: number;
  elements: number;
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PROBE);
  await page.goto(url);
  // the whole read, not only the first screen the page came with: live updates are measured from there
  await page.waitForSelector(WHOLE_READ, { timeout: 120_000 });
  return page;
}

const collected = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Collected }).__bench);

/** Forgets what was collected so far (the load), to measure a window of live updates. */
export async function resetWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: Collected }).__bench;
    b.longTasks.length = 0;
    b.updates.length = 0;
    b.applies.length = 0;
  });
}

export async function pageFigures(page: Page): Promise<PageFigures> {
  const b = await collected(page);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const elements = await page.evaluate(() => document.querySelectorAll('[role=grid] *').length);
  const durations = b.longTasks.map(([, d]) => d);
  const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  return {
    firstRowMs: b.firstRow,
    wholeReadMs: b.wholeRead,
    firstPaintMs,
    longTasksOver50: durations.filter((d) => d > 50).length,
    longestTaskMs: Math.max(0, ...durations),
    blockedMs: durations.reduce((s, d) => s + Math.max(0, d - 50), 0),
    updates: b.updates,
    applies: b.applies,
    heapMiB: heap / 2 ** 20,
    elements,
  };
}

/**
 * Flips the probe cell `samples` times at random moments and returns, for each
 * flip, the ms from the write to the page showing it.
 */
export async function freshness(page: Page, flip: (acked: boolean) => void, samples: number, pollMs: number): Promise<number[]> {
  const want = (acked: boolean) => (acked ? 'host_acked' : 'replied');
  const out: number[] = [];
  let acked = (await page.locator(`[data-host-id="${PROBE_HOST}"] [data-slot="0"]`).getAttribute('data-step')) === 'host_acked';
  for (let i = 0; i < samples; i++) {
    await new Promise((r) => setTimeout(r, Math.random() * pollMs));
    acked = !acked;
    const wrote = Date.now();
    flip(acked);
    try {
      await page.waitForFunction(
        ({ host, step }) => document.querySelector(`[data-host-id="${host}"] [data-slot="0"]`)?.getAttribute('data-step') === step,
        { host: PROBE_HOST, step: want(acked) }, { timeout: 20_000, polling: 'raf' },
      );
    } catch {
      out.push(Infinity); // not shown within 20 s: counted, as the slowest
      continue;
    }
    const b = await collected(page);
    const shown = [...b.probe].reverse().find(([step]) => step === want(acked));
    out.push(shown ? shown[1] - wrote : NaN);
  }
  return out;
}

export async function closeAll(browser: Browser | null, pages: Page[]): Promise<void> {
  for (const p of pages) await p.close().catch(() => undefined);
  await browser?.close();
}
