/**
 * The grid's view of a source's reads, built outside React. A whole snapshot
 * builds it with structural sharing (rows of unchanged hosts are kept); a
 * delta (the hosts that changed since the read the page has) updates only
 * those hosts' rows and their share of the counts, so the cost of an update
 * follows what changed, not the size of the pool.
 */
import type { GridDelta, Snapshot, SnapshotHeader } from '@/lib/api/types';
import { findingsByHost, type Finding } from '@/lib/mailbox';
import { NO_COUNTS, updateCounts, type GridCounts } from './grid-counts';
import { buildRow, isFailing, type RowModel } from './row-model';

export type { CellModel, RowModel, RowState } from './row-model';
export { rowSeverity, sameHost } from './row-model';
export type { GridCounts } from './grid-counts';
export type { GridDelta, SnapshotHeader } from '@/lib/api/types';

export interface GridModel {
  snapshot: SnapshotHeader;
  rows: readonly RowModel[];
  counts: GridCounts;
  failing: ReadonlySet<number>;
  /** browser time of the first snapshot seen: "since the page opened" */
  watchingSince: number;
  /** browser time when the server last confirmed this content (a 200 or a 304) */
  confirmedAt: number;
  /** the server's latest read, which a 304 may report without a new snapshot */
  lastRead: { seq: number; readAt: string };
  /** browser time when `lastRead.seq` last advanced: a server whose reads hang stops advancing it */
  readSeenAt: number;
  /**
   * Set on the first screen sent with the page (first-screen.ts): the rows are the first ones the grid
   * draws of a read of `hosts` hosts, and the counts are only theirs, until the whole read replaces it.
   */
  partial?: { hosts: number };
}

const NO_FINDINGS: readonly Finding[] = [];

function headerOf(answer: SnapshotHeader): SnapshotHeader {
  const { source, demo, seq, readAt, pollMs, maxHostId, static: still, inbox, outbox, event } = answer;
  return { source, demo, seq, readAt, pollMs, maxHostId, static: still, inbox, outbox, event };
}

function finish(previous: GridModel | null, header: SnapshotHeader, rows: readonly RowModel[], counts: GridCounts, failing: ReadonlySet<number>, now: number): GridModel {
  return {
    snapshot: header,
    rows,
    counts,
    failing,
    watchingSince: previous?.watchingSince ?? now,
    confirmedAt: now,
    lastRead: { seq: header.seq, readAt: header.readAt },
    readSeenAt: previous && previous.lastRead.seq === header.seq ? previous.readSeenAt : now,
  };
}

/** `previous` is the model of the same source, or null for the first snapshot. */
export function buildGridModel(previous: GridModel | null, snapshot: Snapshot, now: number): GridModel {
  const oldRows = new Map(previous?.rows.map((r) => [r.id, r]));
  const found = findingsByHost(snapshot.findings);
  const rows = snapshot.hosts.map((h) => buildRow(h, found.get(h.id) ?? NO_FINDINGS, oldRows.get(h.id), snapshot.maxHostId, now));
  const sameRows = previous !== null && previous.rows.length === rows.length && rows.every((r, i) => r === previous.rows[i]);

  const failing = new Set(rows.filter((r) => isFailing(r.state)).map((r) => r.id));
  let started = 0;
  for (const id of failing) if (!previous?.failing.has(id)) started++;
  const counts = updateCounts({ ...NO_COUNTS, failingSeen: previous?.counts.failingSeen ?? 0 }, [], rows, started);
  return finish(previous, headerOf(snapshot), sameRows ? previous.rows : rows, counts, failing, now);
}

/** Rows are in host order: where host `id`'s row is, or where it would go. */
function positionOf(rows: readonly RowModel[], id: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The model after a delta answer: only the hosts it names are touched. */
export function applyGridDelta(previous: GridModel, delta: GridDelta, now: number): GridModel {
  const found = findingsByHost(delta.findings);
  const gone: RowModel[] = [];
  const came: RowModel[] = [];
  let rows: RowModel[] | null = null; // copied on the first change
  const failing = new Set(previous.failing);
  let started = 0;

  for (const id of delta.removed) {
    const list: readonly RowModel[] = rows ?? previous.rows;
    const at = positionOf(list, id);
    if (list[at]?.id !== id) continue;
    rows ??= previous.rows.slice();
    gone.push(...rows.splice(at, 1));
    failing.delete(id);
  }
  for (const host of delta.hosts) {
    const list: readonly RowModel[] = rows ?? previous.rows;
    const at = positionOf(list, host.id);
    const old = list[at]?.id === host.id ? list[at] : undefined;
    const row = buildRow(host, found.get(host.id) ?? NO_FINDINGS, old, delta.maxHostId, now);
    if (row === old) continue;
    rows ??= previous.rows.slice();
    if (old) {
      rows[at] = row;
      gone.push(old);
    } else {
      rows.splice(at, 0, row);
    }
    came.push(row);
    if (isFailing(row.state)) {
      if (!failing.has(row.id)) started++;
      failing.add(row.id);
    } else {
      failing.delete(row.id);
    }
  }
  const counts = rows ? updateCounts(previous.counts, gone, came, started) : previous.counts;
  return finish(previous, headerOf(delta), rows ?? previous.rows, counts, rows ? failing : previous.failing, now);
}
