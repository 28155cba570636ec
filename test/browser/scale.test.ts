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

describe('a 2000-host pool', () => {
  it('renders a screenful of rows, with the data- hooks, out of 2000', { timeout: 180_000 }, async () => {
    await open('?source=big');
    expect(await page.locator('[role=grid]').getAttribute('aria-rowcount')).toBe(String(HOSTS + 1));
    const ids = await rendered();
    expect(ids[0]).toBe(1);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.length).toBeLessThan(120);
    const first = page.locator('[data-host-id="1"]');
    expect(await first.getAttribute('data-mailbox-state')).toBe('valid');
    const cells = await first.locator('[data-slot]').evaluateAll((c) => c.map((e) => [e.getAttribute('data-slot'), e.getAttribute('data-step')]));
    expect(cells).toEqual(SLOTS.map((s) => [String(s), 'requested']));
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
