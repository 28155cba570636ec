import { memo } from 'react';

const SECTOR_STARTS = [0, 8, 16, 24, 32, 40, 48, 56];

/** Column heads: slot numbers at each sector's first slot (8 slots = 512 bytes), the selected slot in bold. */
export const GridRuler = memo(function GridRuler({ selectedSlot }: { selectedSlot: number | null }) {
  return (
    <div className="sticky top-0 z-10 grid h-[22px] grid-cols-[var(--host-col)_minmax(0,1fr)_31rem] border-b border-line-strong bg-panel text-[11px] text-muted">
      <div className="flex items-center justify-end pr-2 font-semibold">host</div>
      <div className="slot-track items-center" aria-hidden>
        {SECTOR_STARTS.map((slot) => (
          <span key={slot} className="num pl-0.5 text-left" style={{ gridColumn: slot + 1, gridRow: 1 }}>{slot}</span>
        ))}
        <span className="num pr-0.5" style={{ gridColumn: 63, gridRow: 1 }}>62</span>
        {selectedSlot !== null && (
          <span className="num z-10 rounded-sm bg-focus text-center font-bold text-panel" style={{ gridColumn: selectedSlot + 1, gridRow: 1 }}>
            {selectedSlot}
          </span>
        )}
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)_4.5rem_1.25rem_4.5rem] items-center pr-2 pl-2 font-semibold">
        <span>mailbox</span>
        <span className="text-right" title="checksum stored in bytes 4092..4095 (shown when it is wrong)">stored</span>
        <span />
        <span className="text-right" title="sum of bytes 0..4091">computed</span>
      </div>
    </div>
  );
});
