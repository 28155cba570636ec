import { useEffect, useMemo, useRef } from 'react';
import type { TimelineRead } from '@/components/timeline/history-buffer';
import { jumpToMark, stepRead } from '@/components/timeline/timeline-layout';
import type { HistoryMode } from './use-url-state';
import { currentUrlState } from './use-url-state';
import type { UrlState } from './url-state';

export interface TimeTravel {
  /** show read `seq` (null: live) */
  seek: (seq: number | null, mode: HistoryMode) => void;
  /** one read back or forward; forward past the latest held read returns to live */
  step: (by: -1 | 1) => void;
  /** to the previous or next read with a mark on the timeline */
  jump: (by: -1 | 1) => void;
  toLive: () => void;
}

/**
 * Moves through time by writing `seq` into the URL: entering time travel and
 * returning to live push a history entry (the back button undoes them);
 * stepping from read to read replaces it.
 */
export function useTimeTravel(go: (next: UrlState, mode: HistoryMode) => void, reads: readonly TimelineRead[], liveSeq: number | null): TimeTravel {
  const latest = useRef({ reads, liveSeq });
  useEffect(() => {
    latest.current = { reads, liveSeq };
  });
  return useMemo(() => {
    const seek = (seq: number | null, mode: HistoryMode) => go({ ...currentUrlState(), seq }, mode);
    /** where stepping starts: the read shown, or the live one */
    const from = () => currentUrlState().seq ?? latest.current.liveSeq ?? latest.current.reads.at(-1)?.seq ?? null;
    return {
      seek,
      step(by) {
        const start = from();
        if (start === null) return;
        const past = currentUrlState().seq !== null;
        if (!past && by > 0) return;
        const next = stepRead(latest.current.reads, start, by);
        if (next !== null) seek(next, past ? 'replace' : 'push');
        else if (past && by > 0) seek(null, 'push');
      },
      jump(by) {
        const start = from();
        if (start === null) return;
        const next = jumpToMark(latest.current.reads, start, by);
        if (next !== null) seek(next, currentUrlState().seq === null ? 'push' : 'replace');
      },
      toLive() {
        if (currentUrlState().seq !== null) seek(null, 'push');
      },
    };
  }, [go]);
}
