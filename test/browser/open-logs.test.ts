/**
 * /open/logs in the built app and Debian's chromium: the real fixture log
 * (plain, and .xz and .gz made here with xz and gzip), and a folder holding
 * logs among other files, read in the browser's Web Worker. The 16 failures
 * show as one episode per mailbox with the checksums vdsm computed; no byte
 * of a log is sent to the server.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser } from '../support/browser';
import { FIXTURES } from '../support/fixtures';
import { startServer, type RunningServer } from '../support/server';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const LOG = path.join(FIXTURES, 'vdsm-trace/torn-pre2017/vdsm.log');
const DEBUG_LOG = path.join(FIXTURES, 'vdsm-trace/torn-pre2017/vdsm-debug.log');

let server: RunningServer;
let browser: Browser;
let tmp: string;
const sent: Array<{ url: string; method: string; body: Buffer | null }> = [];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  tmp = mkdtempSync(path.join(tmpdir(), 'open-logs-'));
  for (const kind of ['xz', 'gz']) {
    const copy = path.join(tmp, `vdsm.log.${kind}.src`);
    copyFileSync(LOG, copy);
    writeFileSync(path.join(tmp, `vdsm.log.1.${kind}`), execFileSync(kind === 'xz' ? 'xz' : 'gzip', ['-c', copy]));
  }
  const folder = path.join(tmp, 'sosreport/var/log/vdsm');
  mkdirSync(folder, { recursive: true });
  copyFileSync(path.join(tmp, 'vdsm.log.1.xz'), path.join(folder, 'vdsm.log.1.xz'));
  copyFileSync(DEBUG_LOG, path.join(folder, 'vdsm.log'));
  writeFileSync(path.join(folder, 'supervdsm.log'), 'not a vdsm.log\n');
  [server, browser] = await Promise.all([startServer({}), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = collectErrors(page);
  page.on('request', (r: Request) => sent.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() }));
  await page.goto(`${server.url}/open/logs`);
  await page.waitForSelector('[data-log-panel]');
  return { page, errors };
}

async function episodes(page: Page) {
  await page.waitForSelector('[data-log-result]', { timeout: 20_000 });
  return page.$$eval('[data-episode]', (els) => els.map((e) => ({
    mailbox: Number(e.getAttribute('data-mailbox')), count: Number(e.getAttribute('data-count')),
    computed: Number(e.getAttribute('data-computed')), kind: e.getAttribute('data-kind'),
  })));
}

describe('vdsm logs opened in the browser', () => {
  it.each(['vdsm.log', 'vdsm.log.1.xz', 'vdsm.log.1.gz'])('groups the 16 failures of %s per mailbox with the checksums vdsm computed', async (name) => {
    const { page, errors } = await openPage();
    await page.setInputFiles('[data-log-input]', name === 'vdsm.log' ? LOG : path.join(tmp, name));
    expect(await episodes(page)).toEqual([
      { mailbox: 4, count: 8, computed: 6455, kind: 'torn' },
      { mailbox: 6, count: 8, computed: 6455, kind: 'torn' },
    ]);
    expect(await page.getAttribute('[data-log-result]', 'data-lines')).toBe('16');
    expect(await page.getAttribute('[data-log-result]', 'data-bytes')).toBe(String(readFileSync(LOG).length));

    await page.click('[data-episode][data-mailbox="4"] button[aria-expanded]');
    await page.waitForSelector('[data-episode-hex="4"]');
    const text = await page.textContent('[data-episode][data-mailbox="4"]');
    expect(text).toContain('vdsm#205');
    expect(text).toContain('extend volume d772f1c6-3ebb-43c3-a42e-73fcd8255a5f');
    expect(text).toMatch(/content 2: ×4, computed 64/);
    await page.click('[data-episode][data-mailbox="4"] [data-variant="1"]');
    expect(await page.textContent('[data-episode][data-mailbox="4"] [data-slots]')).toContain('CLEAN');
    if (name === 'vdsm.log') await page.screenshot({ path: path.join(RESULTS, 'open-logs.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds every vdsm.log* in a folder and reads them together', async () => {
    const { page, errors } = await openPage();
    await page.setInputFiles('[data-folder-input]', path.join(tmp, 'sosreport'));
    const found = await episodes(page);
    expect(found.reduce((n, e) => n + e.count, 0)).toBe(32);
    const files = await page.textContent('[data-log-result]');
    expect(files).toContain('vdsm.log.1.xz');
    expect(files).not.toContain('supervdsm.log');
    expect(await page.getAttribute('[data-log-result]', 'data-lines')).toBe(String(16 + 454));
    expect(await page.$$eval('[data-row="request"]', (rows) => rows.length)).toBe(2);
    // the logs on one timeline: each episode a drop in its host's lane, the requests with how long they queued
    expect(await page.locator('[data-log-timeline] [data-timeline-drop]').count()).toBe(found.length);
    expect(await page.locator('[data-log-timeline] [data-timeline-request-row]').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sent no byte of any log to the server', () => {
    expect(sent.length).toBeGreaterThan(0);
    const logText = readFileSync(LOG, 'latin1');
    for (const r of sent) {
      expect(new URL(r.url).origin).toBe(server.url);
      if (!r.body) continue;
      const body = r.body.toString('latin1');
      expect(body).not.toContain('checksum failed');
      expect(logText).not.toContain(body.slice(0, 64));
    }
  });
});
