import { responseError, type FetchLike } from '@/components/live-grid/snapshot-fetcher';

/** A GET of JSON through `fetchImpl`; errors become sentences naming what failed. */
export function jsonFetcher(fetchImpl: FetchLike) {
  return async function fetchJson<T>(url: string): Promise<T> {
    const res = await fetchImpl(url, { cache: 'no-store' });
    if (!res.ok) throw await responseError(res, url);
    return (await res.json()) as T;
  };
}

/** Retry a failed poll soon, then back off to at most 5 s: a live tool must come back by itself. */
export function retryAfter(pollMs: number, retryCount: number): number {
  return Math.min(5000, pollMs * 2 ** Math.min(retryCount, 4));
}
