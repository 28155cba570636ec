/**
 * A 2000-host pool (every host with mail, host 1's mailbox full) in the built app and Debian's
 * chromium: the grid is virtualised (a screenful of rows in the DOM, with
 * the same data- hooks), scrolls to a problem host named in the URL, keeps
 * following live writes far down the pool, and says how many rows there are.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLEAN, encodeMailbox, MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';
import { FIRST_SCREEN_ROWS } from '@/components/live-grid/first-screen';
import { collectErrors, WHOLE_READ } from '../support/browser';
import { browserSuite, RESULTS } from '../support/browser-suite';
import { makePool, request, tornMailbox, type TestPool } from '../support/pool';

const HOSTS = 2000;
const POLL_MS = 250;
const TORN_HOST = 1900;
const SLOTS = Array.from({ length: MESSAGE_SLOTS_PER_MAILBOX }, (_, s) => s);
const full = (host: number, size = 1024) => encodeMailbox(Object.fromEntries(SLOTS.map((s) => [s, request(host, s, size + s)])));
// Two requests a host keeps the test light on a shared machine; bench/scale.bench.ts measures full pools.
const some = (host: number) => encodeMailbox({ 0: request(host, 0, 1024), 9: request(host, 9, 2048) });

const suite = browserSuite({
  makePool: () => {
    const inbox: Record<number, Uint8Array> = {};
    for (let host = 1; host <= HOSTS; host++) inbox[host] = host === 1 ? full(host) : some(host);
    inbox[TORN_HOST] = tornMailbox(Object.fromEntries(SLOTS.map((s) => [s, request(TORN_HOST, s, 64)])));
    return makePool({ mailboxes: HOSTS + 1, inbox });
  },
  env: (p) => ({ MAILBOX_SOURCES: `big=${p.dir}`, MAILBOX_MAX_HOST_ID: String(HOSTS), MAILBOX_POLL_MS: String(POLL_MS) }),
  ready: '[data-host-id]',
  stepTimeoutMs: 90_000, // a loaded machine; the test asserts no timing
});

let page: Page;
const pool = { writeMailbox: (...args: Parameters<TestPool['writeMailbox']>) => suite.pool().writeMailbox(...args) };

async function open(query: string): Promise<Page> {
  page = await suite.open(query);
  return page;
}

const rendered = () => page.locator('[role=grid] [data-host-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-host-id'))));
const inView = (host: number) => page.locator(`[data-host-id="${host}"]`).evaluate((row) => {
  const scroller = row.closest('[data-testid="grid-scroller"]')!.getBoundingClientRect();
  const box = row.getBoundingClientRect();
  return box.top >= scroller.top && box.bottom <= scroller.bottom;
});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('a 2000-host pool', () => {
  it('comes with its first rows in the page: drawn before any script runs', { timeout: 180_000 }, async () => {
    await open('?source=big');
    const context = await page.context().browser()!.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
    try {
      const bare = await context.newPage();
      await bare.goto(`${suite.server().url}/?source=big`);
      const ids = await bare.locator('[role=grid] [data-host-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-host-id'))));
      expect(ids).toEqual(range(1, FIRST_SCREEN_ROWS));
      const first = bare.locator('[data-host-id="1"]');
      expect(await first.getAttribute('data-mailbox-state')).toBe('valid');
      expect(await first.locator('[data-slot]').evaluateAll((c) => c.map((e) => [e.getAttribute('data-slot'), e.getAttribute('data-step')])))
        .toEqual(SLOTS.map((s) => [String(s), 'requested']));
      expect(await bare.locator('[data-host-id="2"] [data-slot]').evaluateAll((c) => c.map((e) => e.getAttribute('data-slot')))).toEqual(['0', '9']);
      // the header says these are the first rows, and the grid does not claim a row count or a whole read
      expect(await bare.getByTestId('first-screen').textContent()).toBe(`the first ${FIRST_SCREEN_ROWS} rows of ${HOSTS} hosts; the whole read is on its way…`);
      expect(await bare.locator('[role=grid]').getAttribute('aria-rowcount')).toBe('-1');
      expect(await bare.locator(WHOLE_READ).count()).toBe(0);
      // a read asked for by its seq is the past: the live rows are not sent
      await bare.goto(`${suite.server().url}/?source=big&seq=1`);
      expect(await bare.locator('[data-host-id]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('hydrates the rows it came with, without drawing them again, then draws the whole read', { timeout: 180_000 }, async () => {
    await open('?source=big');
    const context = await page.context().browser()!.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const fresh = await context.newPage();
      const errors = collectErrors(fresh);
      // The page's scripts are held back until the rows it came with are tagged with a property (not an
      // attribute: the DOM stays as sent). A page that failed to hydrate would draw them again, untagged.
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await fresh.route('**/*.js', async (route) => {
        await held;
        await route.continue();
      });
      await fresh.goto(`${suite.server().url}/?source=big`, { waitUntil: 'commit' });
      await expect.poll(() => fresh.locator('[role=grid] [data-host-id]').count(), { timeout: 30_000 }).toBe(FIRST_SCREEN_ROWS);
      expect(await fresh.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))).toBe(false);
      await fresh.locator('[role=grid] [data-host-id]').evaluateAll((rows) => rows.forEach((r) => ((r as unknown as { fromHtml: boolean }).fromHtml = true)));
      release();
      // once the page says it is hydrated, its keys work at once: r opens the requests tab
      await fresh.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });
      await fresh.keyboard.press('r');
      await fresh.locator('[role="tab"][data-tab="requests"][aria-selected="true"]').waitFor({ timeout: 5_000 });
      await fresh.locator(WHOLE_READ).waitFor({ timeout: 90_000 });
      expect(await fresh.locator('[role=grid]').getAttribute('aria-rowcount')).toBe(String(HOSTS + 1));
      expect(await fresh.getByTestId('first-screen').count()).toBe(0);
      const tagged = await fresh.locator('[role=grid] [data-host-id]').evaluateAll((rows) =>
        rows.filter((r) => (r as unknown as { fromHtml?: boolean }).fromHtml).map((r) => Number(r.getAttribute('data-host-id'))));
      expect(tagged).toEqual(range(1, Math.min(tagged.length, FIRST_SCREEN_ROWS)));
      expect(tagged.length).toBeGreaterThan(20); // the rows on screen at least: the rest may have left the DOM as the scroller was measured
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('renders a screenful of rows, with the data- hooks, out of 2000', { timeout: 180_000 }, async () => {
    await open('?source=big');
    await page.locator(WHOLE_READ).waitFor({ timeout: 90_000 });
    expect(await page.locator('[role=grid]').getAttribute('aria-rowcount')).toBe(String(HOSTS + 1));
    const ids = await rendered();
    expect(ids[0]).toBe(1);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.length).toBeLessThan(120);
    const first = page.locator('[data-host-id="1"]');
    expect(await first.getAttribute('data-mailbox-state')).toBe('valid');
    const cells = await first.locator('[data-slot]').evaluateAll((c) => c.map((e) => [e.getAttribute('data-slot'), e.getAttribute('data-step')]));
    expect(cells).toEqual(SLOTS.map((s) => [String(s), 'requested']));
    // a cell is not positioned: a positioned box is a paint layer of its own, and a screen holds thousands
    expect(new Set(await first.locator('[data-slot]').evaluateAll((c) => c.map((e) => getComputedStyle(e).position)))).toEqual(new Set(['static']));
    await page.screenshot({ path: path.join(RESULTS, 'grid-2000.png') });
  });

  it('scrolls to a problem host named in the URL and keeps it on screen', { timeout: 180_000 }, async () => {
    await open(`?source=big&host=${TORN_HOST}`);
    const row = page.locator(`[data-host-id="${TORN_HOST}"]`);
    await row.waitFor();
    await expect.poll(() => inView(TORN_HOST), { timeout: 30_000 }).toBe(true);
    expect(await row.getAttribute('data-mailbox-state')).toBe('checksum_missing');
    expect(await row.getAttribute('data-severity')).toBe('error');
    expect(await page.locator('[data-host-id="1"]').count()).toBe(0); // far above: not in the DOM
  });

  it('follows a live write to a host far down the pool once scrolled there', { timeout: 180_000 }, async () => {
    await open('?source=big');
    await page.locator(WHOLE_READ).waitFor({ timeout: 90_000 }); // the whole pool, not the first screen the page came with
    await page.locator('[data-testid="grid-scroller"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator(`[data-host-id="${HOSTS}"]`).waitFor();
    const cell = page.locator(`[data-host-id="${HOSTS}"] [data-slot="0"]`);
    expect(await cell.getAttribute('data-step')).toBe('requested');
    await pool.writeMailbox('inbox', HOSTS, encodeMailbox({ 0: CLEAN, 1: request(HOSTS, 1, 1025) }));
    await expect.poll(() => cell.getAttribute('data-step'), { timeout: 60_000 }).toBe('host_acked');
    expect(await page.locator(`[data-host-id="${HOSTS}"] [data-slot]`).evaluateAll((c) => c.map((e) => [e.getAttribute('data-slot'), e.getAttribute('data-step')])))
      .toEqual([['0', 'host_acked'], ['1', 'requested']]);

  });

  it('paces the requests list in a storm and says so, until it calms', { timeout: 240_000 }, async () => {
    await open('?source=big&panel=requests');
    await page.getByTestId('requests').waitFor();
    const fetched: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/requests?')) fetched.push(Date.now());
    });
    const storm = page.locator('[data-requests-storm]');
    expect(await storm.count()).toBe(0);
    // Every host but the first asks for three new extends, four times over: ~24,000 new requests in two
    // seconds, where the list holds 5000.
    for (let round = 0; round < 4; round++) {
      for (let host = 2; host <= HOSTS; host++) {
        await pool.writeMailbox('inbox', host, encodeMailbox({ 0: request(host, 0, 3000 + round), 9: request(host, 9, 4000 + round), 20: request(host, 20, 5000 + round) }));
      }
    }
    await storm.waitFor({ timeout: 60_000 });
    const seen = Date.now();
    expect(Number(await storm.getAttribute('data-requests-storm'))).toBeGreaterThan(0);
    expect(await storm.textContent()).toContain('refreshed every 5 s');
    // paced: the refresh after the one that found the storm comes 5 s later, not 1 s
    await expect.poll(() => fetched.filter((t) => t > seen).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const before = fetched.filter((t) => t <= seen).at(-1)!;
    expect(fetched.find((t) => t > seen)! - before).toBeGreaterThanOrEqual(4500);
    // calm again: two requests a host, as at the start; the note goes once a refresh brings everything
    for (let host = 2; host <= HOSTS; host++) await pool.writeMailbox('inbox', host, some(host));
    await expect.poll(() => storm.count(), { timeout: 120_000 }).toBe(0);
  });
});
