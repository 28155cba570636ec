import { formatClock } from '@/lib/format/units';

/** Paused must be impossible to miss: the grid no longer follows the storage. */
export function PausedBanner({ seq, readAt, onResume }: { seq: number | null; readAt: string | null; onResume: () => void }) {
  return (
    <div role="status" className="flex items-center gap-3 bg-(--oi-orange) px-3 py-1.5 text-[14px] font-semibold text-black">
      <span aria-hidden className="text-[16px]">⏸</span>
      <span>
        PAUSED: the grid is frozen{seq !== null && readAt ? ` at read #${seq} (${formatClock(new Date(readAt))})` : ''} and does not follow the storage.
      </span>
      <button type="button" onClick={onResume} className="ml-auto rounded-sm border border-black/40 px-2 py-0.5 hover:bg-black/10">
        ▶ resume <kbd>Space</kbd>
      </button>
    </div>
  );
}
