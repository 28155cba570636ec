/**
 * Every mark renders, on a bare Debian chromium (only the DejaVu and
 * Liberation fonts, which lack ⏱ ⏸ ⏪ ⓘ ⤓): every non-ASCII character in
 * the UI's sources draws a real glyph, never the missing-glyph box, in the
 * text, bold and monospace faces; every mark is drawn by the font the app
 * ships (app/fonts), so a screenshot reads the same from any machine; and on
 * the live screen the stuck cell, the legend and the pause marks are drawn
 * by it. Screenshots of the stuck cell and the legend, light and dark, go to
 * test-results/marks-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeMailbox } from '@/lib/mailbox';
import { collectErrors, launchBrowser } from '../support/browser';
import { bundledGlyphs, devtools, fontsOf, tofuIn, uiGlyphs } from '../support/glyphs';
import { makePool, request, type TestPool } from '../support/pool';
import { startServer, type RunningServer } from '../support/server';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const STUCK_HOST = 4;
/** Typographic punctuation stays with the text font (every text font has it); the rest are marks. */
const TEXT_PUNCTUATION = new Set(['–', '—', '’', '“', '”', '…', '×']);
const GLYPHS = uiGlyphs();
const MARKS = GLYPHS.filter((ch) => !TEXT_PUNCTUATION.has(ch));
/** Code points in no font: the private use areas. */
const NO_FONT = ['\uE000', '\u{F0000}'];

let pool: TestPool;
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  pool = makePool({ mailboxes: 8 });
  [server, browser] = await Promise.all([
    startServer({ MAILBOX_SOURCES: `test=${pool.dir}`, MAILBOX_MAX_HOST_ID: '8', MAILBOX_POLL_MS: '150', MAILBOX_STUCK_S: '1' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  pool?.remove();
});

afterEach(async () => {
  expect(errors, `console errors on the page; the server said:\n${server.output().slice(-3000)}`).toEqual([]);
  await page?.context().close();
});

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme, deviceScaleFactor: 2 });
  page.setDefaultTimeout(10_000);
  errors = collectErrors(page);
  await page.goto(server.url + '/?source=test');
  await page.locator('section[aria-label="legend"]').waitFor();
  return page;
}

/** The page's text, bold and monospace fonts as canvas `font` strings, from the stylesheet's own stacks. */
function pageFonts(p: Page): Promise<{ sans: string; mono: string }> {
  return p.evaluate(() => {
    const probe = document.createElement('span');
    probe.className = 'num';
    document.body.append(probe);
    const mono = getComputedStyle(probe).fontFamily;
    probe.remove();
    return { sans: getComputedStyle(document.body).fontFamily, mono };
  });
}

/** One span per character, in the page's text font at `weight`; returns which are not drawn by the app's fonts. */
async function notBundled(p: Page, cdp: CDPSession, chars: readonly string[], weight: number): Promise<string[]> {
  await p.evaluate(async ({ chars, weight }) => {
    document.getElementById('glyph-probes')?.remove();
    const box = document.createElement('div');
    box.id = 'glyph-probes';
    box.style.fontWeight = String(weight);
    for (const ch of chars) {
      const span = document.createElement('span');
      span.dataset.glyphProbe = ch;
      span.textContent = ch;
      box.append(span);
    }
    document.body.append(box);
    await document.fonts.load(`${weight} 16px ${getComputedStyle(box).fontFamily}`, chars.join(''));
    await document.fonts.ready;
  }, { chars: [...chars], weight });
  const found = await fontsOf(cdp, '#glyph-probes [data-glyph-probe]');
  return found.filter(({ fonts }) => bundledGlyphs(fonts) !== 1 || fonts.some((f) => !f.isCustomFont))
    .map(({ probe, fonts }) => `${probe} (U+${probe.codePointAt(0)!.toString(16).toUpperCase()}): ${fonts.map((f) => f.familyName).join(', ') || 'no font'}`);
}

/**
 * Every visible element of the page whose own text has marks and whose font
 * stack starts with the app's marks font: the marks the app's fonts did not draw.
 */
