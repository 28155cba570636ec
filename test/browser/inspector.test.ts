/**
 * The built app in Debian's chromium: the grid marks a torn mailbox, the
 * detail shows its checksum, new mail appears without a reload, links and
 * keys work, and nothing is logged as an error. Saves screenshots to
 * test-results/ for people to look at.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checksum, CLEAN } from '@/lib/mailbox';
import { browserSuite, RESULTS } from '../support/browser-suite';
import { encodeMailbox, makePool, request, tornMailbox } from '../support/pool';

const POLL_MS = 300;
const TORN = tornMailbox({ 1: request(7, 1, 100) });

const suite = browserSuite({
  // 11 mailboxes: mailbox 0 and hosts 1..10; the SPM window is hosts 1..9, so host 10's mail is outside it.
  makePool: () => makePool({
    mailboxes: 11,
    event: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    inbox: {
      2: encodeMailbox({ 0: request(2, 0, 128), 1: request(2, 1, 2048), 2: CLEAN }),
      3: encodeMailbox({ 0: request(3, 0, 512) }),
      7: TORN,
      10: encodeMailbox({ 0: request(10, 0, 1024) }),
    },
    outbox: {
      2: encodeMailbox({ 1: request(2, 1, 2048), 2: request(2, 2, 64) }, { kind: 'outbox' }),
      5: encodeMailbox({ 0: CLEAN }, { kind: 'outbox' }),
    },
  }),
  env: (p) => ({
    MAILBOX_SOURCES: `test=${p.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: String(POLL_MS), MAILBOX_STUCK_S: '1',
    MAILBOX_HOST_NAMES: '2=hv-b,7=hv-torn-with-a-long-name.example.com',
  }),
  ready: '[data-host-id="7"]',
});

let page: Page;
async function open(query = '?source=test', colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  page = await suite.open(query, colorScheme);
  return page;
}
const pool = () => suite.pool();

const row = (host: number) => page.locator(`[data-host-id="${host}"]`);
/** The open detail of `host`, once its own data has arrived. */
const detailOf = (host: number) => page.locator(`[data-detail-host="${host}"][aria-busy="false"]`);
const search = () => new URL(page.url()).search;

describe('the live grid', () => {
  it('marks a mailbox failing its checksum (stored 0 with data) as FAILING, pending a verdict, and a valid one not', async () => {
    await open();
    await expect.poll(() => row(7).getAttribute('data-mailbox-state')).toBe('checksum_missing');
    // it never had a valid read: no verdict can come, so no TORN without proof
    await expect(row(7).locator('.badge', { hasText: 'FAILING' }).isVisible()).resolves.toBe(true);
    expect(await row(2).getAttribute('data-mailbox-state')).toBe('valid');
    expect(await row(2).getByText('FAILING').count()).toBe(0);
    expect(await row(2).locator('[data-slot]').evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-slot'), c.getAttribute('data-step')])))
      .toEqual([['0', 'requested'], ['1', 'replied'], ['2', 'host_acked']]);
    // a cell's tooltip is made when the pointer comes over it: its step, then each side's message
    expect(await row(2).locator('[data-slot="1"]').getAttribute('title')).toBeNull();
    await row(2).locator('[data-slot="1"]').hover();
    expect(await row(2).locator('[data-slot="1"]').getAttribute('title')).toMatch(/^host 2 slot 1: .+\ninbox: .+\noutbox: .+/);
    await expect(row(10).locator('.badge', { hasText: 'OUTSIDE WINDOW' }).isVisible()).resolves.toBe(true);
    // hosts without mail fold into one band; host 5 only has a CLEAN left in its outbox
    expect(await row(5).count()).toBe(0);
    await expect(page.getByText('hosts without mail').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'grid.png') });
  });

  it('shows the names of MAILBOX_HOST_NAMES beside the host ids: grid, host detail and requests table', async () => {
    await open();
    const header = (host: number) => row(host).getByRole('rowheader');
    await expect.poll(() => header(2).textContent()).toBe('hv-b2');
    expect(await header(2).locator('[data-host-name]').textContent()).toBe('hv-b');
    // a long name is cut to the column, whole in its title; the id stays whole
    const long = header(7).locator('[data-host-name="7"]');
    expect(await long.getAttribute('title')).toBe('hv-torn-with-a-long-name.example.com');
    expect(await long.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await expect(header(7).getByText('7', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await header(3).locator('[data-host-name]').count()).toBe(0);

    await row(2).locator('[data-slot="0"]').click();
    await detailOf(2).waitFor();
    expect(await detailOf(2).locator('h2').textContent()).toBe('host 2hv-b');
    await page.keyboard.press('r');
    const request = page.locator('[data-testid="requests"] tbody tr[data-request-host="2"]').first();
    await expect.poll(() => request.locator('td').first().textContent(), { timeout: 10_000 }).toBe('2hv-b');
  });

  it('shows new mail written to the file without a reload, changing only the rows it touches', async () => {
    await open();
    await row(2).locator('[data-slot="1"]').click();
    await page.locator('[data-detail-host="2"]').waitFor();
    await page.keyboard.press('Escape'); // close the detail; the selection stays
    await page.locator('[data-detail-host]').waitFor({ state: 'detached' });
    await expect.poll(() => row(2).getAttribute('aria-selected')).toBe('true');
    // A first change ends the pool's static start (a dump-like pool calls nothing stuck): waiting requests may
    // turn stuck then. Let that happen before watching which rows the next update touches.
    await pool().writeMailbox('inbox', 9, encodeMailbox({ 2: request(9, 2, 32) }));
    await page.locator('[data-host-id="9"] [data-slot="2"]').waitFor();
    // (the requests panel asks every second: a busy machine may take a few)
    await expect.poll(() => page.getByTestId('stuck-count').textContent(), { timeout: 10_000 }).toMatch(/[1-9]\d* stuck/);
    await page.evaluate(() => {
      const w = window as unknown as { marker: number; touchedRows: Set<string> };
      w.marker = 42;
      // which existing rows the update changes in the DOM: none, the new row is added beside them
      w.touchedRows = new Set();
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          const hostRow = el?.closest('[data-host-id]');
          if (hostRow) w.touchedRows.add(hostRow.getAttribute('data-host-id')!);
        }
      }).observe(document.querySelector('[role=grid]')!, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    // host 8: below the rows the keyboard test walks through, so that test does not depend on this one
    const cell = '[data-host-id="8"] [data-slot="5"][data-step="requested"]';
    expect(await page.locator(cell).count()).toBe(0);
    await pool().writeMailbox('inbox', 8, encodeMailbox({ 5: request(8, 5, 256) }));
    // the page follows the storage by itself: no reload, no click (how fast is bench material, not a test's)
    await page.waitForSelector(cell);
    // the grid's answers were read and parsed off the main thread, in the page's answer worker
    expect(page.workers().length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.locator(cell).getAttribute('class')).toMatch(/flash-[ab]/);
    await expect.poll(() => row(2).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => [...(window as unknown as { touchedRows: Set<string> }).touchedRows])).toEqual([]);

    // the detail outlines the bytes that changed since the previous read
    await page.locator(cell).click();
    await detailOf(8).locator('[data-hex-view]').waitFor();
    await expect.poll(() => page.locator('[data-hex-view] [data-p="0"][data-changed]').count()).toBeGreaterThan(0);
  });
});

