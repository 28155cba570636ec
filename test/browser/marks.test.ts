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
import { execFileSync, spawnSync } from 'node:child_process';
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
/** fontconfig's fc-list says which glyphs the machine's fonts have (Debian's fontconfig package). */
const HAS_FC_LIST = spawnSync('fc-list', ['--version']).status === 0;
if (!HAS_FC_LIST) console.warn('marks.test: no fc-list (Debian package fontconfig): skipping the cross-check with the machine\'s fonts');
/** Code points in no font: the private use areas. */
const NO_FONT = ['\uE000', '\u{F0000}'];

let pool: TestPool;
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  pool = makePool({ mailboxes: 11 });
  [server, browser] = await Promise.all([
    startServer({ MAILBOX_SOURCES: `test=${pool.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: '150', MAILBOX_STUCK_S: '1' }),
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

/** The page's text and monospace font stacks, as the stylesheet sets them. */
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

const named = (ch: string) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()})`;

/**
 * One span per character in the page's text font at `weight`: the characters
 * drawn as the missing-glyph box, or by a font the app does not ship.
 */
async function notShipped(p: Page, cdp: CDPSession, chars: readonly string[], weight: number): Promise<string[]> {
  const font = await p.evaluate(({ chars, weight }) => {
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
    const style = getComputedStyle(box);
    return `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  }, { chars: [...chars], weight });
  const [tofu] = await tofuIn(p, [{ chars, font }]);
  await p.evaluate(() => document.fonts.ready.then(() => undefined));
  const drawnBy = new Map((await fontsOf(cdp, '#glyph-probes [data-glyph-probe]')).map(({ probe, fonts }) => [probe, fonts]));
  return chars.flatMap((ch) => {
    if (tofu.includes(ch)) return [`${named(ch)}: the missing-glyph box`];
    const fonts = drawnBy.get(ch) ?? [];
    return bundledGlyphs(fonts) === 1 && fonts.every((f) => f.isCustomFont) ? [] : [`${named(ch)}: drawn by ${fonts.map((f) => f.familyName).join(', ') || 'no font'}`];
  });
}

/**
 * Every visible element of the page whose own text has non-ASCII glyphs: the
 * glyphs drawn as the missing-glyph box in the element's font, and, where the
 * element's stack starts with the app's marks font, the marks it did not draw.
 */
async function screenGlyphProblems(p: Page, cdp: CDPSession): Promise<{ checked: number; problems: string[] }> {
  const elements = await p.evaluate((marks) => {
    const isMark = new Set(marks);
    const out: { text: string; glyphs: string[]; marks: number; bundled: boolean; font: string }[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('#glyph-probes') || !el.checkVisibility()) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
      const glyphs = [...new Set([...own].filter((ch) => ch.codePointAt(0)! > 0x7f && ch !== '\u00a0'))];
      if (glyphs.length === 0) continue;
      const style = getComputedStyle(el);
      el.setAttribute('data-glyph-probe', String(out.length));
      out.push({
        text: own.trim(), glyphs,
        marks: [...own].filter((ch) => isMark.has(ch)).length,
        bundled: style.fontFamily.startsWith('"Inspector Marks"'),
        font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
      });
    }
    return out;
  }, MARKS);
  const tofu = await tofuIn(p, elements.map(({ glyphs, font }) => ({ chars: glyphs, font })));
  const problems = elements.flatMap((el, i) => tofu[i].map((ch) => `"${el.text}": ${named(ch)} is the missing-glyph box`));
  for (const { probe, fonts } of await fontsOf(cdp, 'body [data-glyph-probe]')) {
    const el = elements[Number(probe)];
    const got = bundledGlyphs(fonts);
    if (el.bundled && got !== el.marks) problems.push(`"${el.text}": ${got} of ${el.marks} marks drawn by the app's fonts (${fonts.map((f) => f.familyName).join(', ')})`);
  }
  return { checked: elements.length, problems };
}

/** Writes a request nobody answers, after the first read (so its age is known), and waits until its cell is stuck. */
async function stuckCell(): Promise<void> {
  await pool.writeMailbox('inbox', STUCK_HOST, encodeMailbox({ 3: request(STUCK_HOST, 3, 2048) }));
  const cell = page.locator(`[data-host-id="${STUCK_HOST}"] [data-slot="3"]`);
  await expect.poll(() => cell.getAttribute('data-stuck'), { timeout: 8000 }).toBe('');
  expect(await cell.textContent()).toBe('⏱');
}

describe('every mark renders', () => {
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
    it(`draws the stuck ⏱, the legend and the pause marks on the live screen, all from the app's fonts (${theme})`, async () => {
      await open(theme);
      await stuckCell();
      await page.keyboard.press('Space');
      await page.getByText('PAUSED').first().waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const cdp = await devtools(page);
      const { checked, problems } = await screenGlyphProblems(page, cdp);
      expect(problems).toEqual([]);
      // the stuck cell, the counts, the legend's marks and the pause banner at least
      expect(checked).toBeGreaterThan(20);
      const stuckMarks = await fontsOf(cdp, `section[aria-label="legend"] [data-stuck], [data-host-id="${STUCK_HOST}"] [data-stuck]`);
      expect(stuckMarks.map(({ fonts }) => fonts.map((f) => [f.familyName, f.isCustomFont, f.glyphCount]))).toEqual([
        [['Noto Sans Symbols 2', true, 1]], [['Noto Sans Symbols 2', true, 1]],
      ]);

      const row = (await page.locator(`[data-host-id="${STUCK_HOST}"]`).boundingBox())!;
      const legend = (await page.locator('section[aria-label="legend"]').boundingBox())!;
      await page.screenshot({ path: path.join(RESULTS, `marks-${theme}.png`), clip: { x: 0, y: 0, width: 1440, height: Math.min(900, legend.y + legend.height) } });
      await page.screenshot({ path: path.join(RESULTS, `marks-cell-${theme}.png`), clip: { x: row.x, y: row.y - 4, width: 480, height: row.height + 8 } });
    });
  }
});
