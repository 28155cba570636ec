import { preload } from 'react-dom';

/** The faces of the marks' font (README.md here) that the live page draws at its first paint. */
const FIRST_PAINT_FACES = [
  new URL('./marks-dejavu-sans.woff2', import.meta.url),
  new URL('./marks-dejavu-sans-bold.woff2', import.meta.url),
  new URL('./marks-dejavu-serif.woff2', import.meta.url),
  new URL('./marks-noto-sans-symbols-2.woff2', import.meta.url),
];

/**
 * Has the page ask for the marks' faces with its first bytes (`<link rel=preload>`, the URLs the
 * stylesheet's @font-face rules name). Without it the browser asks when a layout first finds a mark: on
 * a big pool's page, once its rows are parsed and laid out. The marks stayed blank until the font came
 * (`font-display: block`), and its arrival laid the whole page out again.
 */
export function preloadMarks(): void {
  for (const face of FIRST_PAINT_FACES) preload(face.href, { as: 'font', type: 'font/woff2', crossOrigin: '' });
}
