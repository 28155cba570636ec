/**
 * The line plan of a hex view, as pure data: 16-byte lines, a rule every
 * `ruleEvery` bytes (sectors), and runs of all-zero lines folded into one
 * gap so a mostly empty block stays short. Tested without a browser.
 */
import type { HexRange } from './types';

export const LINE_BYTES = 16;

export type HexItem =
  | { kind: 'line'; offset: number }
  | { kind: 'rule'; offset: number }
  | { kind: 'gap'; offset: number; end: number };

export interface PlanOptions {
  length: number;
  panes: ReadonlyArray<Uint8Array | null>;
  /** put a rule before every multiple of this many bytes (not before 0) */
  ruleEvery?: number;
  /** fold runs of at least two lines that are zero in every pane */
  foldZeros: boolean;
  /** lines that must stay visible even when zero (notes, changes, problems) */
  keep?: (lineOffset: number) => boolean;
}

function zeroLine(panes: ReadonlyArray<Uint8Array | null>, offset: number): boolean {
  for (const bytes of panes) {
    if (!bytes) continue;
    for (let i = offset; i < Math.min(offset + LINE_BYTES, bytes.length); i++) if (bytes[i] !== 0) return false;
  }
  return true;
}

export function planLines(options: PlanOptions): HexItem[] {
  const { length, panes, ruleEvery, foldZeros, keep } = options;
  const items: HexItem[] = [];
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart < 0) return;
    if (end - runStart >= 2 * LINE_BYTES) items.push({ kind: 'gap', offset: runStart, end });
    else for (let at = runStart; at < end; at += LINE_BYTES) items.push({ kind: 'line', offset: at });
    runStart = -1;
  };
  for (let offset = 0; offset < length; offset += LINE_BYTES) {
    if (ruleEvery && offset > 0 && offset % ruleEvery === 0) {
      flush(offset);
      items.push({ kind: 'rule', offset });
    }
    const foldable = foldZeros && zeroLine(panes, offset) && !keep?.(offset);
    if (foldable) {
      if (runStart < 0) runStart = offset;
      continue;
    }
    flush(offset);
    items.push({ kind: 'line', offset });
  }
  flush(length);
  return items;
}

/** For each byte, the index of the range covering it, or -1. Later ranges win overlaps. */
export function rangeIndex(length: number, ranges: readonly HexRange[]): Int32Array {
  const index = new Int32Array(length).fill(-1);
  ranges.forEach((r, i) => {
    const end = Math.min(length, r.offset + r.length);
    for (let at = Math.max(0, r.offset); at < end; at++) index[at] = i;
  });
  return index;
}

/** 1 where `current` differs from `previous`; null when there is nothing to compare. */
export function changedBytes(current: Uint8Array | null, previous: Uint8Array | null | undefined): Uint8Array | null {
  if (!current || !previous) return null;
  const out = new Uint8Array(current.length);
  let any = false;
  for (let i = 0; i < current.length; i++) {
    if (current[i] !== previous[i]) {
      out[i] = 1;
      any = true;
    }
  }
  return any ? out : null;
}

/** Printable ASCII as itself, anything else as '.', as hexdump -C does. */
export function asciiOf(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function byteHex(byte: number): string {
  return HEX[byte];
}
