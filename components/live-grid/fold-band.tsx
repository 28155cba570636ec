import { idRanges } from './visible-rows';

interface FoldBandProps {
  folded: readonly number[];
  expanded: boolean;
  onToggle: () => void;
}

/** The one line that stands for every host without mail; a button opens them. */
export function FoldBand({ folded, expanded, onToggle }: FoldBandProps) {
  if (!expanded && folded.length === 0) return null;
  return (
    <button
      type="button"
      onClick={onToggle}
      className="grid h-[24px] w-full grid-cols-[var(--host-col)_minmax(0,1fr)] items-center border-b border-line text-left text-[12px] text-muted hover:bg-hover"
    >
      <span className="pr-2 text-right" aria-hidden>⋯</span>
      {expanded ? (
        <span>hide the hosts without mail <span className="text-faint">(e)</span></span>
      ) : (
        <span>
          <span className="num font-semibold text-fg">{folded.length}</span> {folded.length === 1 ? 'host' : 'hosts'} without mail
          <span className="font-mono text-faint"> ({idRanges(folded)})</span> · <span className="underline">show</span>
          <span className="text-faint"> (e)</span>
        </span>
      )}
    </button>
  );
}
