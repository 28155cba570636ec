/**
 * The requests answer sorts and cuts the records on their numbers and turns
 * only the ones it sends into JSON: whatever the records, filter and limit,
 * it sends exactly what sorting every matching record's JSON (stuck first,
 * longest waiting first, then newest first) and cutting it would, and counts
 * the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '@/lib/analysis/request-record';
import { requestsResponse, type RequestFilter } from '@/lib/api/history-answers';
import { requestJson } from '@/lib/api/history-json';
import type { RequestJson } from '@/lib/api/history-types';
import type { SourceView } from '@/lib/sources/source-view';

const NOW = Date.UTC(2026, 11, 7, 12);
const STUCK_MS = 60_000;

const record = fc.record({
  host: fc.integer({ min: 1, max: 20 }),
  slot: fc.integer({ min: 0, max: 62 }),
  // ages around the stuck threshold, with ties
  age: fc.integer({ min: 0, max: 12 }).map((n) => n * 10_000),
  updatedSeq: fc.integer({ min: 1, max: 30 }),
  step: fc.constantFrom('open', 'replied', 'freed', 'replaced'),
}).map(({ host, slot, age, updatedSeq, step }): RequestRecord => {
  const requestedAt = NOW - age;
  return {
    id: `${host}-${slot}-${updatedSeq}`, host, slot, msgId: host * 64 + slot, domain: 'd', volume: 'v', sizeMiB: 1024,
    request: null, baselineReply: null, requestedSeq: 1, updatedSeq, requestedAt,
    repliedAt: step === 'replied' || step === 'freed' ? requestedAt + 1 : null, replySizeMiB: null,
    hostAckedAt: null, spmAckedAt: null, freedAt: step === 'freed' ? requestedAt + 2 : null,
    replacedAt: step === 'replaced' ? requestedAt + 2 : null,
    result: step === 'replied' || step === 'freed' ? 'ok' : null, outsideWindow: false, partial: false, inferred: [],
  };
});

/** The list's order as a person reads it off the JSON: stuck first, longest waiting first, then newest first. */
function listOrder(list: RequestJson[]): RequestJson[] {
  return [...list].sort((a, b) => {
    if (a.stuck !== b.stuck) return a.stuck ? -1 : 1;
    const order = a.stuck ? a.requestedAt.localeCompare(b.requestedAt) : b.requestedAt.localeCompare(a.requestedAt);
    return order !== 0 ? order : a.msgId - b.msgId;
  });
}

/** A source with just what the requests answer reads: its latest read, its records, its stuck threshold. */
function sourceOf(records: RequestRecord[]): SourceView {
  return {
    id: 'pool',
    historySettings: { stuckMs: STUCK_MS },
    history: { store: { latest: { seq: 30, readAt: NOW } }, staticAt: () => false, requests: { list: () => records } },
  } as unknown as SourceView;
}

describe('the requests answer', () => {
  it('sends what sorting and cutting every matching record as JSON would', () => {
    fc.assert(fc.property(
      fc.array(record, { maxLength: 80 }),
      fc.record({ since: fc.option(fc.integer({ min: 0, max: 30 })), host: fc.option(fc.integer({ min: 1, max: 20 })), limit: fc.option(fc.integer({ min: 0, max: 100 })) }),
      (records, filter: RequestFilter) => {
        const all = records.map((r) => requestJson(r, NOW, STUCK_MS));
        const matching = all.filter((r) => (filter.since == null || r.updatedSeq > filter.since || r.stuck) && (filter.host == null || r.host === filter.host));
        const answer = requestsResponse(sourceOf(records), filter);
        expect(answer.requests).toEqual(listOrder(matching).slice(0, filter.limit ?? 1000));
        expect(answer.matched).toBe(matching.length);
        expect(answer.counts.stuck).toBe(all.filter((r) => r.stuck).length);
      },
    ), { numRuns: 300 });
  });
});
