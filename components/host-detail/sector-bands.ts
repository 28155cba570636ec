/** A failed read's sector verdicts as hex-view bands: one per 512-byte sector, tagged new / old / neither. */
import { SECTOR_SIZE_BYTES } from '@/lib/mailbox';
import type { HexBand } from '@/components/hex-view/types';
import type { SectorTag } from '@/components/episodes/sector-tags';

export function sectorBands(tags: readonly SectorTag[]): HexBand[] {
  return tags.map((t) => ({
    offset: t.sector * SECTOR_SIZE_BYTES,
    length: SECTOR_SIZE_BYTES,
    label: `${t.glyph} ${t.word}`,
    tone: t.tone,
  }));
}
