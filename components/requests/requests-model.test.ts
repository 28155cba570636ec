import { describe, expect, it } from 'vitest';
import { episodeList, requestList } from '@/components/episodes/episodes-response';
import { readAtOf, requestOf } from '@/test/ui/episode-of';
import { HELD_REQUESTS, mergeRequests, needsFullFetch, requestsRefreshMs, STORM_REFRESH_MS } from './requests-buffer';
import { DEFAULT_SORT, filterRequests, sortRequests } from './requests-model';
import { stuckAt, stuckSlotsByHost } from './stuck';

const replied = requestOf(2, 0, { id: 'a', requestedAt: readAtOf(30), repliedAt: readAtOf(35), result: 'ok', step: 'replied', latency: { replyMs: 500, hostAckMs: null, spmAckMs: null, freeMs: null, totalMs: null } });
const stuck = requestOf(5, 7, { id: 'b', requestedAt: readAtOf(10), stuck: true, volume: 'd772f1c6-3ebb-43c3-a42e-000000000064' });
const newer = requestOf(9, 1, { id: 'c', requestedAt: readAtOf(40), repliedAt: readAtOf(41), result: 'failed', step: 'failed', latency: { replyMs: 100, hostAckMs: null, spmAckMs: null, freeMs: null, totalMs: null } });
const all = [replied, stuck, newer];
const serverStuck = (r: { stuck: boolean }) => r.stuck;
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('sortRequests', () => {
  it('lists stuck requests first, then newest first', () => {
    expect(ids(sortRequests(all, DEFAULT_SORT, serverStuck))).toEqual(['b', 'c', 'a']);
  });

  it('sorts by any column, stuck still first, empty values last either way', () => {
    expect(ids(sortRequests(all, { column: 'host', descending: true }, serverStuck))).toEqual(['b', 'c', 'a']);
    expect(ids(sortRequests(all, { column: 'replyMs', descending: false }, () => false))).toEqual(['c', 'a', 'b']);
    expect(ids(sortRequests(all, { column: 'replyMs', descending: true }, () => false))).toEqual(['a', 'c', 'b']);
    expect(ids(sortRequests(all, { column: 'result', descending: false }, () => false))).toEqual(['c', 'a', 'b']);
  });
});

describe('filterRequests', () => {
  it('takes a bare number for a host, and any other word for a piece of the domain or volume', () => {
    expect(ids(filterRequests(all, '5'))).toEqual(['b']);
    expect(ids(filterRequests(all, '2 9'))).toEqual(['a', 'c']);
    expect(ids(filterRequests(all, '000000000064'))).toEqual(['b']);
    expect(ids(filterRequests(all, 'domain:8ADBC85E host:9'))).toEqual(['c']);
    expect(ids(filterRequests(all, 'volume:8adbc85e'))).toEqual([]);
    expect(ids(filterRequests(all, '  '))).toEqual(['a', 'b', 'c']);
  });
});

describe('stuck requests', () => {
  it('are stuck at a read when no reply came within the stuck time before it', () => {
    const at = (seq: number) => Date.parse(readAtOf(seq));
    expect(stuckAt(replied, at(34), 300)).toBe(true); // 400 ms without a reply
    expect(stuckAt(replied, at(32), 300)).toBe(false); // only 200 ms
    expect(stuckAt(replied, at(35), 300)).toBe(false); // the reply was seen at this read
    expect(stuckAt(replied, at(20), 300)).toBe(false); // not requested yet
  });

  it('are listed per host as a comma list of slots', () => {
    const more = requestOf(5, 2, { id: 'd', stuck: true });
    expect(stuckSlotsByHost([stuck, replied, more], serverStuck)).toEqual(new Map([[5, '2,7']]));
  });
});

describe('the requests and episodes answers', () => {
  const headers = (h: Record<string, string> = {}) => new Headers(h);

  it('read the top-level array with its counts in headers', () => {
    const array = requestList(all, headers({
      'X-Total-Count': '7', 'X-Requests-Stuck': '1', 'X-Requests-Waiting': '2', 'X-Requests-Open': '3', 'X-Stuck-After-S': '1', 'X-Mailbox-Read-At': 'x',
    }));
    expect(array).toEqual({ requests: all, matched: 7, stuckS: 1, asOf: 'x', counts: { stuck: 1, waiting: 2, open: 3 } });
    expect(requestList(all, headers())).toMatchObject({ matched: 3, stuckS: 10, asOf: null, counts: null });
    expect(episodeList([], headers({ 'X-Total-Count': '0' }))).toEqual({ episodes: [], total: 0 });
  });
});

