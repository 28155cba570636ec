/**
 * A tear across several back-to-back writes. When a sector of a failed read
 * equals neither the read before (A) nor the read after (B), the reads may
 * still be torn: the pre-2017 HSM writes its mailbox as 8 `dd`s of 512
 * bytes, sector 0 first and sector 7 (the checksum) last, and can start its
 * next write before any reader saw the previous one whole. Then each failed
 * read is W(j)[0..k) + W(j-1)[k..8) for states A = W0, W1, ..., B, and its
 * sector 7 is always W(j-1)'s: grouping the reads by sector 7 gives the
 * writes in between. Each is rebuilt from the reads' sectors and must carry
 * a valid checksum: a witness, so a success is a proof. Finding none proves
 * nothing, and the caller keeps its verdict (corrupt).
 */
import { checksum, SECTOR_SIZE_BYTES, SECTORS_PER_MAILBOX, storedChecksum } from '@/lib/mailbox';

type Sectors = Array<Uint8Array | null>;

export interface ChainProof {
  /** writes whose complete state no read saw */
  intermediates: number;
  /** their checksums, in order */
  checksums: number[];
}

/** More writes in between than this is not worth searching: no HSM writes that fast. */
const MAX_INTERMEDIATES = 6;

function split(bytes: Uint8Array): Uint8Array[] {
  return Array.from({ length: SECTORS_PER_MAILBOX }, (_, s) => bytes.subarray(s * SECTOR_SIZE_BYTES, (s + 1) * SECTOR_SIZE_BYTES));
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Read `r` fits W(next)[0..k) + W(old)[k..8) where those are known. */
function fits(r: Uint8Array[], old: Sectors, next: Sectors, k: number): boolean {
  for (let s = 0; s < SECTORS_PER_MAILBOX; s++) {
    const known = s < k ? next[s] : old[s];
    if (known && !same(known, r[s])) return false;
  }
  return true;
}

/** The intermediate state with its unseen sectors taken from its neighbours, if some choice has a valid checksum. */
function complete(state: Sectors, previous: Sectors, next: Sectors): Uint8Array | null {
  const unknown = state.flatMap((s, i) => (s === null ? [i] : []));
  const choices = unknown.map((s) => [previous[s], next[s]].filter((c, i, all): c is Uint8Array => c !== null && all.findIndex((d) => d && same(d, c)) === i));
  if (choices.some((c) => c.length === 0)) return null;
  const out = new Uint8Array(SECTORS_PER_MAILBOX * SECTOR_SIZE_BYTES);
  state.forEach((s, i) => s && out.set(s, i * SECTOR_SIZE_BYTES));
  const combinations = choices.reduce((n, c) => n * c.length, 1);
  for (let pick = 0; pick < combinations; pick++) {
    let rest = pick;
    unknown.forEach((s, i) => {
      out.set(choices[i][rest % choices[i].length], s * SECTOR_SIZE_BYTES);
      rest = Math.floor(rest / choices[i].length);
    });
    if (storedChecksum(out) === checksum(out)) return out;
  }
  return null;
}

/** `reads`: the distinct failed contents in order. Null when no chain of writes explains them. */
export function proveChain(before: Uint8Array, reads: readonly Uint8Array[], after: Uint8Array): ChainProof | null {
  const runs: Uint8Array[][][] = [];
  for (const r of reads.map(split)) {
    const last = runs[runs.length - 1];
    if (last && same(last[0][7], r[7])) last.push(r);
    else runs.push([r]);
  }
  if (runs.length === 0) return null;
  const a = split(before);
  // A write may have completed before the first failed read: its state then shows only in those reads' tails.
  const hidden = same(runs[0][0][7], a[7]) ? 0 : 1;
  const intermediates = runs.length - 1 + hidden;
  if (intermediates === 0 || intermediates > MAX_INTERMEDIATES) return null;
  const states: Sectors[] = [a, ...Array.from({ length: intermediates }, () => new Array<Uint8Array | null>(SECTORS_PER_MAILBOX).fill(null)), split(after)];
  runs.forEach((run, r) => {
    if (r + hidden >= 1) states[r + hidden][7] = run[0][7];
  });
  for (let r = 0; r < runs.length; r++) {
    const old = states[r + hidden];
    const next = states[r + hidden + 1];
    for (const read of runs[r]) {
      // The fewest new sectors that fit: a sector equal to the old state is taken as old.
      let k = 1;
      while (k < SECTORS_PER_MAILBOX && !fits(read, old, next, k)) k++;
      if (k === SECTORS_PER_MAILBOX) return null;
      read.forEach((sector, s) => {
        const target = s < k ? next : old;
        target[s] ??= sector;
      });
    }
  }
  const checksums: number[] = [];
  for (let i = 1; i <= intermediates; i++) {
    const state = complete(states[i], states[i - 1], states[i + 1]);
    if (!state) return null;
    states[i] = split(state);
    checksums.push(checksum(state));
  }
  return { intermediates, checksums };
}
