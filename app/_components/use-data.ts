import { useCallback, useState } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import type { MailboxResponse, SourceInfo, SourcesResponse } from '@/lib/api/types';
import { workerFetch } from '@/components/live-grid/answer-fetch';
import { createPastSnapshotFetcher, createSnapshotFetcher } from '@/components/live-grid/snapshot-fetcher';
import type { GridModel } from '@/components/live-grid/grid-model';
import { createHistoryFetcher } from '@/components/timeline/history-fetcher';
import type { HistoryBuffer } from '@/components/timeline/history-buffer';
import { createRequestsFetcher } from '@/components/requests/requests-fetcher';
import { requestsRefreshMs, type RequestsBuffer } from '@/components/requests/requests-buffer';
import { createEpisodesFetcher, type EpisodesBuffer } from '@/components/episodes/episodes-fetcher';
import { jsonFetcher, retryAfter } from './fetch-json';
import { useTransport } from './transport';

function polling(pollMs: number, live: boolean): SWRConfiguration {
  return {
    refreshInterval: live ? pollMs : 0,
    // SWR dedupes interval refreshes too: keep the window under one interval.
    dedupingInterval: Math.max(50, Math.floor(pollMs / 2)),
    revalidateOnFocus: live,
    revalidateOnReconnect: live,
    onErrorRetry: (_err, _key, _config, revalidate, { retryCount }) => {
      if (live) setTimeout(() => void revalidate({ retryCount }), retryAfter(pollMs, retryCount));
    },
  };
}

/** A past read never changes: fetched once, kept while the next one loads, not retried on 404. */
const FROZEN: SWRConfiguration = {
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  revalidateIfStale: false,
  shouldRetryOnError: false,
  keepPreviousData: true,
};

/** History, episodes and requests change at most once a read, and matter at a human pace: at most once a second. */
const historyPollMs = (source: SourceInfo | null) => Math.max(1000, source?.pollMs ?? 1000);

const base = (source: SourceInfo) => `/api/sources/${encodeURIComponent(source.id)}`;

/**
 * SWR keys carry the transport's kind: opened files and the server may both
 * have a source of the same id, and SWR's cache outlives a page change.
 */
function useKey(url: string | null): [string, string] | null {
  const { kind } = useTransport();
  return url === null ? null : [url, kind];
}

/** A fetcher made once per hook, over the transport's fetch. */
function useFetcher<F>(create: (fetchImpl: ReturnType<typeof useTransport>['fetch']) => F): F {
  const transport = useTransport();
  const [fetcher] = useState(() => create(transport.fetch));
  return fetcher;
}

/** `first`: the list the page was rendered with (first-screen.ts), shown until the first answer. */
export function useSources(first?: SourcesResponse) {
  const fetcher = useFetcher(jsonFetcher);
  return useSWR<SourcesResponse>(useKey('/api/sources'), ([url]: [string]) => fetcher<SourcesResponse>(url),
    { revalidateOnFocus: false, refreshInterval: 30_000, fallbackData: first });
}

/** How long the server may hold a live grid request until something changed (`wait=`). */
const waitMs = (pollMs: number) => Math.min(10_000, Math.max(2000, 4 * pollMs));
/** Pause between two held requests: the server's answer, not this, paces the live grid. */
const LIVE_GAP_MS = 20;

/**
 * The selected source's snapshot as a grid model (`view=cells`: the grid's view, packed). After the first
 * answer, each request asks for the hosts changed since the read held (`since=`) and the server holds
 * it until one did (`wait=`), so a write shows one read after it lands, and a quiet pool costs a 304
 * every few seconds.
 */
export function useLiveSnapshot(source: SourceInfo | null, live: boolean, first?: GridModel) {
  // The server holds a request until something changed; opened files are answered in this browser, at their pace.
  const held = useTransport().kind === 'server';
  // The server's answers are read and parsed in a worker: the main thread is left the rows to draw.
  const fetcher = useFetcher((fetchImpl) => createSnapshotFetcher(held ? workerFetch(fetchImpl) : fetchImpl, Date.now, first));
  const pollMs = source?.pollMs ?? 1000;
  const key = useKey(source ? `${base(source)}/snapshot?view=cells${held ? `&wait=${waitMs(pollMs)}` : ''}` : null);
  const pacing = held ? { refreshInterval: live ? LIVE_GAP_MS : 0, dedupingInterval: LIVE_GAP_MS } : {};
  // `first`: the first screen the page came with (a partial model), shown until the first answer.
  return useSWR<GridModel>(key, ([url]: [string]) => fetcher(url), { ...polling(pollMs, live), ...pacing, compare: (a, b) => a === b, fallbackData: first });
}

/** The snapshot as it was at read `seq` (time travel, or the read frozen by a pause); null seq: nothing. */
export function usePastSnapshot(source: SourceInfo | null, seq: number | null) {
  const fetcher = useFetcher(createPastSnapshotFetcher);
  const key = useKey(source && seq !== null ? `${base(source)}/snapshot?seq=${seq}&view=cells` : null);
  return useSWR<GridModel>(key, ([url]: [string]) => fetcher(url), { ...FROZEN, compare: (a, b) => a === b });
}

/**
 * One host's raw mailboxes at read `seq`, the read on screen (`previous`: the version before). Each read's
 * bytes never change, so each is fetched once; live, the grid's next read brings the next fetch.
 */
export function useMailbox(source: SourceInfo | null, host: number | null, seq: number | null) {
  const fetcher = useFetcher(jsonFetcher);
  const key = useKey(source && host !== null ? `${base(source)}/mailbox/${host}${seq === null ? '' : `?seq=${seq}`}` : null);
  // keepPreviousData: the detail dims the last host's bytes while the next host's load, instead of collapsing
  return useSWR<MailboxResponse>(key, ([url]: [string]) => fetcher<MailboxResponse>(url),
    seq !== null ? FROZEN : { ...polling(source?.pollMs ?? 1000, true), keepPreviousData: true });
}

/** The reads of the history window, for the timeline. */
export function useHistory(source: SourceInfo | null, live: boolean) {
  const fetcher = useFetcher(createHistoryFetcher);
  const key = useKey(source ? `${base(source)}/history` : null);
  return useSWR<HistoryBuffer>(key, ([url]: [string]) => fetcher(url), { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}

/** Checksum-failure episodes with their verdicts, refreshed with `?since=` the newest update held. */
export function useEpisodes(source: SourceInfo | null, live: boolean) {
  const fetcher = useFetcher(createEpisodesFetcher);
  const key = useKey(source ? `${base(source)}/episodes` : null);
  return useSWR<EpisodesBuffer>(key, ([url]: [string]) => fetcher(url), { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}

export function useRequests(source: SourceInfo | null, live: boolean) {
  const fetcher = useFetcher(createRequestsFetcher);
  const key = useKey(source ? `${base(source)}/requests` : null);
  const normalMs = historyPollMs(source);
  const config = polling(normalMs, live);
  // In a storm (an answer that left requests out) the list is paced: see STORM_REFRESH_MS. One function
  // while the interval's inputs stay: SWR restarts its timer whenever it is given another.
  const refreshInterval = useCallback((data: RequestsBuffer | undefined) => (live ? requestsRefreshMs(data, normalMs) : 0), [live, normalMs]);
  return useSWR<RequestsBuffer>(key, ([url]: [string]) => fetcher(url), { ...config, refreshInterval, compare: (a, b) => a === b });
}
