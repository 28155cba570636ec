/**
 * One read on screen: paused or time travelling, every panel shows the same
 * read. The test pauses while a mailbox fails its checksum, lets the storage
 * move on (the mailbox heals, new mail arrives), opens that host, and checks
 * that every element carrying data of a read names the paused one and that
 * the detail shows the failing state the row shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { encodeMailbox, makePool, request, tornMailbox } from '../support/pool';

const FAILING_HOST = 4;
const suite = browserSuite({
  makePool: () => makePool({
    mailboxes: 11,
    inbox: { 2: encodeMailbox({ 0: request(2, 0, 128) }), [FAILING_HOST]: tornMailbox({ 0: request(FAILING_HOST, 0, 512) }) },
  }),
  env: (p) => ({ MAILBOX_SOURCES: `test=${p.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: '150' }),
  ready: `[data-host-id="${FAILING_HOST}"]`,
});

let page: Page;
const row = (host: number) => page.locator(`[data-host-id="${host}"]`);
const readSeqs = () => page.locator('[data-read-seq]').evaluateAll((els) => els.map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `#${e.getAttribute('data-testid')}` : ''}=${e.getAttribute('data-read-seq')}`));

describe('one read on screen', () => {
  it('pausing freezes every panel at one read: the detail opened later shows that read, not a newer one', async () => {
    page = await suite.open();
    await expect.poll(() => row(FAILING_HOST).getAttribute('data-mailbox-state')).toBe('checksum_missing');

    await page.keyboard.press(' ');
    await page.getByTestId('paused').waitFor();
    const paused = Number(await page.locator('header[data-read-seq]').getAttribute('data-read-seq'));
    expect(paused).toBeGreaterThan(0);

    // the storage moves on: the torn mailbox heals, and another host sends mail
    await suite.pool().writeMailbox('inbox', FAILING_HOST, encodeMailbox({ 0: request(FAILING_HOST, 0, 512) }));
    await suite.pool().writeMailbox('inbox', 6, encodeMailbox({ 3: request(6, 3, 64) }));
    await suite.reads(4);
    const live = await suite.api<{ seq: number; hosts: Array<{ id: number; inbox: { state: string } | null }> }>('/api/sources/test/snapshot?view=grid');
    expect(live.hosts.find((h) => h.id === FAILING_HOST)!.inbox!.state).toBe('valid'); // the server has moved on

    await row(FAILING_HOST).click();
    await page.locator(`[data-detail-host="${FAILING_HOST}"][aria-busy="false"]`).waitFor();
    await page.keyboard.press('r'); // the requests table too
    await page.locator('[role="tabpanel"] [data-read-seq]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`[data-detail-host="${FAILING_HOST}"][aria-busy="false"]`).waitFor();

    const seqs = await readSeqs();
    expect(seqs.length).toBeGreaterThanOrEqual(3); // header, grid, detail
    for (const entry of seqs) expect(entry.split('=')[1], entry).toBe(String(paused));
    // the row and the detail say the same: failing, as at the paused read
    expect(await row(FAILING_HOST).getAttribute('data-mailbox-state')).toBe('checksum_missing');
    const detail = page.locator(`[data-detail-host="${FAILING_HOST}"]`);
    await expect(detail.locator('.badge', { hasText: 'FAILING' }).first().isVisible()).resolves.toBe(true);
    await expect(detail.getByText(`read #${paused}`).isVisible()).resolves.toBe(true);
    expect(await row(6).count()).toBe(0); // mail that arrived after the pause is not on screen

    // resuming brings every panel to the latest read together
    await page.keyboard.press(' ');
    await page.getByTestId('paused').waitFor({ state: 'detached' });
    await expect.poll(() => row(FAILING_HOST).getAttribute('data-mailbox-state')).toBe('valid');
    await expect.poll(async () => new Set((await readSeqs()).map((e) => e.split('=')[1])).size).toBe(1);
  });

  it('time travel pins every panel to the chosen read, and request steps link to the read that showed them', async () => {
    page = await suite.open();
    await page.keyboard.press('r');
    const link = page.locator('[data-testid="requests"] [data-step-seq]').first();
    await link.waitFor();
    const seq = Number(await link.getAttribute('data-step-seq'));
    await link.click();
    await page.getByTestId('time-travel').waitFor();
    expect(new URL(page.url()).searchParams.get('seq')).toBe(String(seq));
    await page.locator('[data-detail-host][aria-busy="false"]').waitFor();
    await expect.poll(async () => [...new Set((await readSeqs()).map((e) => e.split('=')[1]))]).toEqual([String(seq)]);
  });
});
