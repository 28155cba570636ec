/**
 * The visual vocabulary of a slot's lifecycle step (UI.md): one glyph, one
 * word and one sentence per step. Colours live in globals.css, keyed by the
 * same `data-step` attribute, so the grid, the legend and the detail agree.
 */
import type { LifecycleStep } from '@/lib/mailbox';

export interface StepLook {
  glyph: string;
  word: string;
  meaning: string;
  /** a problem draws attention: solid fill instead of a tinted glyph */
  problem: boolean;
}

export const STEP_LOOKS: Readonly<Record<LifecycleStep, StepLook>> = {
  requested: { glyph: '▲', word: 'requested', meaning: 'extend request waiting for the SPM’s reply', problem: false },
  replied: { glyph: '✓', word: 'replied', meaning: 'the SPM extended and replied; the host has not acknowledged yet', problem: false },
  failed: { glyph: '✗', word: 'failed', meaning: 'the SPM replied size 0: the extend failed', problem: true },
  host_acked: { glyph: '·', word: 'host ack', meaning: 'the host wrote CLEAN (reply received); the SPM has not acknowledged yet', problem: false },
  spm_acked: { glyph: '∙', word: 'SPM ack', meaning: 'both sides CLEAN; the host frees the slot next', problem: false },
  free: { glyph: '◦', word: 'free', meaning: 'inbox slot empty; the SPM’s CLEAN stays in the outbox until the slot is reused', problem: false },
  mismatched_reply: { glyph: '≠', word: 'mismatch', meaning: 'the reply’s bytes 0..36 differ from the request: the host logs "Incorrect reply"', problem: true },
  unknown: { glyph: '?', word: 'unknown', meaning: 'slot content is neither empty, CLEAN nor an extend message', problem: true },
};

/** Order of the legend and of counts: the life of a request, then the problems. */
export const STEP_ORDER: readonly LifecycleStep[] = [
  'requested', 'replied', 'host_acked', 'spm_acked', 'free', 'failed', 'mismatched_reply', 'unknown',
];
