/**
 * /open with dumps and a vdsm log opened together, in the built app and
 * Debian's chromium: dumps of the inbox made from the torn-pre2017 trace at
 * the reads its SPM logged as failing (timed by their files' modification
 * times, as vdsm wrote them), with vdsm's own debug log of that run. One
 * timeline shows the hosts whose mail the SPM dropped, the dumps that caught
 * it, and how long each request waited; the incident summary quotes the log
 * lines; hosts named by a sosreport folder are named on the grid.
 */
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, RESULTS } from '../support/browser-suite';
import { FIXTURES } from '../support/fixtures';
import { makePool } from '../support/pool';
import { loadTrace, readsAfterEachWrite, traceExpected } from '../support/vdsm-trace';

const DEBUG_LOG = path.join(FIXTURES, 'vdsm-trace/torn-pre2017/vdsm-debug.log');
const expected = traceExpected<{ wallClockAtT0: string; checksumFailures: Array<{ logLine: number; spmRead: { afterWrite: number } }> }>('torn-pre2017');
/** The SPM's reads of its first logged failure (the torn request) and its ninth (the torn CLEAN), and a write after both CLEANs landed. */
const WRITES = [expected.checksumFailures[0].spmRead.afterWrite, expected.checksumFailures[8].spmRead.afterWrite, 55];

const suite = browserSuite({
  makePool: () => makePool({ mailboxes: 2 }),
  env: () => ({ MAILBOX_SOURCES: 'none' }),
  ready: 'h1',
  context: { permissions: ['clipboard-read', 'clipboard-write'] },
});

let files: string[];
let folder: string;

beforeAll(() => {
  const dir = path.join(suite.pool().dir, 'opened');
  mkdirSync(dir);
  const t0 = Date.parse(expected.wallClockAtT0);
  const reads = readsAfterEachWrite(loadTrace('torn-pre2017'));
  files = WRITES.map((w, i) => {
    const file = path.join(dir, `inbox.${i + 1}`);
    writeFileSync(file, reads[w - 1].inbox!.bytes!);
    const at = new Date(t0 + reads[w - 1].readAt);
    utimesSync(file, at, at);
    return file;
  });
  const log = path.join(dir, 'vdsm.log');
  copyFileSync(DEBUG_LOG, log);
  files.push(log);
  // A case folder as a log collector leaves it: host 6's own log in its sosreport, the SPM's beside it.
  folder = path.join(suite.pool().dir, 'case');
  const hostLogs = path.join(folder, 'sosreport-hv-six-01234567-2026-11-24-xkqwzmf/var/log/vdsm');
  mkdirSync(hostLogs, { recursive: true });
  writeFileSync(path.join(hostLogs, 'vdsm.log'), "2026-11-24 20:47:20,000+0000 INFO  (jsonrpc/4) [vdsm.api] START connectStoragePool(spUUID='5d928855-b09b-47a7-b920-bd2d2eb5808c', hostID=6, msdUUID='8adbc85e-e554-4ae0-b318-8a5465fe5fe1', masterVersion=1, domainsMap=None, options=None) from=::1 (api:48)\n");
  mkdirSync(path.join(folder, 'spm'));
  copyFileSync(DEBUG_LOG, path.join(folder, 'spm/vdsm.log'));
});

let page: Page;

async function openAll(): Promise<Page> {
  page = await suite.open('open');
  await page.setInputFiles('[data-testid="file-input"]', files);
  await page.locator('[data-log-timeline]').waitFor({ timeout: 20_000 });
  return page;
}

