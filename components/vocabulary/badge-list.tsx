import type { Badge } from './mailbox-status';

/** A mailbox's badges: glyph + WORD in colour, then the numbers in monospace. */
export function BadgeList({ badges, details = true }: { badges: readonly Badge[]; details?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      {badges.map((b) => (
        <span key={b.tone} className={`flex items-center gap-1.5 ${details ? 'min-w-0' : 'shrink-0'}`} title={details ? undefined : b.detail || undefined}>
          <span className="badge" data-tone={b.tone}>
            {b.glyph && <span aria-hidden>{b.glyph}</span>}
            {b.word}
          </span>
          {details && b.detail && <span className="truncate font-mono text-[12px] text-muted">{b.detail}</span>}
        </span>
      ))}
    </span>
  );
}
