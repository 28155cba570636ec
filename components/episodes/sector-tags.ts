/**
 * The torn-write proof, sector by sector, in the vocabulary of the screen:
 * each 512-byte sector of a failed read is new (it equals the next valid
 * read), old (the read before), unchanged, neither, from a write in between,
 * or unknown. Glyph + word + colour, so it reads without colour too.
 */
import type { EpisodeReadJson } from '@/lib/api/history-types';
import { SECTORS_PER_MAILBOX } from '@/lib/mailbox';

export type SectorTone = 'new' | 'old' | 'same' | 'neither' | 'between' | 'unknown' | 'changed' | 'kept';

export interface SectorLook {
  tone: SectorTone;
  glyph: string;
  word: string;
  meaning: string;
}

/** By the server's letter (lib/analysis/sectors.ts), plus two for pending reads. */
export const SECTOR_LOOKS: Readonly<Record<SectorTone, SectorLook>> = {
  new: { tone: 'new', glyph: '●', word: 'new', meaning: 'equals the next valid read: the new data had landed' },
  old: { tone: 'old', glyph: '○', word: 'old', meaning: 'equals the valid read before: the new data had not landed yet' },
  same: { tone: 'same', glyph: '=', word: 'unchanged', meaning: 'the same before and after: the write did not change it' },
  neither: { tone: 'neither', glyph: '✗', word: 'neither', meaning: 'equals neither read: not explained by a tear' },
  between: { tone: 'between', glyph: '◐', word: 'in between', meaning: 'data of a write in between that no read saw whole' },
  unknown: { tone: 'unknown', glyph: '?', word: 'unknown', meaning: 'no valid read before it in history to compare with' },
  changed: { tone: 'changed', glyph: '≠', word: 'changed', meaning: 'differs from the last valid read (verdict pending)' },
  kept: { tone: 'kept', glyph: '=', word: 'as before', meaning: 'equals the last valid read (verdict pending)' },
};

const BY_LETTER: Readonly<Record<string, SectorTone>> = { n: 'new', o: 'old', '=': 'same', x: 'neither', i: 'between', '?': 'unknown' };

export interface SectorTag extends SectorLook {
  sector: number;
}

/** One tag per sector of a failed read; null when nothing is known (no read before it and no verdict). */
export function sectorTags(version: Pick<EpisodeReadJson, 'sectors' | 'changedSectors'>, beforeKnown = true): SectorTag[] | null {
  if (version.sectors) {
    return [...version.sectors].map((letter, sector) => ({ sector, ...SECTOR_LOOKS[BY_LETTER[letter] ?? 'unknown'] }));
  }
  if (!beforeKnown) return null;
  const changed = new Set(version.changedSectors);
  return Array.from({ length: SECTORS_PER_MAILBOX }, (_, sector) => ({ sector, ...SECTOR_LOOKS[changed.has(sector) ? 'changed' : 'kept'] }));
}

/** The tones a legend needs for these tags, in the order of SECTOR_LOOKS. */
export function tonesUsed(tags: readonly SectorTag[]): SectorLook[] {
  const used = new Set(tags.map((t) => t.tone));
  return Object.values(SECTOR_LOOKS).filter((l) => used.has(l.tone));
}
