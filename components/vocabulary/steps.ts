/**
 * The visual vocabulary of a slot's lifecycle step (UI.md): one glyph, one
 * word and one sentence per step, defined once in lib/format/vocabulary.ts
 * for the screen and the Markdown alike. Colours live in globals.css, keyed
 * by the same `data-step` attribute, so the grid, the legend and the detail agree.
 */
export { STEP_LOOKS, STEP_ORDER, type StepLook } from '@/lib/format/vocabulary';
