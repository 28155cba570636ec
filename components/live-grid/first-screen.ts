/**
 * The grid's first screen, sent with the page. Without it a big pool's rows
 * wait for the page's scripts to load and start, for the list of sources,
 * and for the whole grid answer (2000 hosts: 2.9 MB of JSON) to arrive and
 * be parsed: about 2 s after load on a busy 2000-host pool. With it, the
 * server puts the first rows of the latest read (the hosts the grid draws
 * first) and the list of sources into the page it renders, so the rows are
 * in the HTML at the first paint. The page shows them, saying they are the
 * first of the pool, until its first whole answer replaces them.
 * Isomorphic: the server picks the rows, the page builds its model from them.
 */
import { hostsFromCells } from '@/lib/api/cells';
import type { CellsHost, Snapshot, SourcesResponse } from '@/lib/api/types';
import { buildGridModel, type GridModel } from './grid-model';

/** Rows sent with the page: a tall screen of 22 px rows, and the rows the grid draws beyond its edge. */
export const FIRST_SCREEN_ROWS = 48;

/** A read's answer in `?view=cells` holding only its first screen of hosts. */
export type FirstRows = Omit<Snapshot, 'hosts'> & { hosts: CellsHost[] };

export interface FirstScreen {
  /** the sources, as `/api/sources` lists them: the page knows its source without asking first */
  sources: SourcesResponse;
  /** the first rows of the source's latest read; null when there are none to send (no read yet, no mail, a past read asked for) */
  grid: {
    source: string;
    rows: FirstRows;
    /** hosts in the whole read */
    hosts: number;
  } | null;
}

/** The page's model of the first screen: a grid model marked `partial` until the whole read replaces it. */
export function firstScreenModel(grid: NonNullable<FirstScreen['grid']>, now: number): GridModel {
  const model = buildGridModel(null, { ...grid.rows, hosts: hostsFromCells(grid.rows) }, now);
  return { ...model, partial: { hosts: grid.hosts } };
}
