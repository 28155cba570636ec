/**
 * The timeline's geometry, as pure data: which time each x shows, reads
 * gathered into bins of a few pixels, tick labels, and which read a click
 * means. Drawing reads this; tested without a browser.
 */
import type { TimelineRead } from './history-buffer';

export interface TimeAxis {
  /** epoch ms at x = 0 and at x = width */
  t0: number;
  t1: number;
  width: number;
}

export interface TimelineBin {
  x: number;
  width: number;
  reads: number;
  firstSeq: number;
  lastSeq: number;
  changed: number;
  requests: number;
  replies: number;
  failures: number;
  /** most hosts failing their checksum in one read of the bin */
  failing: number;
  error: boolean;
}

/** The axis over the reads held: from the oldest to the latest, at least `minSpanMs` wide so a young history's few reads are not stretched. */
export function axisOf(reads: readonly TimelineRead[], width: number, minSpanMs = 10_000): TimeAxis | null {
  if (reads.length === 0 || width <= 0) return null;
  const t1 = reads[reads.length - 1].at;
  const t0 = Math.min(reads[0].at, t1 - minSpanMs);
  return { t0, t1, width };
}

export function xOf(axis: TimeAxis, t: number): number {
  return ((t - axis.t0) / (axis.t1 - axis.t0)) * axis.width;
}

export function timeOf(axis: TimeAxis, x: number): number {
  return axis.t0 + (x / axis.width) * (axis.t1 - axis.t0);
}

/** Reads gathered into bins `binPx` wide; bins with no read are left out. */
export function binReads(reads: readonly TimelineRead[], axis: TimeAxis, binPx: number): TimelineBin[] {
  const bins: TimelineBin[] = [];
  let bin: TimelineBin | null = null;
  for (const r of reads) {
    const index = Math.min(Math.floor(xOf(axis, r.at) / binPx), Math.ceil(axis.width / binPx) - 1);
    const x = index * binPx;
    if (!bin || bin.x !== x) {
      bin = { x, width: binPx, reads: 0, firstSeq: r.seq, lastSeq: r.seq, changed: 0, requests: 0, replies: 0, failures: 0, failing: 0, error: false };
      bins.push(bin);
    }
    bin.reads++;
    bin.lastSeq = r.seq;
    bin.changed += r.changed;
    bin.requests += r.requests;
    bin.replies += r.replies;
    bin.failures += r.failures;
    bin.failing = Math.max(bin.failing, r.failing.length);
    bin.error ||= r.error;
  }
  return bins;
}

export interface Span {
  x0: number;
  x1: number;
}

/**
 * Where some mailbox failed its checksum, as continuous spans: a failing read
 * lasts until the next read (the latest one, a few pixels), so reads a few
 * pixels apart do not draw as dashes.
 */
export function failingSpans(reads: readonly TimelineRead[], axis: TimeAxis, minPx = 2): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < reads.length; i++) {
    if (reads[i].failing.length === 0) continue;
    const x0 = xOf(axis, reads[i].at);
    const x1 = Math.max(x0 + minPx, i + 1 < reads.length ? xOf(axis, reads[i + 1].at) : x0 + minPx);
    const last = spans[spans.length - 1];
    if (last && x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, x1);
    else spans.push({ x0, x1 });
  }
  return spans;
}

/** Index of the read nearest to time `t` (reads ascending by time); -1 when there are none. */
export function nearestRead(reads: readonly TimelineRead[], t: number): number {
  if (reads.length === 0) return -1;
  let lo = 0;
  let hi = reads.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reads[mid].at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && t - reads[lo - 1].at <= reads[lo].at - t ? lo - 1 : lo;
}

export function hasMark(r: TimelineRead): boolean {
  return r.failures > 0 || r.requests > 0 || r.replies > 0;
}

/**
 * The read a click at `x` means: the nearest one, unless a read with a mark
 * (✗ ▲ ✓) lies within `snapPx`, since a mark is what people aim at.
 */
export function pickRead(reads: readonly TimelineRead[], axis: TimeAxis, x: number, snapPx: number): TimelineRead | null {
  const at = nearestRead(reads, timeOf(axis, x));
  if (at < 0) return null;
  const from = firstIndex(reads, 'at', timeOf(axis, x - snapPx));
  let best: TimelineRead | null = null;
  for (let i = from; i < reads.length && xOf(axis, reads[i].at) <= x + snapPx; i++) {
    const r = reads[i];
    if (!hasMark(r)) continue;
    if (!best || Math.abs(xOf(axis, r.at) - x) < Math.abs(xOf(axis, best.at) - x)) best = r;
  }
  return best ?? reads[at];
}

/** The first read whose `key` is at least `value` (reads are in seq and time order); reads.length if none. */
function firstIndex(reads: readonly TimelineRead[], key: 'at' | 'seq', value: number): number {
  let lo = 0;
  let hi = reads.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reads[mid][key] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The read `by` steps from `seq` among those held; null past either end.
 * A seq not held (between two held reads) steps to its neighbour.
 */
export function stepRead(reads: readonly TimelineRead[], seq: number, by: -1 | 1): number | null {
  const i = firstIndex(reads, 'seq', seq);
  const exact = i < reads.length && reads[i].seq === seq;
  const next = by > 0 ? (exact ? i + 1 : i) : i - 1;
  return next >= 0 && next < reads.length ? reads[next].seq : null;
}

/** The next read before or after `seq` with a mark; null when there is none. */
export function jumpToMark(reads: readonly TimelineRead[], seq: number, by: -1 | 1): number | null {
  for (let s = stepRead(reads, seq, by); s !== null; s = stepRead(reads, s, by)) {
    const r = reads[firstIndex(reads, 'seq', s)];
    if (hasMark(r)) return s;
  }
  return null;
}

export function readOfSeq(reads: readonly TimelineRead[], seq: number): TimelineRead | null {
  const i = firstIndex(reads, 'seq', seq);
  return i < reads.length && reads[i].seq === seq ? reads[i] : null;
}

const TICK_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600].map((s) => s * 1000);

/** Tick times on whole seconds/minutes/hours of the local clock, at least `minPx` apart. */
export function ticks(axis: TimeAxis, minPx: number): number[] {
  const span = axis.t1 - axis.t0;
  const step = TICK_STEPS_MS.find((s) => (s / span) * axis.width >= minPx) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
  // whole steps of local time: shift by the zone offset so 10:15 and not 10:13 is a tick
  const offset = new Date(axis.t0).getTimezoneOffset() * 60_000;
  const first = Math.ceil((axis.t0 - offset) / step) * step + offset;
  const out: number[] = [];
  for (let t = first; t <= axis.t1; t += step) out.push(t);
  return out;
}
