import { describe, expect, it } from 'vitest';
import type { TimelineRead } from './history-buffer';
import { axisOf, binReads, failingSpans, jumpToMark, nearestRead, pickRead, stepRead, ticks, timeOf, xOf } from './timeline-layout';

const T = Date.UTC(2026, 0, 1, 10, 0, 0);
/** One read every 500 ms from seq 1; `marks` puts requests on some seqs. */
const reads = (count: number, marks: Record<number, Partial<TimelineRead>> = {}): TimelineRead[] =>
  Array.from({ length: count }, (_, i) => ({
    seq: i + 1, at: T + i * 500, changed: 0, failing: [], requests: 0, replies: 0, failures: 0, error: false, ...marks[i + 1],
  }));

describe('the time axis', () => {
  it('spans the reads held, at least 10 s, ending at the latest read', () => {
    const axis = axisOf(reads(241), 1200)!; // 120 s of reads
    expect([axis.t0, axis.t1]).toEqual([T, T + 120_000]);
    expect(xOf(axis, T + 60_000)).toBe(600);
    expect(timeOf(axis, 300)).toBe(T + 30_000);
    const young = axisOf(reads(3), 600)!; // 1 s of reads: the axis still spans 10 s, the reads at its right end
    expect(young.t1 - young.t0).toBe(10_000);
    expect(axisOf([], 100)).toBeNull();
  });

  it('gathers reads into bins of a few pixels, summing marks and keeping the worst failing count', () => {
    const list = reads(241, { 3: { requests: 2, failing: [7] }, 4: { replies: 1, failing: [7, 8] }, 200: { failures: 1 } });
    const bins = binReads(list, axisOf(list, 1200)!, 10); // 10 px = 1 s = 2 reads
    expect(bins).toHaveLength(120);
    expect(bins[1]).toMatchObject({ x: 10, reads: 2, firstSeq: 3, lastSeq: 4, requests: 2, replies: 1, failing: 2 });
    expect(bins.find((b) => b.failures > 0)).toMatchObject({ firstSeq: 199, lastSeq: 200 });
    // the latest read sits in the last bin, not one past the width
    expect(bins[bins.length - 1]).toMatchObject({ x: 1200 - 10, lastSeq: 241 });
  });

  it('draws failing reads as spans lasting until the next read, merged when they touch', () => {
    const list = reads(241, { 11: { failing: [7] }, 12: { failing: [7] }, 20: { failing: [3] }, 241: { failing: [3] } });
    const spans = failingSpans(list, axisOf(list, 1200)!);
    expect(spans).toEqual([{ x0: 50, x1: 60 }, { x0: 95, x1: 100 }, { x0: 1200, x1: 1202 }]);
  });

  it('puts ticks on whole units of the local clock, far enough apart to label', () => {
    const axis = axisOf(reads(241), 1200)!;
    const list = ticks(axis, 80);
    expect(list[1] - list[0]).toBe(10_000); // 120 s over 1200 px: 10 s = 100 px
    expect(new Date(list[0]).getSeconds() % 10).toBe(0);
  });
});

describe('choosing a read', () => {
  const list = reads(241, { 100: { requests: 1 } });
  const axis = axisOf(list, 1200)!;

  it('takes the read nearest a time', () => {
    expect(list[nearestRead(list, T + 1_240)].seq).toBe(3);
    expect(list[nearestRead(list, T + 1_260)].seq).toBe(4);
    expect(list[nearestRead(list, T - 5_000)].seq).toBe(1);
    expect(list[nearestRead(list, T + 999_000)].seq).toBe(241);
  });

  it('snaps a click to a read with a mark within a few pixels, else takes the nearest', () => {
    const marked = xOf(axis, list[99].at); // seq 100
    expect(pickRead(list, axis, marked + 4, 6)!.seq).toBe(100);
    expect(pickRead(list, axis, marked + 30, 6)!.seq).toBe(106);
  });

  it('steps one read at a time and stops at the ends', () => {
    expect(stepRead(list, 10, -1)).toBe(9);
    expect(stepRead(list, 10, 1)).toBe(11);
    expect(stepRead(list, 241, 1)).toBeNull();
    expect(stepRead(list, 1, -1)).toBeNull();
    const gappy = list.filter((r) => r.seq !== 5);
    expect(stepRead(gappy, 5, 1)).toBe(6);
    expect(stepRead(gappy, 5, -1)).toBe(4);
  });

  it('jumps to the previous or next read with a mark', () => {
    expect(jumpToMark(list, 200, -1)).toBe(100);
    expect(jumpToMark(list, 10, 1)).toBe(100);
    expect(jumpToMark(list, 100, 1)).toBeNull();
  });
});
