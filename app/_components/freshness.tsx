'use client';

import type { GridModel } from '@/components/live-grid/grid-model';
import { formatAge, formatClock, formatDuration, formatInterval } from '@/lib/format/units';
import { sourceWarnings } from './source-warnings';
import type { SourceInfo } from '@/lib/api/types';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useNow } from '@/components/ui/use-now';
import type { ScreenMode } from './use-read-on-screen';
import { readWindowText } from '@/lib/mailbox';

interface FreshnessProps {
  source: SourceInfo;
  /** the read on screen */
  model: GridModel | undefined;
  mode: ScreenMode;
}

interface WarningsProps {
  source: SourceInfo;
  /** the latest read: its problems are said whatever the screen shows */
  model: GridModel | undefined;
  live: boolean;
}

/** "every 0.5 s · read 10:41:07 (2 s ago) · 0.4 ms · O_DIRECT", ticking every second. */
export function Freshness({ source, model, mode }: FreshnessProps) {
  const now = useNow();
  // The clock and the age are this browser's: not rendered with the page (the server's time and time zone differ).
  const hydrated = useHydrated();
  const snapshot = model?.snapshot;
  const readAt = model && hydrated ? Date.parse(model.lastRead.readAt) : null;
  const readMs = Math.max(snapshot?.inbox?.readMs ?? 0, snapshot?.outbox?.readMs ?? 0);
  const direct = snapshot ? [snapshot.inbox, snapshot.outbox].every((v) => !v || v.direct) : null;
  return (
    <span className="flex items-center gap-2 whitespace-nowrap text-[12px] text-muted">
      <span>every <span className="num">{formatInterval(source.pollMs)}</span></span>
      {readAt !== null && (
        <>
          <span aria-hidden>·</span>
          <span data-testid="read-time">
            read <span className="num text-fg">#{model!.lastRead.seq}</span> at <span className="num text-fg">{formatClock(readAt)}</span>{' '}
            {/* the age is measured on this browser's clock, from when the read was first seen: immune to clock skew */}
            <span className="num inline-block min-w-[8ch] text-left">({mode === 'live' ? formatAge(now - model!.readSeenAt) : mode === 'paused' ? 'paused' : formatAge(now - readAt)})</span>
          </span>
          <span aria-hidden>·</span>
          <span className="num" title="how long the last read of the volumes took">{formatDuration(readMs)}</span>
          <span aria-hidden>·</span>
          <span title={`vdsm's maxHostID: ${readWindowText(source.maxHostId)}`}>
            maxHostId <span className="num">{source.maxHostId}</span>
          </span>
          <span aria-hidden>·</span>
          {direct ? <span title="reads bypass the page cache">O_DIRECT</span> : <span className="badge" data-tone="outside">⚠ page cache</span>}
          {snapshot?.static && (
            <span className="badge" data-tone="empty" data-testid="static-source"
              title="no byte changed since the inspector's first read: a dump, or a pool where nothing moves. Requests in it have no reply in this dump; none is called stuck.">
              static
            </span>
          )}
        </>
      )}
    </span>
  );
}

/** The problems of the view itself, in red or yellow, on the header. */
export function Warnings({ source, model, error, live }: WarningsProps & { error: Error | undefined }) {
  const now = useNow();
  const hydrated = useHydrated(); // they weigh ages on this browser's clock
  const warnings = hydrated ? sourceWarnings(source, model, error, now, live) : [];
  if (warnings.length === 0) return null;
  return (
    <ul role="alert" className="space-y-px border-t border-line px-3 py-1 text-[12px]">
      {warnings.map((w, i) => (
        <li key={i} className="flex items-baseline gap-2">
          <span className="badge" data-tone={w.severity === 'error' ? 'corrupt' : 'outside'}>{w.severity === 'error' ? '✗' : '⚠'}</span>
          <span className={w.severity === 'error' ? 'font-semibold' : ''}>{w.text}</span>
        </li>
      ))}
    </ul>
  );
}
