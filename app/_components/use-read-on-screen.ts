import { useCallback, useMemo, useState } from 'react';
import type { SWRResponse } from 'swr';
import type { GridModel } from '@/components/live-grid/grid-model';
import type { TimelineRead } from '@/components/timeline/history-buffer';
import { readOfSeq } from '@/components/timeline/timeline-layout';
import type { SourceInfo } from '@/lib/api/types';
import { usePastSnapshot } from './use-data';

export type ScreenMode = 'live' | 'paused' | 'past';

/**
 * The one read every panel shows: the latest while live, the read frozen by
 * a pause, or the read chosen on the timeline. Header, grid, host detail,
 * requests, episodes, exports and the incident summary all take it from here.
 */
export interface ReadOnScreen {
  mode: ScreenMode;
  /** null before the first read */
  seq: number | null;
  /** epoch ms of that read, when known */
  readAt: number | null;
  /** the read to ask the server for, or null for its latest (live) */
  pinned: number | null;
  /** the grid model of that read (while the one asked for loads, the previous one, dimmed: see `loading`) */
  model: GridModel | undefined;
  /** the read asked for is not on screen yet */
  loading: boolean;
  error: Error | undefined;
}

/** Pausing freezes the read on screen at the read `toggle` is given (the newest known when it is pressed). */
export function usePause() {
  const [paused, setPaused] = useState<{ seq: number | null } | null>(null);
  const resume = useCallback(() => setPaused(null), []);
  const toggle = useCallback((newest: number | null) => setPaused((p) => (p ? null : { seq: newest })), []);
  return { paused, resume, toggle };
}

export function useReadOnScreen(
  source: SourceInfo | null,
  travelSeq: number | null,
  paused: { seq: number | null } | null,
  live: SWRResponse<GridModel>,
  reads: readonly TimelineRead[],
): ReadOnScreen {
  const liveModel = live.data;
  const mode: ScreenMode = travelSeq !== null ? 'past' : paused ? 'paused' : 'live';
  const pinned = travelSeq ?? paused?.seq ?? null;
  // A pause freezes the live model as it was; should a fetch under way then land a newer read, the paused one is asked for.
  const frozenIsPinned = mode === 'paused' && liveModel?.lastRead.seq === pinned;
  const onLive = mode === 'live' || frozenIsPinned || pinned === null;
  const past = usePastSnapshot(source, onLive ? null : pinned);

  return useMemo(() => {
    const model = onLive ? liveModel : past.data ?? liveModel;
    const loading = !onLive && past.data?.lastRead.seq !== pinned;
    const seq = pinned ?? liveModel?.lastRead.seq ?? null;
    const readAt = model && !loading ? Date.parse(model.lastRead.readAt) : seq !== null ? readOfSeq(reads, seq)?.at ?? null : null;
    return { mode, seq, readAt, pinned, model, loading, error: onLive ? live.error : past.error };
  }, [mode, pinned, onLive, liveModel, past.data, past.error, live.error, reads]);
}
