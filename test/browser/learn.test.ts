/**
 * /learn in the built app, in Debian's chromium, against the demo pool: every
 * section renders with the bytes its examples claim, the stepper and the tear
 * player answer the keyboard, the sandbox decodes as you type and downloads
 * what it shows, "see one now" lands on a read of the demo that really shows
 * the example, and without JavaScript the static lessons are all there.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checksum, FINDING_KINDS, storedChecksum } from '@/lib/mailbox';
import { collectErrors, launchBrowser } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const SECTIONS = ['volume', 'slots', 'lifecycle', 'event', 'window', 'tears', 'bug-1426762', 'log-line', 'sandbox', 'findings', 'legend'];

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  // No MAILBOX_SOURCES: the demo pool, seeded so it repeats; read often so tears are caught.
  [server, browser] = await Promise.all([
    startServer({ MAILBOX_DEMO_SEED: '1426762', MAILBOX_POLL_MS: '200', MAILBOX_SOURCES: '' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(pathAndQuery = '/learn', javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(30_000); // a loaded 2-core machine: fail on the step that hung, before the test's own timeout
  errors = collectErrors(page);
  await page.goto(server.url + pathAndQuery);
  return page;
}

afterEach(async () => {
  expect(errors, `console errors on the page; the server said:\n${server.output().slice(-3000)}`).toEqual([]);
  await page?.context().close();
});

/** The hex digits a hex view shows for `example`, in order (the text column left out). */
async function hexOf(example: string, pane = 0): Promise<string[]> {
  return page.locator(`[data-example="${example}"] span.inline-block[data-o][data-p="${pane}"]`).allTextContents();
}

const section = (id: string) => page.locator(`[data-learn-section="${id}"]`);

