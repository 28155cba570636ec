/**
 * Triage over time, in the built app and Debian's chromium, while the test
 * writes to real files polled every 150 ms: a mailbox rewritten in eight
 * 512-byte sectors is proven TORN on its row and tagged sector by sector in
 * the hex view of a failed read; a request with no reply is stuck (⏱) and
 * first in the requests table; the timeline opens a past read (banner, URL,
 * older grid) and one click returns to live; the incident summary and the
 * exports carry what is on screen. Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EpisodeJson, HistoryResponse } from '@/lib/api/history-types';
import { CLEAN, encodeMailbox, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES } from '@/lib/mailbox';
import { browserSuite, RESULTS } from '../support/browser-suite';
import { cellMarks } from '../support/cell-marks';
import { makePool, request } from '../support/pool';

const POLL_MS = 150;
const TORN_HOST = 3;
const HANDSHAKE_HOST = 2;
const STUCK_HOST = 5;
const SLOTS = Array.from({ length: 63 }, (_, s) => s);
// Before: 63 requests, each replied. After: the host acknowledges all 63 (CLEAN). Every sector differs.
const OLD = encodeMailbox(Object.fromEntries(SLOTS.map((s) => [s, request(TORN_HOST, s, 512 + s)])));
const REPLIES = encodeMailbox(Object.fromEntries(SLOTS.map((s) => [s, request(TORN_HOST, s, 512 + s)])), { kind: 'outbox' });
const NEW = encodeMailbox(Object.fromEntries(SLOTS.map((s) => [s, CLEAN])));

const suite = browserSuite({
  makePool: () => makePool({ mailboxes: 11, inbox: { [TORN_HOST]: OLD }, outbox: { [TORN_HOST]: REPLIES } }),
  env: (p) => ({ MAILBOX_SOURCES: `test=${p.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: String(POLL_MS), MAILBOX_STUCK_S: '1' }),
  ready: '[data-testid="timeline"] svg[role="slider"]',
  context: { permissions: ['clipboard-read', 'clipboard-write'] },
});

let page: Page;
async function open(query = '?source=test'): Promise<Page> {
  page = await suite.open(query);
  return page;
}
const api = suite.api;
const reads = (count: number) => suite.reads(count);
const pool = () => suite.pool();
const server = { get url() { return suite.server().url; } };

async function write(file: string, offset: number, bytes: Uint8Array): Promise<void> {
  const { open: openFile } = await import('node:fs/promises');
  const handle = await openFile(file, 'r+');
  try {
    await handle.write(bytes, 0, bytes.length, offset);
  } finally {
    await handle.close();
  }
}

/** The host's episodes, as /episodes lists them. */
function episodesOf(host: number): Promise<EpisodeJson[]> {
  return api<EpisodeJson[]>(`/api/sources/test/episodes?host=${host}`);
}

/** The last read in which a host's mailbox changed (the first read lists every mailbox as changed). */
async function lastChange(volume: 'inbox' | 'outbox', host: number) {
  const { reads: list } = await api<HistoryResponse>('/api/sources/test/history');
  return [...list].reverse().find((r) => r.seq > 1 && r[volume]?.changed.some((c) => c.host === host))!;
}

const row = (host: number) => page.locator(`[data-host-id="${host}"]`);
const banner = () => page.getByTestId('time-travel');
const search = () => new URL(page.url()).searchParams;

/**
 * The tear, once for the tests that need it: the host's new mailbox written
 * sector by sector (as vdsm did before 2017, with bs=512), two reads after
 * each, then the last sector, which holds the checksum.
 */
let tearing: Promise<void> | null = null;
const tornOnce = (during?: () => Promise<void>) => (tearing ??= (async () => {
  const base = TORN_HOST * MAILBOX_SIZE_BYTES;
  for (let sector = 0; sector < 7; sector++) {
    await write(pool().inbox, base + sector * SECTOR_SIZE_BYTES, NEW.subarray(sector * SECTOR_SIZE_BYTES, (sector + 1) * SECTOR_SIZE_BYTES));
    await reads(2);
    if (sector === 2) await during?.();
  }
  await write(pool().inbox, base + 7 * SECTOR_SIZE_BYTES, NEW.subarray(7 * SECTOR_SIZE_BYTES));
  await reads(2);
})());

