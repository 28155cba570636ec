/**
 * The torn-write proof for one failed read R of a mailbox (docs/format.md): with
 * A the last valid read before R and B the first valid read after it, R is a
 * tear if every 512-byte sector of R equals the same sector of A or of B.
 * "Valid" includes the empty mailbox (all zero, checksum 0).
 */
import { changedSectors, compareSectors, describeSectors, ranges, sectorsWith } from './sectors';

/** `unproven`: no valid read before the failure is in history, so a tear cannot be told from corruption. */
export type Verdict = 'torn' | 'corrupt' | 'pending' | 'unproven';

export interface Proof {
  verdict: Verdict;
  /** one of n o = x ? per sector; null while pending */
  sectors: string | null;
  /** sectors that already held the new data (same before and after counts as unchanged, not new) */
  newSectors: number[];
  /** "sectors 0-4 new, 5-7 old", or why there is no verdict yet */
  summary: string;
}

export function proveTorn(failed: Uint8Array, before: Uint8Array | null, after: Uint8Array | null): Proof {
  if (after === null) {
    const changed = before ? changedSectors(failed, before) : [];
    const so = changed.length > 0 ? `sectors ${ranges(changed)} differ from the last valid read; ` : '';
    return { verdict: 'pending', sectors: null, newSectors: [], summary: `pending: ${so}no valid read after the failure yet` };
  }
  const sectors = compareSectors(failed, before, after);
  const newSectors = sectorsWith(sectors, 'n');
  const described = describeSectors(sectors);
  if (sectors.includes('x')) {
    return { verdict: 'corrupt', sectors, newSectors, summary: `${described}: not a mix of the reads before and after` };
  }
  if (before === null) {
    return { verdict: 'unproven', sectors, newSectors, summary: `${described} (no valid read before the failure in history)` };
  }
  return { verdict: 'torn', sectors, newSectors, summary: described };
}

/** A corrupt read explained after all by a chain of writes (chain-proof.ts): its `x` sectors become `i`. */
export function tornAcrossWrites(proof: Proof, writes: number): Proof {
  if (proof.sectors === null) return proof;
  const sectors = proof.sectors.replace(/x/g, 'i');
  return { verdict: 'torn', sectors, newSectors: proof.newSectors, summary: `${describeSectors(sectors)} (torn across ${writes} back-to-back writes)` };
}

/** An episode's verdict from its reads' verdicts: one corrupt read makes it corrupt. */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('corrupt')) return 'corrupt';
  if (verdicts.includes('pending')) return 'pending';
  if (verdicts.includes('unproven')) return 'unproven';
  return 'torn';
}
