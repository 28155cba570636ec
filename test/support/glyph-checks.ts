/**
 * Glyph checks on a page of the app, built on the detectors of glyphs.ts:
 * probes for given characters, and a sweep of every element on screen.
 */
import type { CDPSession, Page } from 'playwright-core';
import { bundledGlyphs, fontsOf, tofuIn } from './glyphs';

/** The page's text and monospace font stacks, as the stylesheet sets them. */
export function pageFonts(p: Page): Promise<{ sans: string; mono: string }> {
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
export async function notShipped(p: Page, cdp: CDPSession, chars: readonly string[], weight: number): Promise<string[]> {
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

interface Swept { text: string; glyphs: string[]; marks: number; bundled: boolean; font: string }

/** Tags every visible element whose own text has non-ASCII glyphs with `data-glyph-probe=i`; returns them by i. */
function sweep(p: Page, marks: readonly string[]): Promise<Swept[]> {
  return p.evaluate((marks) => {
    // an element's own text, not its children's
    const own = (el: Element) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
    const isMark = new Set(marks);
    const out: Swept[] = [];
    for (const el of document.querySelectorAll('body *')) {
      el.removeAttribute('data-glyph-probe');
      if (el.closest('#glyph-probes') || !el.checkVisibility()) continue;
      const text = own(el);
      const glyphs = [...new Set([...text].filter((ch) => ch.codePointAt(0)! > 0x7f && ch !== '\u00a0'))];
      if (glyphs.length === 0) continue;
      const style = getComputedStyle(el);
      el.setAttribute('data-glyph-probe', String(out.length));
      out.push({
        text, glyphs,
        marks: [...text].filter((ch) => isMark.has(ch)).length,
        bundled: style.fontFamily.startsWith('"Inspector Marks"'),
        font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
      });
    }
    return out;
  }, [...marks]);
}

/** Each glyph of a swept element in its font, less the size (which does not change the font that draws it). */
const keysOf = (el: Swept) => el.glyphs.map((ch) => `${ch} in ${el.font.replace(/ \d+(\.\d+)?px /, ' ')}`);

/**
 * Every visible element of the page whose own text has non-ASCII glyphs (their
 * `texts`): the glyphs drawn as the missing-glyph box in the element's font,
 * and, where the element's stack starts with the app's marks font, the
 * `marks` it did not draw. A live page re-creates some elements under the
 * sweep (before DevTools reaches them): it sweeps again until each glyph in
 * each font (style, weight and family) on screen has been reached once.
 */
export async function screenGlyphProblems(p: Page, cdp: CDPSession, marks: readonly string[]): Promise<{ texts: string[]; problems: string[] }> {
  const texts = new Set<string>();
  const problems = new Set<string>();
  const seen = new Set<string>();
  const reached = new Set<string>();
  for (let attempt = 1; attempt <= 5; attempt++) {
    const elements = await sweep(p, marks);
    const tofu = await tofuIn(p, elements.map(({ glyphs, font }) => ({ chars: glyphs, font })));
    elements.forEach((el, i) => {
      texts.add(el.text);
      for (const key of keysOf(el)) seen.add(key);
      for (const ch of tofu[i]) problems.add(`"${el.text.trim()}": ${named(ch)} is the missing-glyph box`);
    });
    for (const { probe, fonts } of await fontsOf(cdp, 'body [data-glyph-probe]')) {
      const el = elements[Number(probe)];
      for (const key of keysOf(el)) reached.add(key);
      const got = bundledGlyphs(fonts);
      if (el.bundled && got !== el.marks) problems.add(`"${el.text.trim()}": ${got} of ${el.marks} marks drawn by the app's fonts (${fonts.map((f) => f.familyName).join(', ')})`);
    }
    if ([...seen].every((key) => reached.has(key))) return { texts: [...texts], problems: [...problems] };
  }
  throw new Error(`the page re-created these elements before DevTools reached them, 5 times: ${[...seen].filter((k) => !reached.has(k)).join('; ')}`);
}
