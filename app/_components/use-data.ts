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

export function useSources() {
  return useSWR<SourcesResponse>('/api/sources', fetchJson, { revalidateOnFocus: false, refreshInterval: 30_000 });
}

/** How long the server may hold a live grid request until something changed (`wait=`). */
const waitMs = (pollMs: number) => Math.min(10_000, Math.max(2000, 4 * pollMs));
/** Pause between two held requests: the server's answer, not this, paces the live grid. */
const LIVE_GAP_MS = 20;

/**
 * The selected source's snapshot as a grid model (the grid's view: no slot bytes). After the first
 * answer, each request asks for the hosts changed since the read held (`since=`) and the server holds
 * it until one did (`wait=`), so a write shows one read after it lands, and a quiet pool costs a 304
 * every few seconds.
 */
export function useLiveSnapshot(source: SourceInfo | null, live: boolean) {
  const [fetcher] = useState(createSnapshotFetcher);
  const pollMs = source?.pollMs ?? 1000;
  const key = source ? `${base(source)}/snapshot?view=grid&wait=${waitMs(pollMs)}` : null;
  return useSWR<GridModel>(key, fetcher, {
    ...polling(pollMs, live), refreshInterval: live ? LIVE_GAP_MS : 0, dedupingInterval: LIVE_GAP_MS, compare: (a, b) => a === b,
  });
}

/** The snapshot as it was at read `seq` (time travel); null seq: nothing. */
export function usePastSnapshot(source: SourceInfo | null, seq: number | null) {
  const [fetcher] = useState(createPastSnapshotFetcher);
  const key = source && seq !== null ? `${base(source)}/snapshot?seq=${seq}&view=grid` : null;
  return useSWR<GridModel>(key, fetcher, { ...FROZEN, compare: (a, b) => a === b });
}

/** One host's raw mailboxes: polled while its detail is open, or as they were at read `seq` (`previous`: the version before). */
export function useMailbox(source: SourceInfo | null, host: number | null, live: boolean, seq: number | null) {
  const key = source && host !== null ? `${base(source)}/mailbox/${host}${seq === null ? '' : `?seq=${seq}`}` : null;
  // keepPreviousData: the detail dims the last host's bytes while the next host's load, instead of collapsing
  return useSWR<MailboxResponse>(key, fetchJson, seq !== null ? FROZEN : { ...polling(source?.pollMs ?? 1000, live), keepPreviousData: true });
}

/** The reads of the history window, for the timeline. */
export function useHistory(source: SourceInfo | null, live: boolean) {
  const [fetcher] = useState(createHistoryFetcher);
  const key = source ? `${base(source)}/history` : null;
  return useSWR<HistoryBuffer>(key, fetcher, { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}

/** Checksum-failure episodes with their verdicts, refreshed with `?since=` the newest update held. */
export function useEpisodes(source: SourceInfo | null, live: boolean) {
  const [fetcher] = useState(createEpisodesFetcher);
  const key = source ? `${base(source)}/episodes` : null;
  return useSWR<EpisodesBuffer>(key, fetcher, { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}

export function useRequests(source: SourceInfo | null, live: boolean) {
  const [fetcher] = useState(createRequestsFetcher);
  const key = source ? `${base(source)}/requests` : null;
  return useSWR<RequestsBuffer>(key, fetcher, { ...polling(historyPollMs(source), live), compare: (a, b) => a === b });
}
