'use client';

import type { GridModel } from '@/components/live-grid/grid-model';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useNow } from '@/components/ui/use-now';
import { formatAge } from '@/lib/format/units';

/**
 * When a volume's latest read failed, the grid keeps its last good read,
 * dimmed; this says so above it, with that read's age. A volume never read
 * has no hosts drawn at all: unknown bytes are not zeros.
 */
export function StaleVolumes({ model }: { model: GridModel | undefined }) {
  const now = useNow();
  const hydrated = useHydrated(); // ages on this browser's clock: not rendered with the page
  const snapshot = model?.snapshot;
  if (!snapshot || !hydrated) return null;
  const notes = (['inbox', 'outbox'] as const).flatMap((kind) => {
    const status = snapshot[kind];
    if (!status?.error) return [];
    const good = status.lastGood;
    return [good
      ? `${kind}: read #${snapshot.seq} failed; showing its last good read #${good.seq}, ${formatAge(now - Date.parse(good.readAt))}`
      : `${kind}: never read successfully; nothing of it is shown`];
  });
  if (notes.length === 0) return null;
  return (
    <p role="status" data-testid="stale-volumes" className="sticky top-0 z-20 border-b border-line bg-(--oi-vermillion) px-3 py-1 text-[12px] font-semibold text-white">
      {notes.map((n) => <span key={n} className="mr-4">✗ {n}</span>)}
    </p>
  );
}
