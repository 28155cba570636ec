/**
 * The grid cells' marks are background images made from the marks' font
 * (app/fonts/make-cell-marks.py): every step the vocabulary has, and the
 * stuck clock, has its glyph there, in the ink globals.css gives it on
 * either theme. A changed glyph or ink without the file made again fails here.
 */
import { describe, expect, it } from 'vitest';
import { STEP_LOOKS } from '@/components/vocabulary/steps';
import { cellMarks, ink, GLOBALS_CSS } from '../support/cell-marks';

const marks = cellMarks();
const fill = (colour: string) => `fill='${encodeURIComponent(colour)}'`;

describe('the grid cells’ marks (app/fonts/cell-marks.css)', () => {
  it('has every step’s glyph, and the stuck clock', () => {
    const wanted = [...Object.entries(STEP_LOOKS).map(([step, look]) => [step, look.glyph]), ['stuck', '⏱']];
    expect([...marks.values()].map((m) => [m.what, m.glyph]).sort()).toEqual(wanted.sort());
    for (const mark of marks.values()) expect(mark.light, mark.what).toMatch(/^url\("data:image\/svg\+xml,.*%3Cpath fill=.* d='M/);
  });

  it('draws each mark in the ink its step has in globals.css, on either theme', () => {
    for (const mark of marks.values()) {
      if (mark.ink.startsWith('#')) {
        expect(mark.light, mark.what).toContain(fill(mark.ink));
        expect(mark.dark, mark.what).toEqual([]);
        continue;
      }
      const [light, dark] = ink(mark.ink) ?? [];
      expect(light, `${mark.ink} in globals.css`).toBeDefined();
      expect(mark.light, mark.what).toContain(fill(light!));
      // the system's dark theme and the page's
      expect(mark.dark, mark.what).toHaveLength(2);
      for (const image of mark.dark) expect(image, mark.what).toContain(fill(dark!));
    }
  });

  it('is where globals.css gives each step that ink', () => {
    for (const mark of marks.values()) {
      if (mark.what === 'stuck' || mark.ink.startsWith('#')) continue;
      expect(GLOBALS_CSS, mark.what).toMatch(new RegExp(`\\.step\\[data-step='${mark.what}'\\] \\{ --ink: var\\(${mark.ink}\\)`));
    }
  });
});
