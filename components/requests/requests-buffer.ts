/**
 * The requests followed by the server, kept in the browser and refreshed
 * with `?since=`: only the records with a step after the newest step held
 * come back (and every stuck one), merged by id. A full fetch now and then
 * lets go of the records the server dropped from its history.
 */
import type { RequestJson } from '@/lib/api/history-types';
import type { RequestCounts, RequestList } from '@/components/episodes/episodes-response';

export interface RequestsBuffer {
  byId: ReadonlyMap<string, RequestJson>;
  /** the newest step held: what to ask `?since=` next */
  cursor: number | null;
  stuckS: number;
  asOf: string | null;
  counts: RequestCounts | null;
}

/** `full`: the answer lists every request the server keeps (no `since`). */
export function mergeRequests(prev: RequestsBuffer | null, answer: RequestList, full: boolean): RequestsBuffer {
  const byId = new Map(full || !prev ? [] : prev.byId);
  let changed = full || !prev;
  for (const r of answer.requests) {
    const held = byId.get(r.id);
    if (held && held.updatedSeq === r.updatedSeq && held.stuck === r.stuck && held.waitingMs === r.waitingMs) continue;
    byId.set(r.id, r);
    changed = true;
  }
  let cursor = full ? null : prev?.cursor ?? null;
  for (const r of answer.requests) cursor = cursor === null ? r.updatedSeq : Math.max(cursor, r.updatedSeq);
  const same = !changed && prev !== null && prev.asOf === answer.asOf && prev.stuckS === answer.stuckS
    && JSON.stringify(prev.counts) === JSON.stringify(answer.counts);
  if (same) return prev;
  return { byId: changed ? byId : prev!.byId, cursor, stuckS: answer.stuckS, asOf: answer.asOf, counts: answer.counts };
}

/** Whether the next fetch must be a full one: nothing held yet to continue from. */
export function needsFullFetch(buffer: RequestsBuffer | null): boolean {
  return !buffer || buffer.cursor === null;
}
