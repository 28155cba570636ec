import type { DecodedSlot } from '@/lib/mailbox';
import { humanMiB } from '@/lib/format/units';
import { CopyButton } from '@/components/ui/copy-button';
import { StepMark } from '@/components/vocabulary/step-mark';
import { slotLine } from '@/components/vocabulary/slot-line';
import type { DetailSlot } from './decode-detail';

interface SlotTableProps {
  host: number;
  slots: readonly DetailSlot[];
  selectedSlot: number | null;
  onSelect: (slot: number) => void;
}

function kindText(slot: DecodedSlot | undefined, request?: DecodedSlot): string {
  if (!slot) return '—';
  if (slot.kind === 'extend') {
    const differs = request?.kind === 'extend' && request.sizeMiB !== slot.sizeMiB;
    return differs ? `xtnd → ${slot.sizeMiB === null ? '?' : `${slot.sizeMiB} MiB`}` : 'xtnd';
  }
  if (slot.kind === 'clean') return 'CLEAN';
  if (slot.kind === 'empty') return 'empty*';
  return `unknown: ${slot.reason}`;
}

function Size({ mib }: { mib: number | null | undefined }) {
  if (mib === undefined) return null;
  if (mib === null) return <span className="text-(--ink-vermillion)">invalid</span>;
  return (
    <>
      <span className="num inline-block min-w-[10ch]">{mib} MiB</span>
      <span className="num inline-block min-w-[9ch] text-muted">{mib >= 1024 ? humanMiB(mib) : ''}</span>
    </>
  );
}

/** Every non-empty slot of the host, decoded: kind, domain, volume, size, step, findings. */
export function SlotTable({ host, slots, selectedSlot, onSelect }: SlotTableProps) {
  if (slots.length === 0) return <p className="py-2 text-muted">Every slot of both mailboxes is empty.</p>;
  return (
    <table className="w-full border-collapse text-[12px]" aria-label="decoded slots">
      <thead className="text-left text-muted">
        <tr className="border-b border-line-strong">
          <th className="num pr-3 font-semibold">slot</th>
          <th className="pr-3 font-semibold">step</th>
          <th className="pr-3 font-semibold">inbox</th>
          <th className="pr-3 font-semibold">outbox</th>
          <th className="pr-3 text-right font-semibold">size</th>
          <th className="pr-3 font-semibold">domain</th>
          <th className="pr-3 font-semibold">volume</th>
          <th className="pr-3 font-semibold">findings</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {slots.map((s) => {
          const message = s.inbox?.kind === 'extend' ? s.inbox : s.outbox?.kind === 'extend' ? s.outbox : undefined;
          const findings = [...(s.inbox?.findings ?? []), ...(s.outbox?.findings ?? [])];
          const selected = s.index === selectedSlot;
          return (
            <tr
              key={s.index}
              data-detail-slot={s.index}
              aria-selected={selected}
              onClick={() => onSelect(s.index)}
              className={`cursor-pointer border-b border-line ${selected ? 'bg-(--selected-row)' : 'hover:bg-hover'}`}
            >
              <td className="num pr-3">{s.index}</td>
              <td className="pr-3">{s.step ? <StepMark step={s.step} withWord /> : <span className="text-faint">—</span>}</td>
              <td className="pr-3 font-mono">{kindText(s.inbox)}</td>
              <td className="pr-3 font-mono">{kindText(s.outbox, s.inbox)}</td>
              <td className="whitespace-nowrap pr-3 text-right"><Size mib={message?.sizeMiB} /></td>
              <td className="pr-3 font-mono whitespace-nowrap text-muted" title={message?.domain}>{message?.domain ? `${message.domain.slice(0, 8)}…` : ''}</td>
              <td className="pr-3 font-mono whitespace-nowrap">{message?.volume ?? ''}</td>
              <td className="max-w-[28rem] pr-3">
                {findings.map((f, i) => (
                  <div key={i} className="truncate" title={`${f.id}: ${f.message}`}>
                    <span className={f.severity === 'error' ? 'font-semibold text-(--ink-vermillion)' : f.severity === 'warning' ? 'text-(--ink-orange)' : 'text-muted'}>
                      {f.severity === 'info' ? 'ⓘ' : '✗'} {f.id}
                    </span>{' '}
                    <span className="text-muted">{f.message}</span>
                  </div>
                ))}
              </td>
              <td className="py-0.5 text-right">
                <CopyButton label="copy" title="copy this slot as one line of text" text={() => slotLine(host, s.index, s.step, s.inbox, s.outbox)} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
