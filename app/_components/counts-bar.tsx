import type { GridCounts } from '@/components/live-grid/grid-model';
import { STEP_LOOKS, STEP_ORDER } from '@/components/vocabulary/steps';
import { formatClock } from '@/lib/format/units';

interface CountsBarProps {
  counts: GridCounts;
  /** requests with no reply in time at the read shown; null while unknown */
  stuck: number | null;
  watchingSince: number;
  /** time travel: counts of a past read, so "since the page opened" means nothing */
  past: boolean;
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

/** The numbers a person checks first, in one line. */
export function CountsBar({ counts, stuck, watchingSince, past }: CountsBarProps) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 text-[13px]" data-testid="counts">
      {past && <span className="badge" data-tone="past">⏪ at the read shown</span>}
      <Count n={counts.hostsWithMail}>{counts.hostsWithMail === 1 ? 'host with mail' : 'hosts with mail'}</Count>
      <span className="text-faint">·</span>
      <Count n={counts.waiting}>{counts.waiting === 1 ? 'request waiting for a reply' : 'requests waiting for a reply'}</Count>
      {stuck !== null && (
        <>
          <span className="text-faint">·</span>
          <span className={stuck > 0 ? 'font-semibold text-(--ink-orange)' : ''} data-testid="stuck-count">
            {stuck > 0 && <span aria-hidden>⏱ </span>}<span className="num">{stuck}</span> stuck
          </span>
        </>
      )}
      <span className="text-faint">·</span>
      <span>
        <Count n={counts.failingNow} alarm>{counts.failingNow === 1 ? `mailbox failing its checksum${past ? '' : ' now'}` : `mailboxes failing their checksum${past ? '' : ' now'}`}</Count>
        {!past && (
          <span className="text-muted">
            {' '}(<span className="num">{counts.failingSeen}</span> since {formatClock(watchingSince)})
          </span>
        )}
      </span>
      {STEP_ORDER.filter((step) => counts.problemSteps[step]).map((step) => (
        <span key={step} className="flex items-baseline gap-1">
          <span className="text-faint">·</span>
          <span className="step h-[16px] px-1 text-[11px]" data-step={step}>{STEP_LOOKS[step].glyph}</span>
          <span className="num font-semibold">{counts.problemSteps[step]}</span> {STEP_LOOKS[step].word}
        </span>
      ))}
    </p>
  );
}
