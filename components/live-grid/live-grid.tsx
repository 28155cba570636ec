'use client';

import { memo, useEffect, useRef } from 'react';
import type { EpisodeAt } from '@/components/episodes/episode-at';
import { FoldBand } from './fold-band';
import { GridRuler } from './grid-ruler';
import { HostRow, type EpisodeHandler, type PickHandler } from './host-row';
import type { Selection } from './navigation';
import type { GridView } from './visible-rows';

interface LiveGridProps {
  view: GridView;
  selection: Selection | null;
  openHost: number | null;
  showEmpty: boolean;
  /** per host, its checksum-failure episode at the read shown */
  episodes: ReadonlyMap<number, EpisodeAt>;
  /** per host, its stuck slots at the read shown ("3,7") */
  stuck: ReadonlyMap<number, string>;
  onPick: PickHandler;
  onEpisode: EpisodeHandler;
  onToggleEmpty: () => void;
}

/**
 * Rows of host mailboxes. Each row is memoized on its row model, which the
 * data layer keeps when a host did not change: a poll that changes one
 * mailbox re-renders one row.
 */
export const LiveGrid = memo(function LiveGrid({ view, selection, openHost, showEmpty, episodes, stuck, onPick, onEpisode, onToggleEmpty }: LiveGridProps) {
  const root = useRef<HTMLDivElement>(null);

  // Keep the selected row on screen (e.g. when the detail opens below and the grid shrinks).
  useEffect(() => {
    if (selection === null) return;
    root.current?.querySelector(`[data-host-id="${selection.host}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selection, openHost]);

  return (
    <div ref={root} role="grid" aria-label="host mailboxes" aria-rowcount={view.rows.length} className="min-w-[68rem] bg-panel">
      <GridRuler selectedSlot={selection?.slot ?? null} />
      {view.rows.map((row) => (
        <HostRow
          key={row.id}
          row={row}
          selectedSlot={selection?.host === row.id ? selection.slot : undefined}
          open={openHost === row.id}
          episode={episodes.get(row.id)}
          stuckSlots={stuck.get(row.id)}
          onPick={onPick}
          onEpisode={onEpisode}
        />
      ))}
      <FoldBand folded={view.folded} expanded={showEmpty} onToggle={onToggleEmpty} />
      {view.rows.length === 0 && view.folded.length === 0 && (
        <p className="px-4 py-3 text-muted">
          {view.filtered > 0 ? `No host has a problem right now (${view.filtered} hosts hidden by “problems only”).` : 'No host mailboxes were read.'}
        </p>
      )}
    </div>
  );
});
