/**
 * The requests table lists every request, however many: 630 of them here
 * (ten full mailboxes), all reachable by scrolling, with only the rows in
 * view drawn.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { encodeMailbox, makePool, request } from '../support/pool';

const HOSTS = Array.from({ length: 10 }, (_, i) => i + 1);
const SLOTS = Array.from({ length: 63 }, (_, s) => s);
const full = (host: number) => encodeMailbox(Object.fromEntries(SLOTS.map((s) => [s, request(host, s, 1024 + s)])));

const suite = browserSuite({
  makePool: () => makePool({ mailboxes: 12, inbox: Object.fromEntries(HOSTS.map((h) => [h, full(h)])) }),
  env: (p) => ({ MAILBOX_SOURCES: `test=${p.dir}`, MAILBOX_MAX_HOST_ID: '11', MAILBOX_POLL_MS: '200' }),
  ready: '[data-host-id="10"]',
});

describe('the requests table', () => {
  it('lists all 630 requests, draws only those in view, and reaches the last by scrolling', async () => {
    const page: Page = await suite.open('?source=test&panel=requests');
    const table = page.locator('table[aria-label="requests"]');
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(HOSTS.length * SLOTS.length + 1));
    const drawn = await page.locator('[data-testid="requests"] tbody tr[data-request-host]').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(200);

    await page.locator('[role="tabpanel"]').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = page.locator(`[data-testid="requests"] tbody tr[aria-rowindex="${HOSTS.length * SLOTS.length + 1}"]`);
    await last.waitFor();
    expect(await last.getAttribute('data-request-host')).not.toBeNull();
  });
});