async function screenMarksNotBundled(p: Page, cdp: CDPSession): Promise<{ checked: number; missing: string[] }> {
  const expected = await p.evaluate((marks) => {
    const set = new Set(marks);
    const out: { text: string; marks: number }[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('#glyph-probes') || !el.checkVisibility()) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
      const count = [...own].filter((ch) => set.has(ch)).length;
      if (count === 0 || !getComputedStyle(el).fontFamily.startsWith('"Inspector Marks"')) continue;
      el.setAttribute('data-glyph-probe', String(out.length));
      out.push({ text: own, marks: count });
    }
    return out;
  }, MARKS);
  const found = await fontsOf(cdp, 'body [data-glyph-probe]');
  const missing = found.flatMap(({ probe, fonts }) => {
    const want = expected[Number(probe)];
    const got = bundledGlyphs(fonts);
    return got === want.marks ? [] : [`"${want.text}": ${got} of ${want.marks} marks drawn by the app's fonts (${fonts.map((f) => f.familyName).join(', ')})`];
  });
  return { checked: found.length, missing };
}

/** Writes a request nobody answers, after the first read (so its age is known), and waits until its cell is stuck. */
async function stuckCell(): Promise<void> {
  await pool.writeMailbox('inbox', STUCK_HOST, encodeMailbox({ 3: request(STUCK_HOST, 3, 2048) }));
  const cell = page.locator(`[data-host-id="${STUCK_HOST}"] [data-slot="3"]`);
  await expect.poll(() => cell.getAttribute('data-stuck'), { timeout: 8000 }).toBe('');
  expect(await cell.textContent()).toBe('⏱');
}

describe('every mark renders', () => {
  it('the detectors flag a private-use code point, which no font has, and pass a letter and a shipped mark', async () => {
    await open();
    const { sans } = await pageFonts(page);
    expect(await tofuIn(page, [...NO_FONT, 'A', '⏱', '✓'], `400 16px ${sans}`)).toEqual(NO_FONT);
    const cdp = await devtools(page);
    const flagged = await notBundled(page, cdp, [...NO_FONT, '⏱', 'A'], 400);
    expect(flagged.map((line) => line.split(' ')[0])).toEqual([...NO_FONT, 'A']);
  });

  it('draws every non-ASCII glyph of the UI as a real glyph, in the text, bold and monospace faces', async () => {
    expect(GLYPHS).toEqual(expect.arrayContaining(['⏱', '⏸', '⏪', '▲', '✓', '✗', '⚠']));
    await open();
    const { sans, mono } = await pageFonts(page);
    for (const font of [`400 11px ${sans}`, `800 11px ${sans}`, `400 12px ${mono}`, `700 12px ${mono}`]) {
      expect(await tofuIn(page, GLYPHS, font), `drawn as the missing-glyph box in ${font}`).toEqual([]);
    }
  });

  it('draws every mark of the UI from the fonts shipped with the app, regular and bold', async () => {
    await open();
    const cdp = await devtools(page);
    for (const weight of [400, 800]) {
      expect(await notBundled(page, cdp, MARKS, weight), `marks at weight ${weight} not in app/fonts (run app/fonts/make-marks.sh)`).toEqual([]);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`draws the stuck ⏱, the legend and the pause marks on the live screen from the app's fonts (${theme})`, async () => {
      await open(theme);
      await stuckCell();
      await page.keyboard.press('Space');
      await page.getByText('PAUSED').first().waitFor();
      const cdp = await devtools(page);
      const { checked, missing } = await screenMarksNotBundled(page, cdp);
      expect(missing).toEqual([]);
      // the stuck cell, the counts, the legend's marks and the pause banner at least
      expect(checked).toBeGreaterThan(20);
      const legendFonts = await fontsOf(cdp, 'section[aria-label="legend"] [data-stuck]');
      expect(legendFonts.map(({ fonts }) => bundledGlyphs(fonts))).toEqual([1]);

      const row = page.locator(`[data-host-id="${STUCK_HOST}"]`);
      const legend = page.locator('section[aria-label="legend"]');
      const top = (await row.boundingBox())!;
      const bottom = (await legend.boundingBox())!;
      await page.screenshot({ path: path.join(RESULTS, `marks-${theme}.png`), clip: { x: 0, y: 0, width: 1440, height: Math.min(900, bottom.y + bottom.height - 0) } });
      await page.screenshot({ path: path.join(RESULTS, `marks-cell-${theme}.png`), clip: { x: top.x, y: top.y - 4, width: 420, height: top.height + 8 } });
    });
  }
});