describe('the host detail', () => {
  it('opens from a click, with the annotated hex and the stored and computed checksum', async () => {
    await open();
    await row(7).locator('[data-slot="1"]').click();
    expect(search()).toBe('?source=test&host=7&slot=1');
    const detail = detailOf(7);
    await detail.waitFor();
    const computed = checksum(TORN);
    expect(await detail.locator('[data-checksum="stored"] td').first().textContent()).toBe('0');
    expect(await detail.locator('[data-checksum="computed"] td').first().textContent()).toBe(String(computed));
    const hex = await detail.locator('[data-hex-view]').textContent();
    expect(hex).toContain(`checksum: stored 0 (00 00 00 00), computed ${computed}`);
    for (let sector = 1; sector <= 7; sector++) expect(hex).toContain(`sector ${sector}`);
    expect(hex).toContain('00007040'); // host 7 slot 1: 7 × 4096 + 64, as hexdump -C prints it
    // the selected row stays visible above the detail
    await expect(row(7).isVisible()).resolves.toBe(true);
    // hovering a byte names its field and value
    await detail.locator('[data-hex-view] [data-p="0"][data-o="69"]').first().hover(); // slot 1 byte 5: the domain UUID
    await page.getByText('slot 1 · storage domain UUID').waitFor();
    expect(await detail.getByText('= 8adbc85e-e554-4ae0-b318-8a5465fe5fe1').count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, 'detail.png') });
  });

  it('opens the same view from a pasted link, and the back button undoes a close', async () => {
    await open('?source=test&host=2&slot=1');
    await detailOf(2).waitFor();
    expect(await row(2).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[data-detail-slot="1"]').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    await page.locator('[data-detail-host]').waitFor({ state: 'detached' });
    expect(search()).toBe('?source=test');
    await page.goBack();
    await page.locator('[data-detail-host="2"]').waitFor();
    expect(search()).toBe('?source=test&host=2&slot=1');
  });

  it('follows the keyboard: arrows move, Enter opens, Escape closes, Space pauses, ? helps', async () => {
    await open();
    await page.keyboard.press('ArrowDown'); // first visible row: host 2
    await page.keyboard.press('ArrowDown'); // host 3
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => row(3).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.locator('[data-detail-host="3"]').waitFor();
    expect(search()).toBe('?source=test&host=3&slot=1');
    await page.keyboard.press('ArrowDown'); // the open detail follows the selection
    await detailOf(7).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-detail-host]').waitFor({ state: 'detached' });
    await expect.poll(() => row(7).getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press(' ');
    await page.getByText('PAUSED:', { exact: false }).waitFor();
    await page.keyboard.press(' ');
    await page.getByText('PAUSED:', { exact: false }).waitFor({ state: 'detached' });

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('reads in the dark theme too: a dark page whose words and marks keep a readable contrast', async () => {
    await open('?source=test&host=7&slot=1', 'dark');
    await detailOf(7).locator('[data-hex-view]').waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'detail-dark.png') });
    await page.keyboard.press('Escape');
    await page.locator('[data-detail-host]').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(RESULTS, 'grid-dark.png') });
    // WCAG contrast of each element's text against the background it is drawn on (the first opaque one up the tree)
    const contrasts = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const ratio = (el: Element) => {
        const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      };
      const pick = (selector: string) => document.querySelector(selector);
      return {
        page: lum(background(document.body)),
        header: ratio(pick('header h1')!),
        failingBadge: ratio(pick('[data-host-id="7"] .badge')!),
        hostId: ratio(pick('[data-host-id="2"]')!),
      };
    });
    expect(contrasts.page).toBeLessThan(0.05); // a dark page, not the light theme with a dark toggle
    expect(contrasts.header).toBeGreaterThanOrEqual(4.5);
    expect(contrasts.failingBadge).toBeGreaterThanOrEqual(3);
    expect(contrasts.hostId).toBeGreaterThanOrEqual(4.5);
  });
});
