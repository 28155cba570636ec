import { describe, expect, it } from 'vitest';
import type { HistoryRead, HistoryResponse } from '@/lib/api/history-types';
import { mergeHistory } from './history-buffer';

const read = (seq: number, marks: Partial<HistoryRead['marks']> = {}, failing: number[] = []): HistoryRead => ({
  seq, readAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, seq * 100)).toISOString(), readMs: 0.4,
  inbox: { mailboxes: 11, error: null, direct: true, readMs: 0.2, changed: seq % 2 ? [{ host: 3, state: 'valid' }] : [] },
  outbox: null, failing, marks: { requests: 0, replies: 0, failures: 0, ...marks },
});

const response = (reads: HistoryRead[], oldestSeq: number, latestSeq: number, source = 'pool', capped = false): HistoryResponse => ({
  source, historyS: 3600, oldestSeq, latestSeq, gap: false, maxBytes: 256 * 2 ** 20, bytes: 1000, capped, reads,
});

describe('mergeHistory', () => {
  it('turns the first answer into compact reads, with times in ms and changed mailboxes counted', () => {
    const buffer = mergeHistory(null, response([read(1), read(2, { requests: 2 }, [7])], 1, 2));
    expect(buffer.reads).toEqual([
      { seq: 1, at: Date.UTC(2026, 0, 1, 0, 0, 0, 100), changed: 1, failing: [], requests: 0, replies: 0, failures: 0, error: false },
      { seq: 2, at: Date.UTC(2026, 0, 1, 0, 0, 0, 200), changed: 0, failing: [7], requests: 2, replies: 0, failures: 0, error: false },
    ]);
  });

  it('appends the reads after the last one held and lets go of those the server dropped', () => {
    const first = mergeHistory(null, response([read(1), read(2), read(3)], 1, 3));
    const next = mergeHistory(first, response([read(4), read(5)], 3, 5));
    expect(next.reads.map((r) => r.seq)).toEqual([3, 4, 5]);
    expect(next.reads[0]).toBe(first.reads[2]);
  });

  it('keeps the same buffer when nothing changed, so the timeline does not redraw', () => {
    const first = mergeHistory(null, response([read(1), read(2)], 1, 2));
    expect(mergeHistory(first, response([], 1, 2))).toBe(first);
  });

  it('starts over for another source, or when the server restarted and its seqs went back', () => {
    const first = mergeHistory(null, response([read(8), read(9)], 8, 9));
    expect(mergeHistory(first, response([read(1)], 1, 1)).reads.map((r) => r.seq)).toEqual([1]);
    expect(mergeHistory(first, response([read(10)], 10, 10, 'other')).reads.map((r) => r.seq)).toEqual([10]);
  });

  it('says when the byte cap, not the window, sets how far back the reads go', () => {
    const a = mergeHistory(null, response([read(1), read(2)], 1, 2));
    expect(a.capped).toBe(false);
    const b = mergeHistory(a, response([read(3)], 2, 3, 'pool', true));
    expect(b.capped).toBe(true);
    expect(b.maxBytes).toBe(256 * 2 ** 20);
    expect(b.reads.map((r) => r.seq)).toEqual([2, 3]);
  });
});
