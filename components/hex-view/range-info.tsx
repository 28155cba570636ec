import { hex } from '@/lib/format/units';
import type { HexRange } from './types';

interface RangeInfoProps {
  range: HexRange | undefined;
  paneTitle: string | undefined;
  baseAddress: number;
  pinned: boolean;
  onUnpin: () => void;
}

/** The line above the dump that names the hovered or pinned range. */
export function RangeInfo({ range, paneTitle, baseAddress, pinned, onUnpin }: RangeInfoProps) {
  if (!range) {
    return <div className="h-[22px] truncate font-sans text-[12px] text-faint">Hover a byte to name its field; click to pin it.</div>;
  }
  const start = baseAddress + range.offset;
  const end = start + range.length - 1;
  return (
    <div className="flex h-[22px] items-center gap-2 truncate font-sans text-[12px]" aria-live="polite">
      <span className="text-muted">{paneTitle}</span>
      <span data-tone={range.tone} data-severity={range.severity} className="rounded-sm px-1 font-semibold">{range.label}</span>
      {range.value !== undefined && <span className="truncate font-mono">= {range.value}</span>}
      <span className="font-mono text-faint">
        {hex(start)}–{hex(end)} ({range.length} B)
      </span>
      {pinned && (
        <button type="button" className="btn ml-auto" onClick={onUnpin}>
          unpin
        </button>
      )}
    </div>
  );
}
