import type { HostSnapshot } from '@/lib/api/types';

/** The inbox checksum in two right-aligned columns, so rows can be compared digit by digit. */
export function ChecksumCells({ host }: { host: HostSnapshot }) {
  const inbox = host.inbox;
  const sum = inbox?.checksum;
  if (!inbox || !sum || inbox.state === 'empty') return <><span /><span /><span /></>;
  const failing = sum.stored !== sum.computed;
  return (
    <>
      <span className={`num ${failing ? 'font-semibold text-(--ink-vermillion)' : ''}`}>{failing ? sum.stored : ''}</span>
      <span className="text-center text-faint">{failing ? '≠' : ''}</span>
      <span className={`num ${failing ? 'font-semibold' : 'text-muted'}`}>{sum.computed}</span>
    </>
  );
}
