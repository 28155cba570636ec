import { describe, expect, it } from 'vitest';
import type { RequestJson } from '@/lib/api/history-types';
import { requestsAt, waitingAt } from './requests-at';

const T0 = Date.parse('2026-11-24T20:47:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

function request(id: string, requestedSeq: number, requestedS: number, over: Partial<RequestJson> = {}): RequestJson {
  return {
    id, host: 7, slot: Number(id), msgId: 7 * 64 + Number(id), domain: 'd', volume: 'v', sizeMiB: 1024,
    requestedSeq, updatedSeq: requestedSeq, requestedAt: at(requestedS), repliedAt: null, replySizeMiB: null,
    hostAckedAt: null, spmAckedAt: null, freedAt: null, replacedAt: null, result: null, step: 'requested',
    stuck: false, waitingMs: null, latency: { replyMs: null, hostAckMs: null, spmAckMs: null, freeMs: null, totalMs: null },
    outsideWindow: false, partial: false, inferred: [], ...over,
  };
}

describe('requests at the read on screen', () => {
  const list = [
    request('0', 1, 0, { repliedAt: at(2), result: 'failed', replySizeMiB: 0, step: 'failed' }),
    request('1', 3, 4, { stuck: true, waitingMs: 30_000 }),
    request('2', 20, 40),
  ];

  it('leaves out requests first seen after the read shown, and counts what was waiting then', () => {
    const r = requestsAt(list, { seq: 5, at: T0 + 5000, stuckMs: 10_000, static: false });
    expect(r.list.map((x) => x.id)).toEqual(['0', '1']);
    expect(r.counts).toEqual({ waiting: 1, stuck: 0, failed: 1, total: 2 });
  });

  it('does not count a failed reply that had not arrived yet at the read shown', () => {
    const r = requestsAt(list, { seq: 1, at: T0 + 1000, stuckMs: 10_000, static: false });
    expect(r.counts).toEqual({ waiting: 1, stuck: 0, failed: 0, total: 1 });
  });

  it('measures stuck at the read shown, and takes the server word at the latest read', () => {
    expect(requestsAt(list, { seq: 10, at: T0 + 15_000, stuckMs: 10_000, static: false }).counts.stuck).toBe(1);
    expect(requestsAt(list, { seq: null, at: null, stuckMs: 10_000, static: false }).counts).toEqual({ waiting: 2, stuck: 1, failed: 1, total: 3 });
  });

  it('calls nothing stuck in a static source (a dump: nothing answers)', () => {
    const r = requestsAt(list, { seq: null, at: null, stuckMs: 10_000, static: true });
    expect(r.counts.stuck).toBe(0);
    expect(r.list.filter(r.isStuck)).toEqual([]);
  });

  it('a freed or replaced request is not waiting', () => {
    expect(waitingAt(request('3', 1, 0, { freedAt: at(1) }), T0 + 2000)).toBe(false);
    expect(waitingAt(request('3', 1, 0, { replacedAt: at(1) }), T0 + 2000)).toBe(false);
    expect(waitingAt(request('3', 1, 0, { freedAt: at(3) }), T0 + 2000)).toBe(true);
  });
});