describe('a torn write', () => {
  it('is FAILING while it happens, then proven TORN on its row, and tagged new / old sector by sector in the hex of a failed read', async () => {
    await open();
    await tornOnce(async () => {
      // mid-tear, live: the row fails its checksum, with no verdict yet, and its changed sectors
      await expect.poll(() => row(TORN_HOST).getAttribute('data-mailbox-state')).toBe('checksum_mismatch');
      await row(TORN_HOST).locator('.badge', { hasText: 'FAILING' }).waitFor();
      await row(TORN_HOST).getByText('pending…').waitFor();
    });

    // the valid read after the tear proves it: an earlier episode on a row that is fine again
    const chip = row(TORN_HOST).locator('.episode-chip[data-verdict="torn"]');
    await chip.waitFor();
    expect(await row(TORN_HOST).getAttribute('data-mailbox-state')).toBe('valid');
    expect(await chip.textContent()).toContain('✗ TORN');
    expect(await chip.textContent()).toContain('sectors 0-6 new, 7 old');
    // the timeline marks the failure and the episode
    await page.locator('[data-testid="timeline"] .tl-episode[data-verdict="torn"]').waitFor();
    expect(await page.locator('[data-testid="timeline"] .tl-failure').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS, 'timeline.png') });

    // one click: the last failed read, with the host's bytes
    const [episode] = await episodesOf(TORN_HOST);
    expect(episode.versions.map((v) => v.sectors)).toEqual(['nooooooo', 'nnoooooo', 'nnnooooo', 'nnnnoooo', 'nnnnnooo', 'nnnnnnoo', 'nnnnnnno']);
    const target = episode.versions[6].seq;
    await chip.click();
    await banner().waitFor();
    expect(search().get('seq')).toBe(String(target));
    expect(search().get('host')).toBe(String(TORN_HOST));
    // with hindsight the failed read is proven torn on the row itself
    await expect.poll(() => row(TORN_HOST).getAttribute('data-mailbox-state')).toBe('checksum_mismatch');
    await row(TORN_HOST).locator('.badge', { hasText: 'TORN' }).waitFor();
    expect(await row(TORN_HOST).locator('.hatched').count()).toBe(1);
    expect(await row(TORN_HOST).locator('.sector-strip').getAttribute('data-sectors')).toBe('new new new new new new new old');

    const detail = page.locator(`[data-detail-host="${TORN_HOST}"][aria-busy="false"]`);
    await detail.waitFor();
    expect(await detail.getByTestId('detail-read').textContent()).toContain(`#${target}`);
    const tags = await detail.locator('[data-hex-view] [data-band-pane="inbox"]').evaluateAll((els) => els.map((e) => [e.closest('[data-rule]')!.getAttribute('data-rule'), e.textContent]));
    expect(tags).toEqual([
      ['0', '● new'], ['512', '● new'], ['1024', '● new'], ['1536', '● new'], ['2048', '● new'], ['2560', '● new'], ['3072', '● new'], ['3584', '○ old'],
    ]);
    const legend = await detail.getByTestId('sector-legend').textContent();
    expect(legend).toContain('TORN');
    expect(legend).toContain('sectors 0-6 new, 7 old');
    expect(legend).toContain(`before: read #${episode.beforeSeq}`);
    expect(legend).toContain(`after: read #${episode.resolvedSeq}`);
    // where the tear stopped: sector 6 new above the rule, sector 7 old below it
    await detail.locator('[data-rule="3584"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(RESULTS, 'time-travel.png') });

    // one read before it, the tear was one sector less along
    await page.keyboard.press('[');
    await expect.poll(() => search().get('seq')).toBe(String(target - 1));
    await expect.poll(() => row(TORN_HOST).locator('.sector-strip').getAttribute('data-sectors')).toBe('new new new new new new old old');
  });
});