describe('/learn', () => {
  it('renders every section, each example with the bytes it claims', async () => {
    await open();
    for (const id of SECTIONS) expect(await section(id).isVisible(), id).toBe(true);

    expect(await hexOf('slot-clean')).toEqual(new Array(64).fill('01'));
    expect(await hexOf('slot-empty')).toEqual(new Array(64).fill('00'));
    const request = await hexOf('slot-request');
    expect(request.slice(0, 9)).toEqual(['31', '78', '74', '6e', '64', 'e1', '5f', 'fe', '65']); // '1xtnd', the domain reversed
    expect(request.slice(37, 53).join(' ')).toBe('30 30 30 30 30 30 30 30 30 30 30 30 30 30 38 30'); // 0x80 = 128 MiB
    const failed = await hexOf('slot-failed');
    expect(failed.slice(37, 53)).toEqual(new Array(16).fill('30')); // size 0
    expect(failed.slice(0, 37)).toEqual(request.slice(0, 37)); // the request's bytes 0..36
    expect(await page.locator('[data-uuid-stored]').textContent()).toBe('e1 5f fe 65 54 8a 18 b3 e0 4a 54 e5 5e c8 db 8a');

    // the event block: \0evt and the UUID in the usual order
    expect((await hexOf('event')).slice(0, 8)).toEqual(['00', '65', '76', '74', '3f', '25', '04', 'e0']);
    // the checksum of the volume example, field by field, and where it is stored
    expect(await page.locator('[data-checksum-sum] [data-total]').getAttribute('data-total')).toBe('6455');
    expect((await hexOf('volume')).slice(-4)).toEqual(['37', '19', '00', '00']);

    // bug 1426762: stored 0, computed 6457, and the proof sector by sector
    const bug = page.locator('[data-example="bug-1426762"]');
    expect(await bug.textContent()).toContain('checksum: stored 0 (00 00 00 00), computed 6457 (39 19 00 00)');
    expect((await hexOf('bug-1426762', 0)).slice(-4)).toEqual(['00', '00', '00', '00']);
    expect((await hexOf('bug-1426762', 1)).slice(-4)).toEqual(['39', '19', '00', '00']);
    expect(await page.locator('[data-bug-proof]').textContent()).toContain('sectors 0 new, 1-6 unchanged, 7 old');

    // the read window and the log line
    expect(await section('window').textContent()).toContain('1,024,000');
    expect(await page.locator('[data-log-part="expected"]').textContent()).toMatch(/expected=b'7\\x19\\x00\\x00'$/);
    expect(await page.locator('[data-log-note="expected"]').textContent()).toContain('6455');

    // every registered finding, once
    expect(await page.locator('[data-finding-kind]').count()).toBe(Object.keys(FINDING_KINDS).length);
    await page.locator('[data-format-link]').click();
    await page.waitForURL('**/learn/format');
    expect(await page.locator('[data-format-doc] h1').textContent()).toBe('The storage mailbox format');
    expect(await page.locator('[data-format-doc]').textContent()).toContain('hosts 1..maxHostId-1');
  }, 60_000);

  it('steps through a request’s life with the keyboard, both slots side by side', async () => {
    await open();
    const stepper = page.locator('[data-stepper]');
    await stepper.focus();
    const current = () => stepper.getAttribute('data-current-step');
    expect(await current()).toBe('none');
    await page.keyboard.press('ArrowRight');
    await expect.poll(current).toBe('requested');
    await page.keyboard.press('ArrowRight');
    await expect.poll(current).toBe('replied');
    await page.keyboard.press('End');
    await expect.poll(current).toBe('free');
    await page.keyboard.press('Home');
    await expect.poll(current).toBe('none');

    await page.locator('[data-stepper-fails]').click();
    await stepper.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(current).toBe('failed');
    const outbox = await page.locator('[data-stepper] span.inline-block[data-o][data-p="1"]').allTextContents();
    expect(outbox.slice(37, 53)).toEqual(new Array(16).fill('30'));
    expect(await page.locator('[data-step-did]').textContent()).toContain('size 0');
    await page.screenshot({ path: path.join(RESULTS, 'learn-stepper.png') });
  }, 60_000);

  it('plays a tear: the reader’s reads fail with sectors tagged new and old until the checksum sector lands', async () => {
    await open();
    const player = page.locator('[data-tear-player]');
    await page.locator('[data-tear-scenario="bug-1426762"]').click();
    await player.focus();
    await page.keyboard.press('ArrowRight'); // sector 0 lands
    await page.keyboard.press('ArrowRight'); // the first read
    await expect.poll(() => player.getAttribute('data-frame')).toBe('2');
    expect(await page.locator('[data-read="1"]').getAttribute('data-read-state')).toBe('checksum_missing');
    expect(await page.locator('[data-tear-caption]').textContent()).toContain('stored 0 ≠ computed 6457');
    const storage = () => page.locator('[data-sector-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sector-state')).join(' '));
    expect(await storage()).toBe('new same same same same same same old');

    await page.keyboard.press('End');
    await expect.poll(() => page.locator('[data-read]').count()).toBe(5);
    expect(await page.locator('[data-read]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-read-state')))).toEqual(
      ['checksum_missing', 'checksum_missing', 'checksum_missing', 'checksum_missing', 'valid']);
    expect(await storage()).toBe('new same same same same same same new');

    // the full mailbox: reads mid-write see the first sectors new, the rest old
    await page.locator('[data-tear-scenario="acknowledge-all"]').click();
    await player.focus();
    await page.keyboard.press('Space'); // plays from the start
    await expect.poll(() => player.getAttribute('data-playing')).toBe('');
    await expect.poll(() => page.locator('[data-read="2"]').count(), { timeout: 30_000 }).toBe(1);
    await page.keyboard.press('Space'); // pause
    await expect.poll(() => player.getAttribute('data-playing')).toBeNull();
    expect(await page.locator('[data-read="2"]').getAttribute('data-read-state')).toBe('checksum_mismatch');
    expect(await page.locator('[data-read="2"]').textContent()).toContain('sectors 0-1 new, 2-7 old');
    await page.screenshot({ path: path.join(RESULTS, 'learn-tear-player.png') });
  }, 90_000);

  it('decodes the sandbox as bytes are typed, and downloads exactly what it shows', async () => {
    await open();
    const box = page.locator('[data-sandbox]');
    const computed = () => box.locator('tr[data-checksum="computed"] td.num').textContent();
    const state = () => box.locator('[data-sandbox-state]').getAttribute('data-sandbox-state');
    expect(await computed()).toBe('6455');
    expect(await state()).toBe('valid');

    // '8' → '9' in the size: 128 → 144 MiB, the computed checksum moves, the stored one does not
    await box.locator('[data-byte="51"]').click();
    await page.keyboard.type('39');
    await expect.poll(computed).toBe('6456');
    expect(await state()).toBe('checksum_mismatch');
    expect(await box.locator('[data-finding="mailbox.checksum.mismatch"]').textContent()).toContain('expected checksum 6456 (sum of bytes 0..4091), got 6455');
    expect(await box.locator('[data-sandbox-slot="0"]').textContent()).toContain('144 MiB');
    // the cursor moved on to byte 52, the size's last digit: Delete writes 00 there, and the size is no longer hex
    await page.keyboard.press('Delete');
    await expect.poll(() => box.locator('[data-byte="52"]').textContent()).toBe('00');
    expect(await box.locator('[data-finding="slot.extend.bad-size"]').count()).toBe(1);
    await page.keyboard.type('30');
    await expect.poll(() => box.locator('[data-finding="slot.extend.bad-size"]').count()).toBe(0);

    await box.locator('[data-sandbox-fix]').click();
    await expect.poll(state).toBe('valid');
    await box.locator('[data-sandbox-host-input]').fill('250');
    await expect.poll(() => box.locator('[data-finding="mailbox.outside-window"]').count()).toBe(1);

    const [file] = await Promise.all([page.waitForEvent('download'), box.locator('[data-sandbox-download]').click()]);
    expect(file.suggestedFilename()).toBe('inbox-host250-mailbox.dump');
    const bytes = new Uint8Array(readFileSync((await file.path())!));
    expect(bytes.length).toBe(4096);
    expect([bytes[51], bytes[52]]).toEqual([0x39, 0x30]);
    expect(storedChecksum(bytes)).toBe(checksum(bytes));
    expect(checksum(bytes)).toBe(6456);
    await page.screenshot({ path: path.join(RESULTS, 'learn-sandbox.png') });
  }, 60_000);

  it('works without JavaScript for everything but the islands', async () => {
    await open('/learn', false);
    for (const id of SECTIONS) expect(await section(id).isVisible(), id).toBe(true);
    expect(await hexOf('slot-clean')).toEqual(new Array(64).fill('01'));
    expect(await page.locator('[data-example="bug-1426762"]').textContent()).toContain('computed 6457 (39 19 00 00)');
    expect(await page.locator('[data-finding-kind]').count()).toBe(Object.keys(FINDING_KINDS).length);
    expect(await page.locator('[data-stepper]').getAttribute('data-current-step')).toBe('none');
    // (a browser with scripting turned off by the test harness still parses <noscript> as text: check it is sent)
    expect(await page.locator('noscript').first().innerHTML()).toContain('The sandbox needs JavaScript');
    await page.goto(`${server.url}/learn/format`);
    expect(await page.locator('[data-format-doc] table').count()).toBeGreaterThan(3);
  }, 60_000);
});

