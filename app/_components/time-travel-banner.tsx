'use client';

import { formatAge, formatClockMs } from '@/lib/format/units';
import { useNow } from '@/components/ui/use-now';

interface TimeTravelBannerProps {
  seq: number;
  /** the read's time when known (the past snapshot, or the timeline) */
  readAt: number | null;
  /** the latest read held: how far back this is */
  latestSeq: number | null;
  loading: boolean;
  error: Error | undefined;
  onStep: (by: -1 | 1) => void;
  onLive: () => void;
}

/**
 * Time travel must be impossible to mistake for live: the whole view shows a
 * past read. Says which read and when, and one click (or L, or Esc) returns.
 */
export function TimeTravelBanner({ seq, readAt, latestSeq, loading, error, onStep, onLive }: TimeTravelBannerProps) {
  const now = useNow();
  const behind = latestSeq !== null && latestSeq > seq ? latestSeq - seq : null;
  return (
    <div role="status" data-testid="time-travel" className="flex flex-wrap items-center gap-x-3 gap-y-1 bg-(--oi-blue) px-3 py-1.5 text-[14px] text-white">
      <span aria-hidden className="text-[16px]">⏪</span>
      {error ? (
        <span className="font-semibold">NOT LIVE: read #{seq} cannot be shown: {error.message}</span>
      ) : (
        <span>
          <span className="font-semibold">NOT LIVE: read #{seq}</span>
          {readAt !== null && <> at <span className="num font-semibold">{formatClockMs(readAt)}</span> ({now - readAt < 1000 ? 'under 1 s ago' : formatAge(now - readAt)})</>}
          {behind !== null && <>, {behind} {behind === 1 ? 'read' : 'reads'} before the latest</>}
          . The grid and the bytes are as they were then{loading ? ' (loading…)' : ''}.
        </span>
      )}
      <span className="ml-auto flex items-center gap-1.5">
        <button type="button" onClick={() => onStep(-1)} className="banner-btn" title="the previous read ([)">◀ <kbd>[</kbd></button>
        <button type="button" onClick={() => onStep(1)} className="banner-btn" title="the next read (])"><kbd>]</kbd> ▶</button>
        <button type="button" onClick={onLive} className="banner-btn font-semibold" data-testid="back-to-live" title="back to live (L or Esc)">
          <span aria-hidden>●</span> back to live <kbd>L</kbd>
        </button>
      </span>
    </div>
  );
}
