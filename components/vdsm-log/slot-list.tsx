import { humanMiB } from '@/lib/format/units';
import type { SlotSummary } from '@/lib/vdsm-log';

/** The non-empty slots of a logged mailbox, one line each. */
export function SlotList({ slots }: { slots: SlotSummary[] }) {
  if (slots.length === 0) return <p className="text-muted">All message slots empty.</p>;
  return (
    <ul className="font-mono text-[12px]" data-slots>
      {slots.map((s) => (
        <li key={s.index} data-slot={s.index} data-slot-kind={s.kind}>
          slot <span className="num">{s.index}</span>: {s.kind === 'extend'
            ? <>▲ extend volume {s.volume} in domain {s.domain} to {s.sizeMiB === null || s.sizeMiB === undefined ? 'a bad size' : humanMiB(s.sizeMiB)}</>
            : s.kind === 'clean' ? '· CLEAN (the host acknowledged a reply)' : `? ${s.reason ?? 'unknown'}`}
        </li>
      ))}
    </ul>
  );
}
