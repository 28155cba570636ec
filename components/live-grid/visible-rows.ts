/**
 * Which rows the grid shows: hosts without mail fold into one band unless
 * expanded, "problems only" keeps the hosts with findings. Problems never
 * fold away, and the selected host always stays on screen.
 */
import type { RowModel } from './row-model';

export interface RowFilter {
  showEmpty: boolean;
  problemsOnly: boolean;
  selectedHost: number | null;
  /** hosts with a problem the snapshot does not show (a checksum episode, a stuck request): never folded or filtered */
  flagged?: ReadonlySet<number>;
}

export interface GridView {
  rows: readonly RowModel[];
  /** hosts left out of `rows` because they have no mail */
  folded: number[];
  /** hosts left out by "problems only" */
  filtered: number;
}

/** Where a row goes: drawn, folded into the band of hosts without mail, or left out by "problems only". */
export function placeRow(row: RowModel, filter: RowFilter): 'drawn' | 'folded' | 'filtered' {
  const pinned = row.id === filter.selectedHost;
  const problem = row.problem || (filter.flagged?.has(row.id) ?? false);
  if (filter.problemsOnly && !problem && !pinned) return 'filtered';
  if (!filter.showEmpty && !row.hasMail && !problem && !pinned) return 'folded';
  return 'drawn';
}

export function gridView(all: readonly RowModel[], filter: RowFilter): GridView {
  const rows: RowModel[] = [];
  const folded: number[] = [];
  let filtered = 0;
  for (const row of all) {
    const place = placeRow(row, filter);
    if (place === 'filtered') filtered++;
    else if (place === 'folded') folded.push(row.id);
    else rows.push(row);
  }
  return { rows, folded, filtered };
}

/** "1–2, 4, 6–249": host ids as ranges, for the folded band. */
export function idRanges(ids: readonly number[], max = 6): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    parts.push(i === j ? String(ids[i]) : `${ids[i]}–${ids[j]}`);
    i = j + 1;
  }
  return parts.length > max ? `${parts.slice(0, max).join(', ')}, …` : parts.join(', ');
}