describe('stuck requests', () => {
  it('flags a request with no reply after MAILBOX_STUCK_S with ⏱ and lists it first in the requests table', async () => {
    await open();
    await pool().writeMailbox('inbox', STUCK_HOST, encodeMailbox({ 7: request(STUCK_HOST, 7, 4096) }));
    const cell = row(STUCK_HOST).locator('[data-slot="7"]');
    await expect.poll(() => cell.getAttribute('data-step')).toBe('requested');
    // a second later, with no reply
    await expect.poll(() => cell.getAttribute('data-stuck'), { timeout: 5000 }).toBe('');
    // the cell's mark is the clock's image (app/fonts/cell-marks.css), not text
    expect(await cell.evaluate((el) => getComputedStyle(el).backgroundImage)).toBe(cellMarks().get('stuck')!.light);
    expect(await page.getByTestId('stuck-count').textContent()).toMatch(/⏱ [1-9]\d* stuck/);

    await page.keyboard.press('r');
    const first = page.locator('[data-testid="requests"] tbody tr').first();
    await expect.poll(() => first.getAttribute('data-request-host')).toBe(String(STUCK_HOST));
    expect(await first.getAttribute('data-request-slot')).toBe('7');
    expect(await first.getAttribute('data-stuck')).toBe('');
    expect(await first.textContent()).toContain('stuck');
    expect(await first.textContent()).toContain('4 GiB');
    // the table says which hosts: a filter narrows it
    await page.getByLabel('filter requests by host, domain or volume').fill(String(TORN_HOST));
    await expect.poll(() => page.locator('[data-testid="requests"] tbody tr').first().getAttribute('data-request-host')).toBe(String(TORN_HOST));
    await page.getByLabel('filter requests by host, domain or volume').fill('');

    // a click selects the request's host and slot in the grid, and the table stays
    await page.locator(`[data-testid="requests"] tbody tr[data-request-host="${STUCK_HOST}"]`).first().click();
    await expect.poll(() => row(STUCK_HOST).getAttribute('aria-selected')).toBe('true');
    expect(search().get('host')).toBe(String(STUCK_HOST));
    expect(search().get('slot')).toBe('7');
    expect(search().get('panel')).toBe('requests');
    await expect(row(STUCK_HOST).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'requests.png') });
  });
});

describe('time travel', () => {
  it('shows the grid as it was at the read clicked on the timeline, with a banner and the seq in the URL; one click returns to live', async () => {
    await open();
    await pool().writeMailbox('inbox', HANDSHAKE_HOST, encodeMailbox({ 0: request(HANDSHAKE_HOST, 0, 2048) }));
    await reads(3);
    await pool().writeMailbox('outbox', HANDSHAKE_HOST, encodeMailbox({ 0: request(HANDSHAKE_HOST, 0, 2048) }, { kind: 'outbox' }));
    const cell = row(HANDSHAKE_HOST).locator('[data-slot="0"]');
    await expect.poll(() => cell.getAttribute('data-step')).toBe('replied');

    // the read that first showed the request, and its place on the timeline
    const requested = await lastChange('inbox', HANDSHAKE_HOST);
    const replied = await lastChange('outbox', HANDSHAKE_HOST);
    const slider = page.locator('[data-testid="timeline"] svg[role="slider"]');
    await expect.poll(async () => Number(await slider.getAttribute('aria-valuemax'))).toBeGreaterThanOrEqual(replied.seq);
    await page.keyboard.press(' '); // pause, so the timeline holds still while we aim
    await page.getByText('PAUSED:', { exact: false }).waitFor();
    const [t0, t1] = [Number(await slider.getAttribute('data-t0')), Number(await slider.getAttribute('data-t1'))];
    const box = (await slider.boundingBox())!;
    const x = box.x + ((Date.parse(requested.readAt) - t0) / (t1 - t0)) * box.width;
    await page.mouse.click(x, box.y + 40);

    await banner().waitFor();
    expect(await banner().textContent()).toContain(`NOT LIVE: read #${requested.seq}`);
    expect(search().get('seq')).toBe(String(requested.seq));
    await expect.poll(() => cell.getAttribute('data-step')).toBe('requested');
    await page.getByTestId('timeline-cursor').waitFor();

    // ] and [ step one read at a time
    await page.keyboard.press(']');
    await expect.poll(() => search().get('seq')).toBe(String(requested.seq + 1));
    await page.keyboard.press('[');
    await expect.poll(() => search().get('seq')).toBe(String(requested.seq));
    await page.screenshot({ path: path.join(RESULTS, 'time-travel-request.png') });

    // one click back to live: no banner, no seq, the reply is there, and live updates run again
    await page.getByTestId('back-to-live').click();
    await banner().waitFor({ state: 'detached' });
    expect(search().get('seq')).toBeNull();
    await expect.poll(() => cell.getAttribute('data-step')).toBe('replied');
    expect(await page.getByText('PAUSED:', { exact: false }).count()).toBe(0);

    // the back button returns to the past read; L returns to live
    await page.goBack();
    await banner().waitFor();
    expect(search().get('seq')).toBe(String(requested.seq));
    await expect.poll(() => cell.getAttribute('data-step')).toBe('requested');
    await page.keyboard.press('L');
    await banner().waitFor({ state: 'detached' });
  });

  it('opens the same moment from a pasted link, and says so when a read is not in the history', async () => {
    const requested = await lastChange('inbox', HANDSHAKE_HOST);
    await open(`?source=test&seq=${requested.seq}`);
    await banner().waitFor();
    await expect.poll(() => row(HANDSHAKE_HOST).locator('[data-slot="0"]').getAttribute('data-step')).toBe('requested');
    await page.keyboard.press('Escape'); // nothing else open: Escape leaves time travel
    await banner().waitFor({ state: 'detached' });

    await page.goto(`${server.url}/?source=test&seq=999999999`);
    await banner().getByText('not in the history', { exact: false }).waitFor();
    // the 404 of the past read is expected here, and said on the banner: not a page error
    const errors = suite.errors();
    errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('404')));
  });
});

