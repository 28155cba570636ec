import { SECTOR_SIZE_BYTES } from '@/lib/mailbox';
import type { SectorTag } from './sector-tags';

/** A failed read's 8 sectors in a row, each a glyph in its colour: ●●●○○○○○ reads "0-2 new, 3-7 old" at a glance. */
export function SectorStrip({ tags, label }: { tags: readonly SectorTag[]; label?: string }) {
  return (
    <span className="sector-strip inline-flex shrink-0" role="img" aria-label={label ?? tags.map((t) => `sector ${t.sector} ${t.word}`).join(', ')} data-sectors={tags.map((t) => t.tone).join(' ')}>
      {tags.map((t) => (
        <span key={t.sector} data-sector-tone={t.tone} title={`sector ${t.sector} (bytes ${t.sector * SECTOR_SIZE_BYTES}..${(t.sector + 1) * SECTOR_SIZE_BYTES - 1}): ${t.glyph} ${t.word}, ${t.meaning}`}>
          {t.glyph}
        </span>
      ))}
    </span>
  );
}
