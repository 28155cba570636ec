/**
 * /open in the built app and Debian's chromium, with the server's sources
 * turned off (MAILBOX_SOURCES=none): dumps and a trace picked from disk are
 * decoded in the browser and shown on the same screen as a live source
 * (grid, time travel, host detail, episodes, exports, incident summary),
 * labelled FILES, and no request the page makes carries their bytes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser';
import { FIXTURES } from '../support/fixtures';
import { startServer, type RunningServer } from '../support/server';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const TORN = path.join(FIXTURES, 'torn/torn-1426762');
const TORN_FILES = ['inbox.before', 'inbox', 'inbox.after', 'outbox'].map((n) => path.join(TORN, n));
const TRACE = path.join(FIXTURES, 'vdsm-trace/torn-pre2017/trace.jsonl');

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];
/** every request the page made while files were open, with its body */
let requests: Array<{ method: string; url: string; body: Buffer | null }>;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  [server, browser] = await Promise.all([startServer({ MAILBOX_SOURCES: 'none' }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(query = ''): Promise<Page> {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', acceptDownloads: true });
  page.setDefaultTimeout(15_000);
  errors = collectErrors(page);
  requests = [];
  page.on('request', (r: Request) => requests.push({ method: r.method(), url: r.url(), body: r.postDataBuffer() }));
  await page.goto(`${server.url}/open${query}`);
  await page.locator('[data-testid="file-input"]').waitFor({ state: 'attached' });
  return page;
}

afterEach(async () => {
  expect(errors, `console errors on the page; the server said:\n${server.output().slice(-3000)}`).toEqual([]);
  await page?.context().close();
});

const row = (host: number) => page.locator(`[data-host-id="${host}"]`);

/** No request carried any opened file's bytes: none has a body with 64 bytes in a row of them, raw or base64, nor such a URL. */
function expectNothingUploaded(files: string[]) {
  const chunks: Buffer[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (let at = 0; at + 64 <= bytes.length; at += 64) {
      const chunk = bytes.subarray(at, at + 64);
      if (chunk.some((b) => b !== 0)) chunks.push(chunk);
    }
  }
  expect(chunks.length).toBeGreaterThan(0);
  const needles = chunks.flatMap((c) => [c, Buffer.from(c.toString('base64').slice(0, 80))]);
  for (const r of requests) {
    const hay = Buffer.concat([Buffer.from(decodeURIComponent(r.url)), r.body ?? Buffer.alloc(0)]);
    for (const needle of needles) expect(hay.includes(needle), `${r.method} ${r.url} carries opened bytes`).toBe(false);
  }
  // And none went to the API at all: the answers were built in the page.
  expect(requests.filter((r) => new URL(r.url).pathname.startsWith('/api/')).map((r) => r.url)).toEqual([]);
  expect(requests.filter((r) => r.body !== null && r.body.length > 0).map((r) => `${r.method} ${r.url}`)).toEqual([]);
}

describe('a server with its sources turned off', () => {
  it('watches nothing, runs no demo, and its live page sends the person to /open', async () => {
    expect(await (await fetch(`${server.url}/api/sources`)).json()).toEqual({ sources: [] });
    page = await browser.newPage();
    errors = collectErrors(page);
    await page.goto(server.url + '/');
    await page.locator('[data-testid="no-sources"]').waitFor();
    await page.getByRole('link', { name: 'open files' }).click();
    await page.waitForURL(/\/open$/);
    await page.getByText('nothing is uploaded').first().waitFor();
  });
});

describe('opened dumps', () => {
  it('proves the tear of bug 1426762 from three inbox dumps, as FILES, with nothing uploaded', async () => {
    await openPage();
    await page.getByText('nothing is uploaded').first().waitFor();
    await page.setInputFiles('[data-testid="file-input"]', TORN_FILES);
    await page.locator('[data-screen-mode="files"]').waitFor();
    expect(await page.locator('header').textContent()).not.toMatch(/\bLIVE\b/);
    expect(await page.locator('[data-testid="files-names"]').textContent()).toContain('inbox.before, inbox, inbox.after · outbox · 3 reads');
    expect(await page.locator('[data-testid="series-step"]').count()).toBe(3);
    // The latest read is inbox.after: valid again, and the episode before it proven torn.
    await row(7).locator('.episode-chip[data-verdict="torn"]').waitFor();
    expect(await row(7).getAttribute('data-mailbox-state')).toBe('valid');
    await page.locator('[data-testid="timeline"] .tl-episode[data-verdict="torn"]').waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'open-files-torn.png') });
    expectNothingUploaded(TORN_FILES);
  });

  it('keeps the view in the URL (read, host) and shows that read once the same files are opened', async () => {
    await openPage('?source=files&seq=2&host=7');
    await page.setInputFiles('[data-testid="file-input"]', TORN_FILES);
    await expect.poll(() => row(7).getAttribute('data-mailbox-state')).toBe('checksum_missing');
    await row(7).locator('.badge', { hasText: 'TORN' }).waitFor();
    await page.locator('[data-detail-host="7"][aria-busy="false"]').waitFor();
    expect(new URL(page.url()).search).toBe('?source=files&seq=2&host=7');
    expect(await page.getByText('cannot carry the files').count()).toBeGreaterThan(0);
    expectNothingUploaded(TORN_FILES);
  });

  it('exports the read on screen and the incident summary as downloads built in the page', async () => {
    await openPage();
    await page.setInputFiles('[data-testid="file-input"]', TORN_FILES);
    await row(7).locator('.episode-chip[data-verdict="torn"]').waitFor();
    const [inbox] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="inbox"]').click()]);
    expect(inbox.suggestedFilename()).toBe('files-inbox-seq3.bin');
    expect(readFileSync((await inbox.path())!).equals(readFileSync(path.join(TORN, 'inbox.after')))).toBe(true);
    const [md] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="incident"]').click()]);
    const summary = readFileSync((await md.path())!, 'utf8');
    expect(summary).toMatch(/TORN/);
    expect(summary).toContain('host 7');
    expectNothingUploaded(TORN_FILES);
  });

  it('asks what a file of unknown name is, and reads it as the volume the person says', async () => {
    await openPage();
    await page.setInputFiles('[data-testid="file-input"]', [{ name: 'customer-upload.bin', mimeType: 'application/octet-stream', buffer: readFileSync(path.join(TORN, 'inbox')) }]);
    await page.getByText('Which volume are these?').waitFor();
    await page.locator('[data-testid="role-select"]').selectOption('inbox');
    await expect.poll(() => row(7).getAttribute('data-mailbox-state')).toBe('checksum_missing');
    await row(7).locator('.badge', { hasText: 'FAILING' }).waitFor();
  });
});

