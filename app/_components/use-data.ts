'use client';

import { useState } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import type { MailboxResponse, SourceInfo, SourcesResponse } from '@/lib/api/types';
import { createPastSnapshotFetcher, createSnapshotFetcher } from '@/components/live-grid/snapshot-fetcher';
import type { GridModel } from '@/components/live-grid/grid-model';
import { createHistoryFetcher } from '@/components/timeline/history-fetcher';
import type { HistoryBuffer } from '@/components/timeline/history-buffer';
import { createRequestsFetcher } from '@/components/requests/requests-fetcher';
import type { RequestsBuffer } from '@/components/requests/requests-buffer';
import { createEpisodesFetcher, type EpisodesBuffer } from '@/components/episodes/episodes-fetcher';
import { useDataLayer } from './data-layer';
import { fetchJson, retryAfter } from './fetch-json';

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

/** GET JSON through the data layer (the server, or opened files). */
function useFetchJson() {
  const { fetch } = useDataLayer();
  const [fetcher] = useState(() => <T,>(url: string) => fetchJson<T>(url, fetch));
  return fetcher;
}

export function useSources() {
  const { local } = useDataLayer();
  // Opened files change the list as they are opened: ask often, it costs no request.
  return useSWR<SourcesResponse>('/api/sources', useFetchJson(), { revalidateOnFocus: false, refreshInterval: local ? 500 : 30_000 });
}

/** The selected source's snapshot as a grid model, polled with If-None-Match; the grid's view of it (no slot bytes). */
export function useLiveSnapshot(source: SourceInfo | null, live: boolean) {
  const { fetch } = useDataLayer();
  const [fetcher] = useState(() => createSnapshotFetcher(fetch));
  const key = source ? `${base(source)}/snapshot?view=grid` : null;
  return useSWR<GridModel>(key, fetcher, { ...polling(source?.pollMs ?? 1000, live), compare: (a, b) => a === b });
}

/** The snapshot as it was at read `seq` (time travel); null seq: nothing. */
export function usePastSnapshot(source: SourceInfo | null, seq: number | null) {
  const { fetch } = useDataLayer();
  const [fetcher] = useState(() => createPastSnapshotFetcher(fetch));
  const key = source && seq !== null ? `${base(source)}/snapshot?seq=${seq}&view=grid` : null;
  return useSWR<GridModel>(key, fetcher, { ...FROZEN, compare: (a, b) => a === b });
}

/** One host's raw mailboxes: polled while its detail is open, or as they were at read `seq` (`previous`: the version before). */
export function useMailbox(source: SourceInfo | null, host: number | null, live: boolean, seq: number | null) {
  const key = source && host !== null ? `${base(source)}/mailbox/${host}${seq === null ? '' : `?seq=${seq}`}` : null;
  // keepPreviousData: the detail dims the last host's bytes while the next host's load, instead of collapsing
  return useSWR<MailboxResponse>(key, useFetchJson(), seq !== null ? FROZEN : { ...polling(source?.pollMs ?? 1000, live), keepPreviousData: true });
}

/** The reads of the history window, for the timeline. */
export function useHistory(source: SourceInfo | null, live: boolean) {
  const { fetch } = useDataLayer();
  const [fetcher] = useState(() => createHistoryFetcher(fetch));
  const key = source ? `${base(source)}/history` : null;
  return useSWR<HistoryBuffer>(key, fetcher, { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}

/** Checksum-failure episodes with their verdicts, refreshed with `?since=` the newest update held. */
export function useEpisodes(source: SourceInfo | null, live: boolean) {
  const { fetch } = useDataLayer();
  const [fetcher] = useState(() => createEpisodesFetcher(fetch));
  const key = source ? `${base(source)}/episodes` : null;
  return useSWR<EpisodesBuffer>(key, fetcher, { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}

export function useRequests(source: SourceInfo | null, live: boolean) {
  const { fetch } = useDataLayer();
  const [fetcher] = useState(() => createRequestsFetcher(fetch));
  const key = source ? `${base(source)}/requests` : null;
  return useSWR<RequestsBuffer>(key, fetcher, { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}
