/**
 * The SWR fetcher of a source's history: the whole history once, then the
 * reads after the last one held. A server that restarted (seqs went back)
 * is asked for everything again.
 */
import type { HistoryResponse } from '@/lib/api/history-types';
import type { FetchLike } from '@/components/live-grid/snapshot-fetcher';
import { responseError } from '@/components/live-grid/snapshot-fetcher';
import { mergeHistory, mustRestart, type HistoryBuffer } from './history-buffer';

export function createHistoryFetcher(fetchImpl: FetchLike = (u, i) => fetch(u, i)) {
  const buffers = new Map<string, HistoryBuffer>();
  const get = async (url: string): Promise<HistoryResponse> => {
    const res = await fetchImpl(url, { cache: 'no-store' });
    if (!res.ok) throw await responseError(res, 'history');
    return (await res.json()) as HistoryResponse;
  };
  return async function fetchHistory(url: string): Promise<HistoryBuffer> {
    const held = buffers.get(url) ?? null;
    const last = held?.reads[held.reads.length - 1]?.seq;
    let answer = await get(last === undefined ? url : `${url}${url.includes('?') ? '&' : '?'}since=${last}`);
    let base = held;
    if (held && mustRestart(held, answer)) {
      answer = await get(url);
      base = null;
    }
    const merged = mergeHistory(base, answer);
    buffers.set(url, merged);
    return merged;
  };
}
