import type { GridCounts } from '@/components/live-grid/grid-model';
import { STEP_LOOKS, STEP_ORDER } from '@/components/vocabulary/steps';
import { formatClock } from '@/lib/format/units';
import type { ScreenMode } from './use-read-on-screen';

/** The requests' numbers at the read on screen: the same ones the requests table lists. */
export interface RequestCountsAt {
  waiting: number;
  stuck: number;
  failed: number;
  /** nothing is answering (a dump): open requests have "no reply in this dump" rather than being stuck */
  static: boolean;
}

interface CountsBarProps {
  counts: GridCounts;
  /** null while the requests are not known yet */
  requests: RequestCountsAt | null;
  watchingSince: number;
  mode: ScreenMode;
}

function Count({ n, children, alarm = false }: { n: number; children: string; alarm?: boolean }) {
  const loud = alarm && n > 0;
  return (
    <span className={loud ? 'font-semibold text-(--ink-vermillion)' : ''}>
      {loud && <span aria-hidden>✗ </span>}
      <span className="num">{n}</span> {children}
    </span>
  );
}

const Dot = () => <span className="text-faint">·</span>;

/** The numbers a person checks first, in one line, all of the read on screen. */
export function CountsBar({ counts, requests, watchingSince, mode }: CountsBarProps) {
  const now = mode === 'live' ? ' now' : '';
  // Steps the requests' counts already say are not repeated from the grid's cells.
  const fromRequests = new Set(requests ? ['failed'] : []);
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 text-[13px]" data-testid="counts">
      {mode === 'past' && <span className="badge" data-tone="past">⏪ at the read shown</span>}
      {mode === 'paused' && <span className="badge" data-tone="outside">⏸ at the paused read</span>}
      <Count n={counts.hostsWithMail}>{counts.hostsWithMail === 1 ? 'host with mail' : 'hosts with mail'}</Count>
      <Dot />
      {requests ? (
        <>
          <span data-testid="waiting-count">
            <Count n={requests.waiting}>{`${requests.waiting === 1 ? 'request' : 'requests'} ${requests.static ? 'with no reply in this static source' : 'waiting for a reply'}`}</Count>
          </span>
          {!requests.static && (
            <>
              <Dot />
              <span className={requests.stuck > 0 ? 'font-semibold text-(--ink-orange)' : ''} data-testid="stuck-count">
                {requests.stuck > 0 && <span aria-hidden>⏱ </span>}<span className="num">{requests.stuck}</span> stuck
              </span>
            </>
          )}
          {requests.failed > 0 && (
            <>
              <Dot />
              <span className="font-semibold text-(--ink-vermillion)" data-testid="failed-count">
                <span aria-hidden>✗ </span><span className="num">{requests.failed}</span> {requests.failed === 1 ? 'extend failed' : 'extends failed'} (size 0)
              </span>
            </>
          )}
        </>
      ) : (
        <span className="text-muted">requests: loading…</span>
      )}
      <Dot />
      <span>
        <Count n={counts.failingNow} alarm>{counts.failingNow === 1 ? `mailbox failing its checksum${now}` : `mailboxes failing their checksum${now}`}</Count>
        {mode === 'live' && (
          <span className="text-muted">
            {' '}(<span className="num">{counts.failingSeen}</span> since {formatClock(watchingSince)})
          </span>
        )}
      </span>
      {STEP_ORDER.filter((step) => counts.problemSteps[step] && !fromRequests.has(step)).map((step) => (
        <span key={step} className="flex items-baseline gap-1">
          <Dot />
          <span className="step h-[16px] px-1 text-[11px]" data-step={step}>{STEP_LOOKS[step].glyph}</span>
          <span className="num font-semibold">{counts.problemSteps[step]}</span> {STEP_LOOKS[step].word}
        </span>
      ))}
    </p>
  );
}
