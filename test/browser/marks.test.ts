/**
 * Every mark renders, on a bare Debian chromium (only the DejaVu and
 * Liberation fonts, which lack ⏱ ⏸ ⏪ ⓘ): every non-ASCII character in
 * the UI's sources draws a real glyph, never the missing-glyph box, in the
 * text, bold and monospace faces; every mark is drawn by the font the app
 * ships (app/fonts), so a screenshot reads the same from any machine; and on
 * the live screen the legend and the pause marks are drawn by it, and the
 * grid's cells by images made from it (app/fonts/cell-marks.css). Screenshots of the stuck cell and the legend, light and dark, go to
 * test-results/marks-*.png.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HistoryResponse } from '@/lib/api/history-types';
import { encodeMailbox } from '@/lib/mailbox';
import { browserSuite, RESULTS } from '../support/browser-suite';
import { notShipped, pageFonts, screenGlyphProblems } from '../support/glyph-checks';
import { cellMarks } from '../support/cell-marks';
import { bundledGlyphs, devtools, fontsOf, tofuIn, uiGlyphs } from '../support/glyphs';
import { makePool, request, type TestPool } from '../support/pool';

const STUCK_HOST = 4;
const REPLIED_HOST = 5;
/** Typographic punctuation stays with the text font (every text font has it); the rest are marks. */
const TEXT_PUNCTUATION = new Set(['–', '—', '’', '“', '”', '…', '×']);
const GLYPHS = uiGlyphs();
const MARKS = GLYPHS.filter((ch) => !TEXT_PUNCTUATION.has(ch));
/** fontconfig's fc-list says which glyphs the machine's fonts have (Debian's fontconfig package). */
const HAS_FC_LIST = spawnSync('fc-list', ['--version']).status === 0;
if (!HAS_FC_LIST) console.warn('marks.test: no fc-list (Debian package fontconfig): skipping the cross-check with the machine\'s fonts');
/** Code points in no font: the private use areas. */
const NO_FONT = ['\uE000', '\u{F0000}'];