describe('mergeRequests', () => {
  const answer = (requests: typeof all) => requestList(requests, new Headers({ 'X-Stuck-After-S': '1' }));

  it('merges what changed since the newest step held, by id, and moves the cursor', () => {
    const first = mergeRequests(null, answer([replied, stuck]), true);
    expect(first.cursor).toBe(1);
    const update = { ...replied, updatedSeq: 40, step: 'host_acked' as const };
    const next = mergeRequests(first, answer([update, newer]), false);
    expect([...next.byId.keys()]).toEqual(['a', 'b', 'c']);
    expect(next.byId.get('a')!.step).toBe('host_acked');
    expect(next.cursor).toBe(40);
    expect(mergeRequests(next, answer([]), false)).toBe(next);
  });

  it('lets go of what a full answer no longer lists, and starts with a full fetch', () => {
    const held = mergeRequests(null, answer(all), true);
    expect(needsFullFetch(held)).toBe(false);
    expect(needsFullFetch(null)).toBe(true);
    expect([...mergeRequests(held, answer([stuck]), true).byId.keys()]).toEqual(['b']);
  });

  it('holds the newest requests a full fetch would, and every stuck one, however many a busy pool adds', () => {
    const made = (n: number, from: number) => Array.from({ length: n }, (_, i) => requestOf(1 + (i % 50), i % 63, { id: `r${from + i}`, requestedSeq: from + i, updatedSeq: from + i, requestedAt: readAtOf(from + i) }));
    const oldStuck = requestOf(3, 3, { id: 'old-stuck', requestedSeq: 0, updatedSeq: 0, stuck: true });
    let held = mergeRequests(null, answer([oldStuck, ...made(HELD_REQUESTS, 1)]), true);
    for (let second = 1; second <= 5; second++) held = mergeRequests(held, answer(made(4000, second * 10_000)), false);
    expect(held.byId.size).toBe(HELD_REQUESTS);
    expect(held.byId.has('old-stuck')).toBe(true);
    const seqs = [...held.byId.values()].filter((r) => !r.stuck).map((r) => r.requestedSeq);
    // the newest 4999 beside the stuck one: all 4000 of the last answer, the newest 999 of the one before
    expect(Math.min(...seqs)).toBe(44_000 - (HELD_REQUESTS - 1 - 4000));
    expect(held.cursor).toBe(50_000 + 3999);
  });

  it('paces the list in a storm: a `since` answer matching more than the list holds; a full one on a big pool is not one', () => {
    const counted = (requests: typeof all, total: number) => requestList(requests, new Headers({ 'X-Stuck-After-S': '1', 'X-Total-Count': String(total) }));
    const full = mergeRequests(null, counted([replied, stuck], 20_000), true);
    expect(full).toMatchObject({ leftOut: 0, storm: false });
    expect(requestsRefreshMs(full, 1000)).toBe(1000);
    const storm = mergeRequests(full, counted([{ ...replied, updatedSeq: 50 }, newer], 25_002), false);
    expect(storm).toMatchObject({ leftOut: 25_000, storm: true });
    expect(requestsRefreshMs(storm, 1000)).toBe(STORM_REFRESH_MS);
    // paced, a refresh brings STORM_LIMIT: one that left some out but matched no more than the list holds is calm
    const easing = mergeRequests(storm, counted([{ ...newer, updatedSeq: 55 }], HELD_REQUESTS), false);
    expect(easing).toMatchObject({ leftOut: HELD_REQUESTS - 1, storm: false });
    expect(requestsRefreshMs(easing, 1000)).toBe(1000);
    const calm = mergeRequests(easing, counted([{ ...newer, updatedSeq: 60 }], 1), false);
    expect(calm).toMatchObject({ leftOut: 0, storm: false });
    expect(requestsRefreshMs(undefined, 1000)).toBe(1000);
  });
});
