/**
 * The requests followed by the server, kept in the browser and refreshed
 * with `?since=`: only the records with a step after the newest step held
 * come back (and every stuck one), merged by id. A full fetch now and then
 * lets go of the records the server dropped from its history. The page
 * holds what a full fetch brings, every stuck request and then the newest:
 * a busy pool makes thousands a second, and merging, counting and sorting
 * all of them every second was half of what made a 2000-host page lag.
 */
import type { RequestJson } from '@/lib/api/history-types';
import type { RequestCounts, RequestList } from '@/components/episodes/episodes-response';

/** Requests held at most (every stuck one is, even past this): as many as a full fetch asks for. */
export const HELD_REQUESTS = 5000;

/**
 * How often the list is refreshed, and how many records a refresh asks for, while more requests
 * changed (or are stuck) since the last refresh than the list holds: a storm (a busy 2000-host pool
 * steps ~25,000 a second). Nobody reads a list that turns over whole every second; fetching and
 * merging 5000 records a second, 3 MB of JSON, was a large part of what the page did in such a
 * storm. The list says it is paced, and a full fetch still comes every minute.
 */
export const STORM_REFRESH_MS = 5000;
export const STORM_LIMIT = 1000;

export interface RequestsBuffer {
  byId: ReadonlyMap<string, RequestJson>;
  /** the newest step held: what to ask `?since=` next */
  cursor: number | null;
  stuckS: number;
  asOf: string | null;
  counts: RequestCounts | null;
  /** How many requests the last `since` answer left out: it matched more than it sent. */
  leftOut: number;
  /**
   * The last `since` answer matched more requests than the list holds (changed since the refresh
   * before, or stuck): the list refreshes every STORM_REFRESH_MS, STORM_LIMIT at a time, and says so.
   */
  storm: boolean;
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
  if (changed) keepNewest(byId, HELD_REQUESTS);
  let cursor = full ? null : prev?.cursor ?? null;
  for (const r of answer.requests) cursor = cursor === null ? r.updatedSeq : Math.max(cursor, r.updatedSeq);
  // a full answer leaves out old requests on any big pool: only a `since` answer can tell a storm
  const leftOut = full ? 0 : Math.max(0, answer.matched - answer.requests.length);
  const storm = !full && answer.matched > HELD_REQUESTS;
  const same = !changed && prev !== null && prev.asOf === answer.asOf && prev.stuckS === answer.stuckS && prev.leftOut === leftOut
    && prev.storm === storm && JSON.stringify(prev.counts) === JSON.stringify(answer.counts);
  if (same) return prev;
  return { byId: changed ? byId : prev!.byId, cursor, stuckS: answer.stuckS, asOf: answer.asOf, counts: answer.counts, leftOut, storm };
}

/** Lets go of all but the `most` newest requests (by the read that showed them), stuck ones kept. */
function keepNewest(byId: Map<string, RequestJson>, most: number): void {
  if (byId.size <= most) return;
  const seqs: number[] = [];
  for (const r of byId.values()) if (!r.stuck) seqs.push(r.requestedSeq);
  const room = most - (byId.size - seqs.length);
  if (seqs.length <= room) return;
  // The room-th newest is the oldest kept (ties at it are kept too).
  const sorted = Float64Array.from(seqs).sort();
  const oldestKept = room > 0 ? sorted[sorted.length - room] : Infinity;
  for (const [id, r] of byId) if (!r.stuck && r.requestedSeq < oldestKept) byId.delete(id);
}

/** How long until the next refresh: `normalMs`, or STORM_REFRESH_MS in a storm. */
export function requestsRefreshMs(buffer: RequestsBuffer | undefined, normalMs: number): number {
  return buffer?.storm ? Math.max(normalMs, STORM_REFRESH_MS) : normalMs;
}

/** Whether the next fetch must be a full one: nothing held yet to continue from. */
export function needsFullFetch(buffer: RequestsBuffer | null): boolean {
  return !buffer || buffer.cursor === null;
}
