'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { EpisodeAt } from '@/components/episodes/episode-at';
import { useHostNames } from '@/components/ui/host-names';
import { FIRST_SCREEN_ROWS } from './first-screen';
import { FoldBand } from './fold-band';
import { GridRuler } from './grid-ruler';
import { HostRow, type EpisodeHandler, type PickHandler } from './host-row';
import type { Selection } from './navigation';
import { offsetWithin, scrollParent } from './scroll-parent';
import type { GridView } from './visible-rows';

/** A row's height (`h-[22px]` in HostRow) and the sticky ruler's, in CSS pixels. */
export const ROW_PX = 22;
const RULER_PX = 22;
/** Rows drawn beyond each edge of the viewport, so a quick scroll shows no gap. */
const OVERSCAN_ROWS = 12;
/**
 * The scroller assumed until it is measured: the ruler and the first screen's rows, less those drawn beyond
 * its edge, so the grid draws exactly the rows the page came with.
 */
const FIRST_RECT = { width: 0, height: RULER_PX + (FIRST_SCREEN_ROWS - OVERSCAN_ROWS) * ROW_PX };

interface LiveGridProps {
  view: GridView;
  /** the rows are a first screen (first-screen.ts), not the whole read */
  partial?: boolean;
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
 * Rows of host mailboxes, virtualised: only the rows on screen (and a few
 * beyond) are in the DOM, between two spacers that stand for the rest, so a
 * 2000-host pool costs what one screen of rows costs. Rows stay in the flow
 * (no per-row transform): a row added above others does not touch them.
 * Each row is memoized on its row model, which the data layer keeps when a
 * host did not change. A new view is drawn in the task that brought it (not at
 * the next animation frame: waiting for one added about half a frame to every
 * update, and the answers that change the view come one to a task anyway).
 */
export const LiveGrid = memo(function LiveGrid(props: LiveGridProps) {
  const { view, partial = false, selection, openHost, showEmpty, episodes, stuck, onPick, onEpisode, onToggleEmpty } = props;
  const { rows } = view;
  const root = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // The row headers widen to hold host names when there are any (ruler, rows and fold band share the column).
  const names = useHostNames();
  const [margin, setMargin] = useState(RULER_PX);

  const [scrollerHeight, setScrollerHeight] = useState(0);

  useLayoutEffect(() => {
    const parent = scrollParent(root.current);
    setScroller(parent);
    if (!parent) return;
    // What sits above the rows (panels that load later) and the room they get (a detail opening) change after
    // the first layout: the virtualizer's margin and the selected row's place follow them.
    const measure = () => {
      if (body.current) setMargin(offsetWithin(body.current, parent));
      setScrollerHeight(parent.clientHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(parent);
    if (root.current) observer.observe(root.current);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_PX,
    getItemKey: (i) => rows[i].id,
    overscan: OVERSCAN_ROWS,
    scrollMargin: margin,
    scrollPaddingStart: RULER_PX,
    // Before the scroller is measured (on the server, and while the page hydrates): the rows of the first
    // screen sent with the page, so the page is rendered with them and hydrates to the same rows.
    initialRect: FIRST_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const above = items.length > 0 ? items[0].start - margin : 0;
  const below = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1].end - margin) : 0;

  // Keep the selected row on screen: when it is picked, when its detail opens and the grid shrinks, when the rows
  // first arrive, when what is above the rows moves them.
  const hasRows = rows.length > 0;
  const selectedHost = selection?.host ?? null;
  useEffect(() => {
    if (selectedHost === null || !scroller) return;
    const index = rows.findIndex((r) => r.id === selectedHost);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // on a new selection or layout, or when the whole read replaces a first screen; not on every update of the rows
  }, [selectedHost, openHost, hasRows, partial, scroller, scrollerHeight, margin]);

  return (
    <div ref={root} role="grid" aria-label="host mailboxes" aria-rowcount={partial ? -1 : rows.length + 1} className="min-w-[68rem] bg-panel"
      style={{ '--host-col': names.size > 0 ? '8rem' : '3.5rem' } as CSSProperties}>
      <GridRuler selectedSlot={selection?.slot ?? null} />
      <div ref={body} role="rowgroup">
        {above > 0 && <div style={{ height: above }} aria-hidden />}
        {items.map((item) => {
          const row = rows[item.index];
          return (
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
          );
        })}
        {below > 0 && <div style={{ height: below }} aria-hidden />}
      </div>
      <FoldBand folded={view.folded} expanded={showEmpty} onToggle={onToggleEmpty} />
      {rows.length === 0 && view.folded.length === 0 && !partial && (
        <p className="px-4 py-3 text-muted">
          {view.filtered > 0 ? `No host has a problem right now (${view.filtered} hosts hidden by “problems only”).` : 'No host mailboxes were read.'}
        </p>
      )}
    </div>
  );
});
