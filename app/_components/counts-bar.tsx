import type { GridCounts } from '@/components/live-grid/grid-model';
import { STEP_LOOKS, STEP_ORDER } from '@/components/vocabulary/steps';
import { formatClock } from '@/components/format/units';

interface CountsBarProps {
  counts: GridCounts;
  watchingSince: number;
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
export function CountsBar({ counts, watchingSince }: CountsBarProps) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 text-[13px]" data-testid="counts">
      <Count n={counts.hostsWithMail}>{counts.hostsWithMail === 1 ? 'host with mail' : 'hosts with mail'}</Count>
      <span className="text-faint">·</span>
      <Count n={counts.waiting}>{counts.waiting === 1 ? 'request waiting for a reply' : 'requests waiting for a reply'}</Count>
      <span className="text-faint">·</span>
      <span>
        <Count n={counts.failingNow} alarm>{counts.failingNow === 1 ? 'mailbox failing its checksum now' : 'mailboxes failing their checksum now'}</Count>
        <span className="text-muted">
          {' '}(<span className="num">{counts.failingSeen}</span> since {formatClock(watchingSince)})
        </span>
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