const suite = browserSuite({
  makePool: () => makePool({ mailboxes: 11 }),
  env: (p) => ({ MAILBOX_SOURCES: `test=${p.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: '300', MAILBOX_STUCK_S: '1' }),
  ready: 'section[aria-label="legend"]',
  context: { deviceScaleFactor: 2 },
});

let page: Page;
const pool = { writeMailbox: (...args: Parameters<TestPool['writeMailbox']>) => suite.pool().writeMailbox(...args) };
const server = { get url() { return suite.server().url; } };

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  page = await suite.open('?source=test', colorScheme);
  await page.locator('[data-testid="timeline"] svg[role="slider"]').waitFor();
  return page;
}

/** Writes a request nobody answers, after the first read (so its age is known), and waits until its cell is stuck. */
async function stuckCell(): Promise<void> {
  // and a replied one beside it (a reply never goes stuck), whose mark takes the theme's ink
  await pool.writeMailbox('outbox', REPLIED_HOST, encodeMailbox({ 0: request(REPLIED_HOST, 0, 1024) }));
  await pool.writeMailbox('inbox', REPLIED_HOST, encodeMailbox({ 0: request(REPLIED_HOST, 0, 1024) }));
  await pool.writeMailbox('inbox', STUCK_HOST, encodeMailbox({ 3: request(STUCK_HOST, 3, 2048) }));
  const cell = page.locator(`[data-host-id="${STUCK_HOST}"] [data-slot="3"]`);
  await expect.poll(() => cell.getAttribute('data-stuck'), { timeout: 8000 }).toBe('');
  // a grid cell's mark is its background image (app/fonts/cell-marks.css), the clock's when stuck
  expect(await cell.textContent()).toBe('');
  expect(await cell.evaluate((el) => getComputedStyle(el).backgroundImage)).toBe(cellMarks().get('stuck')!.light);
  // let every panel's data pass the stuck time too (the grid, the history and the requests are fetched apart)
  await new Promise((r) => setTimeout(r, 2500));
}

describe('every mark renders', { timeout: 90_000 }, () => {
  it('the detectors flag private-use code points, which no font has, and a glyph the app does not ship', async () => {
    await open();
    const { sans } = await pageFonts(page);
    expect(await tofuIn(page, [{ chars: [...NO_FONT, 'A', '⏱', '✓'], font: `400 16px ${sans}` }])).toEqual([NO_FONT]);
    const cdp = await devtools(page);
    const flagged = await notShipped(page, cdp, [...NO_FONT, '⏱', 'A'], 400);
    expect(flagged.map((line) => line.split(' ')[0])).toEqual([...NO_FONT, 'A']);
    expect(flagged[0]).toContain('missing-glyph box');
    expect(flagged[2]).toMatch(/^A \(U\+41\): drawn by [^,]+$/); // a system font, not the app's
  });

  it.skipIf(!HAS_FC_LIST)("finds the glyphs this machine has no font for (fontconfig says which) drawn as boxes without the app's font, and none with it", async () => {
    const lacking = GLYPHS.filter((ch) => execFileSync('fc-list', [`:charset=${ch.codePointAt(0)!.toString(16)}`, 'family'], { encoding: 'utf8' }).trim() === '');
    await open();
    const { sans } = await pageFonts(page);
    const systemOnly = sans.replace('"Inspector Marks", ', '');
    expect(systemOnly).not.toContain('Inspector Marks');
    const [withApp, withoutApp] = await tofuIn(page, [{ chars: GLYPHS, font: `400 13px ${sans}` }, { chars: GLYPHS, font: `400 13px ${systemOnly}` }]);
    expect(withoutApp).toEqual(lacking);
    expect(withApp).toEqual([]);
  });

  it('draws every non-ASCII glyph of the UI as a real glyph, in the text, bold and monospace faces', async () => {
    expect(GLYPHS).toEqual(expect.arrayContaining(['⏱', '⏸', '⏪', '▲', '✓', '✗', '⚠']));
    await open();
    const { sans, mono } = await pageFonts(page);
    const fonts = [`400 11px ${sans}`, `800 11px ${sans}`, `400 12px ${mono}`, `700 12px ${mono}`];
    const tofu = await tofuIn(page, fonts.map((font) => ({ chars: GLYPHS, font })));
    expect(Object.fromEntries(fonts.map((font, i) => [font.split(',')[0], tofu[i]]))).toEqual(Object.fromEntries(fonts.map((font) => [font.split(',')[0], []])));
  });

  it('draws every mark of the UI from the fonts shipped with the app, regular and bold', async () => {
    await open();
    const cdp = await devtools(page);
    for (const weight of [400, 800]) {
      expect(await notShipped(page, cdp, MARKS, weight), `marks at weight ${weight} not in app/fonts (add them: app/fonts/README.md)`).toEqual([]);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`draws the stuck ⏱, the legend, the pause ⏸ and the past ⏪ on screen, all from the app's fonts (${theme})`, async () => {
      await open(theme);
      await stuckCell();
      await page.keyboard.press('Space');
      await page.getByText('PAUSED').first().waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const cdp = await devtools(page);
      const paused = await screenGlyphProblems(page, cdp, MARKS);
      expect(paused.problems).toEqual([]);
      // the stuck cell and count, the pause button and banner, the legend's marks: all checked
      for (const mark of ['⏱', '⏸', '▲', '✓', '✗', '⚠', '≠', '◐', '·', '∙', '◦']) expect(paused.texts.join('')).toContain(mark);
      // the paused read may still be arriving (a held live request lands after the pause): wait for the row's stuck cell
      await page.locator(`[data-host-id="${STUCK_HOST}"] [data-stuck]`).first().waitFor();
      await expect.poll(async () => (await fontsOf(cdp, 'section[aria-label="legend"] [data-stuck]'))
        .map(({ fonts }) => fonts.map((f) => [f.familyName, f.isCustomFont, f.glyphCount]))).toEqual([[['Noto Sans Symbols 2', true, 1]]]);
      // the grid's cells draw their marks as images in the theme's inks: the replied ones here
      const replied = await page.locator(`[data-host-id="${REPLIED_HOST}"] [data-slot="0"][data-step="replied"]`).evaluate((el) => getComputedStyle(el).backgroundImage);
      const mark = cellMarks().get('replied')!;
      expect(replied).toBe(theme === 'light' ? mark.light : mark.dark[0]);
      const row = (await page.locator(`[data-host-id="${STUCK_HOST}"]`).boundingBox())!;
      const legend = (await page.locator('section[aria-label="legend"]').boundingBox())!;
      await page.screenshot({ path: path.join(RESULTS, `marks-${theme}.png`), clip: { x: 0, y: 0, width: 1440, height: Math.min(900, legend.y + legend.height) } });
      await page.screenshot({ path: path.join(RESULTS, `marks-cell-${theme}.png`), clip: { x: row.x, y: row.y - 4, width: 480, height: row.height + 8 } });

      // a past read: the ⏪ of the banner and the header
      const { latestSeq } = (await (await fetch(`${server.url}/api/sources/test/history?since=1000000000000`)).json()) as HistoryResponse;
      await page.goto(`${server.url}/?source=test&seq=${latestSeq! - 1}`);
      await page.getByTestId('time-travel').waitFor();
      await page.locator('[data-testid="timeline"] svg[role="slider"]').waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const past = await screenGlyphProblems(page, await devtools(page), MARKS);
      expect(past.problems).toEqual([]);
      expect(past.texts.join('')).toContain('⏪');
    });
  }
});
