/**
 * Does a glyph really render? Two independent answers from Chromium:
 *
 * - `tofuIn`: draws each character on a canvas in a page's font and compares
 *   its pixels with the missing-glyph box (.notdef), drawn for U+10FFFD, a
 *   code point no font has. A character that draws that box, or nothing, is
 *   tofu.
 * - `fontsOf`: asks the DevTools protocol (CSS.getPlatformFontsForNode) which
 *   fonts drew an element's own text, and whether each is a web font the app
 *   ships (`isCustomFont`) or one of the machine's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(tsx?|css)$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
  });
}

/** Every non-ASCII character the UI's sources (app/, components/) can show, sorted. */
export function uiGlyphs(): string[] {
  const glyphs = new Set<string>();
  // lib/format holds the vocabulary the screen draws (glyphs of steps, verdicts, results)
  for (const file of [...sourceFiles(path.join(ROOT, 'app')), ...sourceFiles(path.join(ROOT, 'components')), ...sourceFiles(path.join(ROOT, 'lib/format'))]) {
    // CSS comments and unicode-range name code points, they do not show them
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const ch of text) if (ch.codePointAt(0)! > 0x7f) glyphs.add(ch);
  }
  return [...glyphs].sort();
}

export interface GlyphJob {
  chars: readonly string[];
  /** a CSS font shorthand, as canvas takes it: `700 11px "Inspector Marks", system-ui, sans-serif` */
  font: string;
}

/** For each job, the characters that draw the missing-glyph box (or no ink at all) in its font. */
export function tofuIn(page: Page, jobs: readonly GlyphJob[]): Promise<string[][]> {
  return page.evaluate(async (jobs) => {
    const size = 64;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size * 2;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const alpha = (ch: string) => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.fillText(ch, size, size);
      return ctx.getImageData(0, 0, canvas.width, canvas.height).data.filter((_, i) => i % 4 === 3);
    };
    const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.every((v, i) => v === b[i]);
    const out: string[][] = [];
    for (const { chars, font } of jobs) {
      // the size does not change which font draws a glyph; a large one shows more pixels
      const large = font.replace(/\b\d+(\.\d+)?px\b/, `${size / 2}px`);
      await document.fonts.load(large, chars.join(''));
      ctx.font = large;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const box = alpha('\u{10FFFD}');
      out.push(chars.filter((ch) => {
        const ink = alpha(ch);
        return ink.every((v) => v === 0) || same(ink, box);
      }));
    }
    return out;
  }, jobs.map(({ chars, font }) => ({ chars: [...chars], font })));
}

export interface FontUse {
  familyName: string;
  postScriptName?: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** A DevTools session on `page` with the DOM and CSS domains on. */
export async function devtools(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  return cdp;
}

/**
 * For each element matching `selector`: its `data-glyph-probe` value and the
 * fonts that drew its own text. Elements removed meanwhile are left out.
 */
export async function fontsOf(cdp: CDPSession, selector: string): Promise<{ probe: string; fonts: FontUse[] }[]> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const found = await Promise.all(nodeIds.map(async (nodeId) => {
    try {
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const at = attributes.indexOf('data-glyph-probe');
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return { probe: at >= 0 ? attributes[at + 1] : '', fonts: fonts as FontUse[] };
    } catch (error) {
      if (/Could not find node/.test(String(error))) return null; // re-rendered away
      throw error;
    }
  }));
  return found.filter((f) => f !== null);
}

/** How many glyphs of an element's own text the app's bundled fonts drew. */
export const bundledGlyphs = (fonts: readonly FontUse[]) =>
  fonts.filter((f) => f.isCustomFont).reduce((sum, f) => sum + f.glyphCount, 0);
