/** Glyph, colour and word for each kind of checksum-failure episode (the inspector's vocabulary, lib/format/vocabulary.ts). */
import { FAILURE_KIND_LOOKS } from '@/lib/format/vocabulary';
import type { FailureKind } from '@/lib/vdsm-log';

const INKS: Record<FailureKind, string> = { torn: 'var(--ink-vermillion)', garbage: 'var(--ink-purple)', unknown: 'var(--ink-orange)' };

export const FAILURE_WORDS: Record<FailureKind, { glyph: string; word: string; ink: string }> = {
  torn: { ...FAILURE_KIND_LOOKS.torn, ink: INKS.torn },
  garbage: { ...FAILURE_KIND_LOOKS.garbage, ink: INKS.garbage },
  unknown: { ...FAILURE_KIND_LOOKS.unknown, ink: INKS.unknown },
};
