/** Glyph, colour and word for each kind of checksum-failure episode (the inspector's vocabulary). */
import type { FailureKind } from '@/lib/vdsm-log';

export const FAILURE_WORDS: Record<FailureKind, { glyph: string; word: string; ink: string }> = {
  torn: { glyph: '✗', word: 'TORN', ink: 'var(--ink-vermillion)' },
  garbage: { glyph: '✗', word: 'GARBAGE', ink: 'var(--ink-purple)' },
  unknown: { glyph: '?', word: 'UNDECIDED', ink: 'var(--ink-orange)' },
};