describe('a replayed trace', () => {
  it('replays torn-pre2017 at 8x with a 500 ms reader: the SPM-checked tears show as torn episodes, then step by step', async () => {
    await openPage();
    await page.setInputFiles('[data-testid="file-input"]', [TRACE]);
    const replay = page.locator('[data-testid="replay"]');
    await replay.waitFor();
    await page.locator('[data-testid="replay-speed"]').selectOption('8');
    await page.locator('[data-testid="replay-play"]').click();
    await expect.poll(() => replay.getAttribute('data-writes'), { timeout: 20_000 }).toBe('90');
    await page.getByText('· done').waitFor();
    await page.keyboard.press('c');
    const episodes = page.locator('[data-testid="episodes"] tbody tr');
    await expect.poll(() => episodes.count()).toBeGreaterThan(0);
    // Hosts 4 and 6 each tore while a 500 ms reader watched; every episode the SPM would have logged is proven torn
    // (the episodes panel asks every second: it may show the replay's end up to a second after "done").
    const verdicts = () => page.locator('[data-testid="episodes"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-verdict')));
    await expect.poll(async () => new Set(await verdicts()), { timeout: 5_000 }).toEqual(new Set(['torn']));
    expect((await verdicts()).length).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(RESULTS, 'open-trace-replayed.png') });

    await page.getByRole('button', { name: '⟲ restart' }).click();
    await expect.poll(() => replay.getAttribute('data-writes')).toBe('0');
    await page.locator('[data-testid="replay-step"]').click();
    await page.locator('[data-testid="replay-step"]').click();
    await expect.poll(() => replay.getAttribute('data-writes')).toBe('2');
    expect(await replay.getAttribute('data-playing')).toBe('false');
    expectNothingUploaded([TRACE]);
  }, 90_000);
});
