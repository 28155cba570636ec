/**
 * Sector-by-sector comparison of a failed read with the valid reads around
 * it (docs/format.md, the torn-write proof). One character per 512-byte sector,
 * the alphabet of the vdsm-trace fixtures' `sectors` strings:
 *   n  equals the read after only: the new data had landed
 *   o  equals the read before only: still the old data
 *   =  equals both (the write did not change it): unchanged, not new
 *   x  equals neither: not explained by a tear
 *   i  equals neither, but is the data of a write in between that no read saw
 *      whole (a tear across back-to-back writes, see chain-proof.ts)
 *   ?  differs from the read after, and there is no read before to compare
 */
import { SECTOR_SIZE_BYTES, SECTORS_PER_MAILBOX } from '@/lib/mailbox';

export type SectorVerdict = 'n' | 'o' | '=' | 'x' | 'i' | '?';

function sameSector(a: Uint8Array, b: Uint8Array, sector: number): boolean {
  const start = sector * SECTOR_SIZE_BYTES;
  for (let i = start, end = start + SECTOR_SIZE_BYTES; i < end; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Per sector of `failed`: its relation to `before` (null when history has none) and `after`. */
export function compareSectors(failed: Uint8Array, before: Uint8Array | null, after: Uint8Array): string {
  let out = '';
  for (let s = 0; s < SECTORS_PER_MAILBOX; s++) {
    const isNew = sameSector(failed, after, s);
    if (before === null) {
      out += isNew ? 'n' : '?';
      continue;
    }
    const isOld = sameSector(failed, before, s);
    out += isNew && isOld ? '=' : isNew ? 'n' : isOld ? 'o' : 'x';
  }
  return out;
}

/** Sectors of `bytes` that differ from `reference`: known even before a valid read comes back. */
export function changedSectors(bytes: Uint8Array, reference: Uint8Array): number[] {
  const changed: number[] = [];
  for (let s = 0; s < SECTORS_PER_MAILBOX; s++) if (!sameSector(bytes, reference, s)) changed.push(s);
  return changed;
}

export function sectorsWith(sectors: string, verdict: SectorVerdict): number[] {
  const out: number[] = [];
  for (let i = 0; i < sectors.length; i++) if (sectors[i] === verdict) out.push(i);
  return out;
}

/** [0,1,2,5] → "0-2, 5" */
export function ranges(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    parts.push(i === j ? String(indexes[i]) : `${indexes[i]}-${indexes[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

const WORDS: Record<SectorVerdict, string> = {
  n: 'new', o: 'old', '=': 'unchanged', x: 'neither old nor new', i: 'from a write in between', '?': 'unknown',
};

/** "n======o" → "sectors 0 new, 1-6 unchanged, 7 old"; groups in the order of their first sector. */
export function describeSectors(sectors: string): string {
  const order: SectorVerdict[] = [];
  for (const c of sectors) if (!order.includes(c as SectorVerdict)) order.push(c as SectorVerdict);
  return 'sectors ' + order.map((v) => `${ranges(sectorsWith(sectors, v))} ${WORDS[v]}`).join(', ');
}
