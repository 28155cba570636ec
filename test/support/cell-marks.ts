/** Reads app/fonts/cell-marks.css (made by app/fonts/make-cell-marks.py): each mark's rules, by what it marks. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CELL_MARKS_CSS = readFileSync(path.join(ROOT, 'app/fonts/cell-marks.css'), 'utf8');
export const GLOBALS_CSS = readFileSync(path.join(ROOT, 'app/globals.css'), 'utf8');

export interface CellMark {
  /** a step, or "stuck" */
  what: string;
  glyph: string;
  /** a globals.css variable (light-dark) or one colour */
  ink: string;
  /** the image on the light theme, and on the dark one (the same when the ink is one colour) */
  light: string;
  dark: string[];
}

/** The marks the file declares, from the comment before each rule. */
export function cellMarks(css = CELL_MARKS_CSS): Map<string, CellMark> {
  const lines = css.split('\n');
  const image = (line: string) => /background-image: (url\("[^"]*"\))/.exec(line)?.[1] ?? '';
  const marks = new Map<string, CellMark>();
  lines.forEach((line, i) => {
    const head = /^\/\* (\S+) (\S+) U\+[0-9A-F]+ from \S+, (\S+) \*\/$/.exec(line);
    if (head) marks.set(head[1], { what: head[1], glyph: head[2], ink: head[3], light: image(lines[i + 1]), dark: [] });
    const dark = /^\/\* (\S+) on dark \*\/$/.exec(line);
    if (dark) marks.get(dark[1])?.dark.push(image(lines[i + 1]));
  });
  return marks;
}

/** A `--name: light-dark(#light, #dark)` variable of globals.css. */
export function ink(name: string): [string, string] | null {
  const m = new RegExp(`${name}:\\s*light-dark\\((#[0-9a-fA-F]+),\\s*(#[0-9a-fA-F]+)\\)`).exec(GLOBALS_CSS);
  return m ? [m[1], m[2]] : null;
}