describe('see one now', () => {
  /** Follows /learn/see/{what} until the demo's history holds one; returns where it sends. */
  async function seeOne(what: string): Promise<URL> {
    let location = '';
    await expect.poll(async () => {
      const res = await fetch(`${server.url}/learn/see/${what}`, { redirect: 'manual' });
      location = res.headers.get('location') ?? '';
      return res.status === 307 && location.startsWith('/?');
    }, { timeout: 90_000, interval: 1000 }).toBe(true);
    return new URL(location, server.url);
  }

  const row = (host: string | null): Locator => page.locator(`[data-host-id="${host}"]`);

  it.each([
    ['failed', ['failed']],
    ['clean', ['host_acked', 'spm_acked']],
    ['outside', ['requested']],
  ])('lands on a past read of the demo whose grid shows %s', async (what, steps) => {
    const url = await seeOne(what);
    const { searchParams: q } = url;
    expect(q.get('source')).toBe('demo');
    await open(url.pathname + url.search);
    await page.getByTestId('time-travel').waitFor();
    const cell = row(q.get('host')).locator(`[data-slot="${q.get('slot')}"]`);
    await expect.poll(() => cell.getAttribute('data-step'), { timeout: 15_000 }).toSatisfy((s: string | null) => steps.includes(s ?? ''));
    if (what === 'outside') {
      expect(q.get('host')).toBe('250');
      expect(await row('250').textContent()).toContain('OUTSIDE WINDOW');
    }
  }, 120_000);

  it('lands on a read where the mailbox is torn, from the link on /learn', async () => {
    await seeOne('torn');
    await open();
    await page.locator('[data-see="torn"]').click();
    await page.waitForURL(/\/\?source=demo&seq=\d+&host=\d+/);
    await page.getByTestId('time-travel').waitFor();
    const host = new URL(page.url()).searchParams.get('host');
    // Both at once: the row may say torn (its episode) while the grid still shows the live read, before the past one loads.
    const shown = async () => [await row(host).getAttribute('data-verdict'), await row(host).getAttribute('data-mailbox-state')];
    await expect.poll(shown, { timeout: 15_000 }).toEqual(['torn', expect.stringMatching(/^checksum_(missing|mismatch)$/)]);
    // a tear that cost mail: the row says TORN itself, not STALE with an earlier tear beside it
    expect(await row(host).locator('.badge[data-tone="torn"]').count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, 'learn-see-torn.png') });
  }, 120_000);

  it('says so when the history holds none yet, and names unknown examples', async () => {
    await open('/learn/not-yet?what=failed&source=demo');
    expect(await page.locator('h1').textContent()).toBe('No failed reply (size 0) in the history of “demo” yet');
    const unknown = await fetch(`${server.url}/learn/see/nonsense`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/^no example "nonsense"; known: failed, clean, torn, outside/);
  });
});
