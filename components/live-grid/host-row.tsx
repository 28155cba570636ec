import { memo, type MouseEvent } from 'react';
import { MESSAGE_SLOTS_PER_MAILBOX } from '@/lib/mailbox';
import type { EpisodeAt } from '@/components/episodes/episode-at';
import { EpisodeChip } from '@/components/episodes/episode-chip';
import { SectorStrip } from '@/components/episodes/sector-strip';
import { sectorTags } from '@/components/episodes/sector-tags';
import { slotsOf } from '@/components/requests/stuck';
import { HostName } from '@/components/ui/host-names';
import { BadgeList } from '@/components/vocabulary/badge-list';
import { withVerdict } from '@/components/vocabulary/mailbox-status';
import { cellTitle } from './cell-title';
import { ChecksumCells } from './checksum-cells';
import { StepTally } from './step-tally';
import { rowSeverity, type CellModel, type RowModel } from './row-model';

export const FLASH_MS = 1600;

export type PickHandler = (host: number, slot: number | null) => void;
export type EpisodeHandler = (at: EpisodeAt) => void;

interface HostRowProps {
  row: RowModel;
  /** the selected slot when this row holds the selection; undefined otherwise */
  selectedSlot?: number | null;
  /** this host's detail is open */
  open: boolean;
  /** the host's checksum-failure episode at the read shown */
  episode?: EpisodeAt;
  /** slots whose request is stuck at the read shown, "3,7" (a string, so the memo compares it by value) */
  stuckSlots?: string;
  onPick: PickHandler;
  onEpisode: EpisodeHandler;
}

function flashClass(changes: number, at: number, kind: 'flash' | 'flash-row' = 'flash'): string {
  if (at === 0 || Date.now() - at > FLASH_MS) return '';
  return changes % 2 ? ` ${kind}-a` : ` ${kind}-b`;
}

/** A cell flashes on its own unless it changed with most of its row (then the row flashes). */
function cellFlash(cell: CellModel, row: RowModel): string {
  return cell.changedAt === row.flash.at ? '' : flashClass(cell.changes, cell.changedAt);
}

const STUCK_NOTE = '\n⏱ stuck: no reply in time';

/**
 * A cell's tooltip, made when the pointer comes over it: a busy pool rewrites whole rows every poll, and
 * making and setting 63 titles a row that nobody points at was a good part of drawing it.
 */
function titleOnHover(event: MouseEvent<HTMLElement>, row: RowModel, stuck: ReadonlySet<number>): void {
  const element = (event.target as HTMLElement).closest<HTMLElement>('[data-slot]');
  if (!element || !event.currentTarget.contains(element)) return;
  const slot = Number(element.dataset.slot);
  const cell = row.cells.find((c) => c.slot === slot);
  if (!cell) return;
  const late = stuck.has(slot) && cell.step === 'requested';
  element.title = `${cellTitle(row.id, cell)}${late ? STUCK_NOTE : ''}`;
}

/** The slot under the pointer, from its x position: empty cells are not in the DOM. */
function slotAt(event: MouseEvent<HTMLElement>): number {
  const box = event.currentTarget.getBoundingClientRect();
  const slot = Math.floor(((event.clientX - box.left) / box.width) * MESSAGE_SLOTS_PER_MAILBOX);
  return Math.max(0, Math.min(MESSAGE_SLOTS_PER_MAILBOX - 1, slot));
}

/** The status column: the mailbox's badges (the verdict when it fails), its sectors, an earlier episode, problem steps. */
function Status({ row, episode, onEpisode }: Pick<HostRowProps, 'row' | 'episode' | 'onEpisode'>) {
  const badges = withVerdict(row.badges, row.host, episode);
  const failing = badges.some((b) => b.tone === 'failing' || b.tone === 'torn' || b.tone === 'corrupt');
  const tags = failing && episode?.version ? sectorTags(episode.version, !episode.episode.beforeMissing) : null;
  // A mailbox that is fine again while its episode still says pending: the verdict is one poll away, not news.
  const earlier = !failing && episode && episode.episode.verdict !== 'pending' ? episode : null;
  return (
    <span className="flex min-w-0 items-center gap-1.5 overflow-hidden">
      <span className="shrink-0"><BadgeList badges={badges} details={false} /></span>
      {tags && <SectorStrip tags={tags} />}
      {failing && <span className="truncate text-[11px] text-muted" title={badges[0].detail}>{badges[0].tone === 'failing' ? 'pending…' : badges[0].detail}</span>}
      {earlier && <EpisodeChip at={earlier} onOpen={onEpisode} />}
      <StepTally cells={row.cells} />
    </span>
  );
}

/** One host mailbox: id, its 63 slots, its checksum state. Re-renders only when its row, selection or history marks change. */
export const HostRow = memo(function HostRow({ row, selectedSlot, open, episode, stuckSlots, onPick, onEpisode }: HostRowProps) {
  const selected = selectedSlot !== undefined;
  const severity = rowSeverity(row) ?? (episode || stuckSlots ? 'info' : null);
  const stuck = slotsOf(stuckSlots);
  const torn = episode?.during && episode.episode.verdict === 'torn' && row.state.startsWith('checksum');
  return (
    <div
      role="row"
      aria-selected={selected}
      data-host-id={row.id}
      data-mailbox-state={row.state}
      data-severity={severity ?? undefined}
      data-verdict={episode ? episode.episode.verdict : undefined}
      className={`host-row row-edge grid h-[22px] cursor-pointer grid-cols-[var(--host-col)_minmax(0,1fr)_31rem] items-stretch border-b border-line ${
        selected ? 'bg-(--selected-row)' : 'hover:bg-hover'
      }`}
      onClick={() => onPick(row.id, null)}
    >
      <div role="rowheader" className={`num flex min-w-0 items-center justify-end gap-1 pr-2 ${open ? 'font-bold text-fg' : 'text-muted'}`}>
        <HostName id={row.id} className="text-[10px]" />
        {open && <span className="text-focus" aria-hidden>▸</span>}
        <span className="shrink-0">{row.id}</span>
      </div>
      <div
        role="gridcell"
        aria-label={`host ${row.id} slots`}
        className={`slot-track relative py-[2px]${flashClass(row.flash.changes, row.flash.at, 'flash-row')}`}
        onMouseOver={(e) => titleOnHover(e, row, stuck)}
        onClick={(e) => {
          e.stopPropagation();
          onPick(row.id, slotAt(e));
        }}
      >
        {row.cells.map((cell) => {
          const late = stuck.has(cell.slot) && cell.step === 'requested';
          return (
            <span
              key={cell.slot}
              data-slot={cell.slot}
              data-step={cell.step}
              data-stuck={late ? '' : undefined}
              className={`step${cellFlash(cell, row)}`}
              style={{ gridColumn: cell.slot + 1 }}
            />
          );
        })}
        {selected && selectedSlot !== null && (
          <span className="cursor" style={{ gridColumn: selectedSlot + 1, gridRow: 1 }} aria-hidden />
        )}
      </div>
      <div className={`grid min-w-0 grid-cols-[minmax(0,1fr)_4.5rem_1.25rem_4.5rem] items-center pr-2 pl-2 text-[12px] ${torn ? 'hatched' : ''}`}>
        <Status row={row} episode={episode} onEpisode={onEpisode} />
        <ChecksumCells host={row.host} />
      </div>
    </div>
  );
});
