import type { LifecycleStep } from '@/lib/mailbox';
import { StepMark } from '@/components/vocabulary/step-mark';

const ROWS: ReadonlyArray<[LifecycleStep, string, string, string]> = [
  ['requested', 'xtnd request', 'empty or an old CLEAN', 'the SPM extends the volume'],
  ['replied', 'xtnd request', 'xtnd reply with the new size', 'the host sees the reply'],
  ['failed', 'xtnd request', 'xtnd reply with size 0', 'the host sees the failure'],
  ['host_acked', 'CLEAN', 'the reply', 'the SPM sees CLEAN'],
  ['spm_acked', 'CLEAN', 'CLEAN', 'the host frees the slot'],
  ['free', 'empty', 'CLEAN (stays until reused)', '—'],
];

export function LifecycleTable() {
  return (
    <table className="text-[12px]">
      <thead className="text-left text-muted">
        <tr className="border-b border-line-strong">
          <th className="pr-4 font-semibold">step</th>
          <th className="pr-4 font-semibold">inbox (h, s), by the host</th>
          <th className="pr-4 font-semibold">outbox (h, s), by the SPM</th>
          <th className="font-semibold">who acts next</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([step, inbox, outbox, next]) => (
          <tr key={step} className="border-b border-line">
            <td className="py-0.5 pr-4"><StepMark step={step} withWord /></td>
            <td className="pr-4 font-mono">{inbox}</td>
            <td className="pr-4 font-mono">{outbox}</td>
            <td className="text-muted">{next}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
