'use client';

import { useState } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import type { MailboxResponse, SourceInfo, SourcesResponse } from '@/lib/api/types';
import { createSnapshotFetcher } from '@/components/live-grid/snapshot-fetcher';
import type { GridModel } from '@/components/live-grid/grid-model';
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

export function useSources() {
  return useSWR<SourcesResponse>('/api/sources', fetchJson, { revalidateOnFocus: false, refreshInterval: 30_000 });
}

/** The selected source's snapshot as a grid model, polled with If-None-Match. */
export function useLiveSnapshot(source: SourceInfo | null, live: boolean) {
  const [fetcher] = useState(createSnapshotFetcher);
  const key = source ? `/api/sources/${encodeURIComponent(source.id)}/snapshot` : null;
  return useSWR<GridModel>(key, fetcher, { ...polling(source?.pollMs ?? 1000, live), compare: (a, b) => a === b });
}

/** One host's raw mailboxes, polled while its detail is open. */
export function useMailbox(source: SourceInfo | null, host: number | null, live: boolean) {
  const key = source && host !== null ? `/api/sources/${encodeURIComponent(source.id)}/mailbox/${host}` : null;
  // keepPreviousData: the detail dims the last host's bytes while the next host's load, instead of collapsing
  return useSWR<MailboxResponse>(key, fetchJson, { ...polling(source?.pollMs ?? 1000, live), keepPreviousData: true });
}
