/**
 * The inspector's one visual vocabulary (glyph + word + meaning, colour by
 * the same key in globals.css): the grid, the legend, the tables, the hex
 * view and the incident Markdown all say a thing with these, so a pasted
 * summary reads like the screen.
 */
import type { RequestResult } from '@/lib/analysis/request-record';
import type { EpisodeVerdict } from '@/lib/api/history-types';
import type { LifecycleStep, SlotKind } from '@/lib/mailbox';
import type { FailureKind } from '@/lib/vdsm-log/types';

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

/** The verdict's word, as the badges and the incident summary write it (after ✗). */
export const VERDICT_WORDS: Readonly<Record<EpisodeVerdict, string>> = {
  torn: 'TORN',
  corrupt: 'CORRUPT',
  pending: 'FAILING',
  unproven: 'UNPROVEN',
};

export const VERDICT_MEANINGS: Readonly<Record<EpisodeVerdict, string>> = {
  torn: 'proven torn: every sector equals the read before or the read after',
  corrupt: 'some sector equals neither the read before nor the read after: not explained by a tear',
  pending: 'no valid read since the failure yet: no verdict',
  unproven: 'no valid read before the failure in history: old cannot be told from new',
};

export interface ResultLook {
  glyph: string;
  word: string;
  /** the lifecycle step whose colour it takes */
  step: LifecycleStep;
}

/** A request's result, in the requests table and the incident summary. */
export const RESULT_LOOKS: Readonly<Record<RequestResult, ResultLook>> = {
  ok: { glyph: '✓', word: 'ok', step: 'replied' },
  failed: { glyph: '✗', word: 'failed (size 0)', step: 'failed' },
  size_zero: { glyph: '✓', word: 'size 0 asked, 0 replied', step: 'replied' },
  mismatched: { glyph: '≠', word: 'mismatched', step: 'mismatched_reply' },
  unknown: { glyph: '·', word: 'reply not seen', step: 'host_acked' },
  abandoned: { glyph: '?', word: 'freed, no reply', step: 'unknown' },
};

export const WAITING_LOOK: ResultLook = { glyph: '▲', word: 'waiting', step: 'requested' };
export const STUCK_GLYPH = '⏱';

/** A message dropped with its mailbox, by kind. */
export const MESSAGE_GLYPHS: Readonly<Record<Exclude<SlotKind, 'empty'>, string>> = { extend: '▲', clean: '·', unknown: '?' };

/** What a logged checksum-failure episode was (vdsm's log, not a read): the log panel, the timeline and the summaries. */
export const FAILURE_KIND_LOOKS: Readonly<Record<FailureKind, { glyph: string; word: string }>> = {
  torn: { glyph: '✗', word: 'TORN' },
  garbage: { glyph: '✗', word: 'GARBAGE' },
  unknown: { glyph: '?', word: 'UNDECIDED' },
};
