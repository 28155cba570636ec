/**
 * The SWR fetcher of a source's checksum-failure episodes: everything once,
 * then `?since=` the newest update held (a new failed read, or the read
 * that resolved an episode), merged by id. A full fetch now and then lets go
 * of the episodes the server dropped from its history.
 */
import type { EpisodeJson } from '@/lib/api/history-types';
import type { FetchLike } from '@/components/live-grid/snapshot-fetcher';
import { responseError } from '@/components/live-grid/snapshot-fetcher';
import { episodeList, type EpisodeList } from './episodes-response';

export const FULL_FETCH_EVERY_MS = 60_000;

export interface EpisodesBuffer extends EpisodeList {
  /** the newest `updatedSeq` held: what to ask `?since=` next */
  cursor: number | null;
}

/** Newest first, as the server lists them. */
function newestFirst(a: EpisodeJson, b: EpisodeJson): number {
  return b.startSeq - a.startSeq || a.host - b.host;
}

/** `full`: the answer lists every episode the server keeps. Returns `prev` itself when nothing changed. */
export function mergeEpisodes(prev: EpisodesBuffer | null, answer: EpisodeList, full: boolean): EpisodesBuffer {
  const byId = new Map(full || !prev ? [] : prev.episodes.map((e) => [e.id, e]));
  let changed = full || !prev;
  for (const e of answer.episodes) {
    if (byId.get(e.id)?.updatedSeq === e.updatedSeq) continue;
    byId.set(e.id, e);
    changed = true;
  }
  if (!changed) return prev!;
  const episodes = [...byId.values()].sort(newestFirst);
  const cursor = episodes.reduce<number | null>((max, e) => (max === null || e.updatedSeq > max ? e.updatedSeq : max), null);
  return { episodes, total: full ? answer.total : episodes.length, cursor };
}

export function createEpisodesFetcher(fetchImpl: FetchLike = (u, i) => fetch(u, i), clock: () => number = Date.now) {
  const held = new Map<string, { buffer: EpisodesBuffer; fullAt: number }>();
  return async function fetchEpisodes(url: string): Promise<EpisodesBuffer> {
    const last = held.get(url);
    const full = !last || last.buffer.cursor === null || clock() - last.fullAt > FULL_FETCH_EVERY_MS;
    const query = full ? '' : `${url.includes('?') ? '&' : '?'}since=${last!.buffer.cursor}`;
    const res = await fetchImpl(`${url}${query}`, { cache: 'no-store' });
    if (!res.ok) throw await responseError(res, 'episodes');
    const buffer = mergeEpisodes(full ? null : last!.buffer, episodeList(await res.json(), res.headers), full);
    // a full fetch that changed nothing keeps the old buffer, so nothing re-renders
    const same = full && last && sameEpisodes(last.buffer, buffer);
    held.set(url, { buffer: same ? last.buffer : buffer, fullAt: full ? clock() : last!.fullAt });
    return same ? last.buffer : buffer;
  };
}

function sameEpisodes(a: EpisodesBuffer, b: EpisodesBuffer): boolean {
  return a.episodes.length === b.episodes.length && a.episodes.every((e, i) => e.id === b.episodes[i].id && e.updatedSeq === b.episodes[i].updatedSeq);
}