describe('exports', () => {
  it('copies the incident summary as Markdown with the torn host, and downloads the read on screen byte for byte', async () => {
    await tornOnce();
    await open();
    await page.getByTestId('copy-incident').click();
    await page.getByText('copied ✓', { exact: false }).waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('## Mailbox incident: ');
    expect(markdown).toMatch(new RegExp(`\\| ${TORN_HOST} \\| ✗ TORN \\|`));
    expect(markdown).toContain('sectors 0-6 new, 7 old');

    const download = async (selector: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const md = await download('[data-export="incident"]');
    expect(md.name).toMatch(/^incident-test-\d{12}\.md$/);
    expect(md.bytes.toString('utf8')).toContain('✗ TORN');

    // the latest read: exactly the file on disk (nothing writes to it any more)
    const inbox = await download('[data-export="inbox"]');
    expect(inbox.name).toMatch(/^test-inbox-seq\d+\.bin$/);
    expect(inbox.bytes.equals(readFileSync(pool().inbox))).toBe(true);
    const outbox = await download('[data-export="outbox"]');
    expect(outbox.bytes.equals(readFileSync(pool().outbox))).toBe(true);

    // a past read: the torn mailbox as that read saw it, three sectors new
    const [episode] = await episodesOf(TORN_HOST);
    const seq = episode.versions[2].seq;
    await page.goto(`${server.url}/?source=test&seq=${seq}`);
    await banner().waitFor();
    const past = await download('[data-export="inbox"]');
    expect(past.name).toBe(`test-inbox-seq${seq}.bin`);
    const torn = OLD.slice();
    torn.set(NEW.subarray(0, 3 * SECTOR_SIZE_BYTES));
    expect(past.bytes.subarray(TORN_HOST * MAILBOX_SIZE_BYTES, (TORN_HOST + 1) * MAILBOX_SIZE_BYTES).equals(torn)).toBe(true);
    const json = await download('[data-export="json"]');
    expect(JSON.parse(json.bytes.toString('utf8'))).toMatchObject({ source: 'test', seq });
    // the incident summary stops at the read on screen
    const pastMd = await download('[data-export="incident"]');
    expect(pastMd.bytes.toString('utf8')).toMatch(new RegExp(`reads \\d+–${seq} \\(`));
  });
});