describe('dumps and a vdsm log opened together', () => {
  it('shows one timeline: the hosts whose mail the SPM dropped, the dumps that caught it, and how long each request waited', async () => {
    await openAll();
    const timeline = page.locator('[data-log-timeline]');
    // hosts 4 and 6: a torn request, then a torn CLEAN, each healed
    for (const host of [4, 6]) {
      expect(await timeline.locator(`[data-timeline-drop][data-host="${host}"][data-kind="torn"]`).count()).toBe(2);
      expect(await timeline.locator(`[data-drop-row][data-host="${host}"]`).evaluateAll((rows) => rows.map((r) => r.textContent))).toEqual([
        expect.stringMatching(/TORN4.*read 1vdsm\.log:8[45]$/), expect.stringMatching(/TORN4.*read 2vdsm\.log:19[34]$/),
      ]);
    }
    expect(await timeline.locator('[data-timeline-dump]').evaluateAll((ds) => ds.map((d) => [d.getAttribute('data-seq'), d.getAttribute('data-failing')])))
      .toEqual([['1', '4,6'], ['2', '4,6'], ['3', '']]);
    // each request from the HSM's message (28.119) to the SPM's extend (29.955), held back by the tear
    expect(await timeline.locator('[data-wait="send → extend"]').textContent()).toBe('send → extend21.8351.8351.8361.836');
    expect(await timeline.locator('[data-timeline-request-row] [data-queued]').allTextContents()).toEqual(['1.836 s', '1.835 s']);
    expect(await timeline.locator('[data-timeline-request]').count()).toBe(2);
    // both hosts asked for that volume in the dumps: the request is host 4's or 6's
    expect(await timeline.locator('[data-lane="host 4 or 6"] [data-timeline-request]').count()).toBe(2);
    // the grid shows the dumps themselves, next to the logs
    await expect.poll(() => page.locator('[data-host-id="4"]').getAttribute('data-mailbox-state')).toBe('valid');
    await page.screenshot({ path: path.join(RESULTS, 'open-timeline.png'), fullPage: true });
  });

  it('copies an incident summary that quotes the log lines with file:line, and sends nothing to the server', async () => {
    const sent: string[] = [];
    await openAll();
    page.on('request', (r) => sent.push(r.url()));
    await page.getByTestId('copy-incident').click();
    await expect.poll(() => page.getByTestId('copy-incident').textContent()).toMatch(/copied/);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('## Mailbox incident: files: inbox.1');
    expect(markdown).toContain('### vdsm logs: 2026-11-24 20:47:24.054 UTC');
    expect(markdown).toContain('- **host 4**: ✗ TORN, 8 failed reads in 2 episodes');
    expect(markdown).toMatch(/\n {2}- `vdsm\.log:84` \(20:47:28\.429\) `2026-11-24 20:47:28,429\+0000 ERROR \(mailbox-spm\) \[storage\.mailbox\] mailbox 4 checksum failed, not clearing mailbox, clearing new mail \(data=b'1xtnd[^`\n]{0,60}…`\n/);
    expect(markdown).toContain('| send → extend | 2 | 1.835 | 1.835 | 1.836 | 1.836 |');
    expect(markdown).toContain('  - `vdsm.log:160` (20:47:29.955) `2026-11-24 20:47:29,955+0000 INFO  (mailbox-spm/0) [storage.mailbox] processRequest: extending volume d772f1c6-3ebb-43c3-a42e-73fcd8255a5f');
    expect(sent.filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([]);
  });

  it('names a host by the sosreport folder its log came from: on the grid, the timeline and the summary', async () => {
    await openAll();
    await page.setInputFiles('[data-log-panel] [data-folder-input]', folder);
    const row = page.locator('[data-host-id="6"]');
    await expect.poll(() => row.getByRole('rowheader').textContent(), { timeout: 20_000 }).toBe('hv-six6');
    expect(await page.locator('[data-host-id="4"]').getByRole('rowheader').textContent()).toBe('4');
    expect(await page.locator('[data-lane="host 6"]').textContent()).toContain('hv-six');
    await page.getByTestId('copy-incident').click();
    await expect.poll(() => page.getByTestId('copy-incident').textContent()).toMatch(/copied/);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('- **host 6 (hv-six)**: ✗ TORN, 8 failed reads in 2 episodes');
    expect(markdown).toContain('6 = hv-six (`case/sosreport-hv-six-01234567-2026-11-24-xkqwzmf/var/log/vdsm/vdsm.log`)');
  });
});
