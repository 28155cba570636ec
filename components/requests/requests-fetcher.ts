/** The SWR fetcher of a source's requests: everything once, then `?since=` the newest step held. */
import type { FetchLike } from '@/components/live-grid/snapshot-fetcher';
import { responseError } from '@/components/live-grid/snapshot-fetcher';
import { requestList } from '@/components/episodes/episodes-response';
import { HELD_REQUESTS, mergeRequests, needsFullFetch, STORM_LIMIT, type RequestsBuffer } from './requests-buffer';

/** A full fetch this often anyway, to let go of requests the server no longer keeps. */
export const FULL_FETCH_EVERY_MS = 60_000;
/** More than a pool makes in an hour of ordinary work; stuck ones come first, so none is cut off. */
const FULL_LIMIT = HELD_REQUESTS;

export function createRequestsFetcher(fetchImpl: FetchLike = (u, i) => fetch(u, i), clock: () => number = Date.now) {
  const buffers = new Map<string, { buffer: RequestsBuffer; fullAt: number }>();
  return async function fetchRequests(url: string): Promise<RequestsBuffer> {
    const held = buffers.get(url);
    const full = !held || needsFullFetch(held.buffer) || clock() - held.fullAt > FULL_FETCH_EVERY_MS;
    const query = full ? `limit=${FULL_LIMIT}` : `since=${held!.buffer.cursor}&limit=${held!.buffer.storm ? STORM_LIMIT : FULL_LIMIT}`;
    const res = await fetchImpl(`${url}${url.includes('?') ? '&' : '?'}${query}`, { cache: 'no-store' });
    if (!res.ok) throw await responseError(res, 'requests');
    const buffer = mergeRequests(full ? null : held!.buffer, requestList(await res.json(), res.headers), full);
    // a full fetch that changed nothing keeps the old buffer, so nothing re-renders
    const kept = full && held && sameRequests(held.buffer, buffer) ? held.buffer : buffer;
    buffers.set(url, { buffer: kept, fullAt: full ? clock() : held!.fullAt });
    return kept;
  };
}

function sameRequests(a: RequestsBuffer, b: RequestsBuffer): boolean {
  if (a.byId.size !== b.byId.size || a.asOf !== b.asOf || a.stuckS !== b.stuckS) return false;
  for (const [id, r] of b.byId) {
    const held = a.byId.get(id);
    if (!held || held.updatedSeq !== r.updatedSeq || held.stuck !== r.stuck || held.waitingMs !== r.waitingMs) return false;
  }
  return true;
}
