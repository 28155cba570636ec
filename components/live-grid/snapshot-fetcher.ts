/**
 * The SWR fetcher of a source's snapshot: sends the last ETag as
 * If-None-Match, keeps the model on 304 (noting the read the server reports
 * in its headers), and once it has a model asks only for what changed since
 * its read (`&since=SEQ`, held by the server until something did when the
 * URL says `wait=MS`): a delta updates the changed hosts' rows, a whole
 * answer (`"full":true`, when that read has left the server's history)
 * rebuilds the model from the previous one.
 */
import { asksForCells, CellsReader, type GatheredCells } from '@/lib/api/cells';
import type { ApiError, CellsHost, HostSnapshot, Snapshot } from '@/lib/api/types';
import type { ParsedResponse } from './answer-fetch';
import { takeFirstSnapshot } from './first-snapshot';
import { applyGridDelta, buildGridModel, type GridDelta, type GridModel } from './grid-model';
import { heldHosts } from './row-model';

interface Entry {
  etag: string | null;
  model: GridModel;
}

/** A User Timing mark at each answer with content (none on 304), when its headers arrived. */
export const ANSWER_MARK = 'mailbox:answer';
/** A User Timing mark when that answer's JSON is in the page's hands: from here to the grid's change is applying it. */
export const PARSED_MARK = 'mailbox:parsed';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export async function responseError(res: Response, what: string): Promise<Error> {
  let detail = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as ApiError;
    if (body?.error?.message) detail = body.error.message;
  } catch {
    // not JSON: keep the status text
  }
  return new Error(`${what}: ${detail} (HTTP ${res.status})`);
}

/** The first ask has nothing to wait for: `wait=` (hold the answer until something changed) goes with `since=` only. */
function withoutWait(url: string): string {
  return url.replace(/[?&]wait=\d+/, (m) => (m.startsWith('?') ? '?' : '')).replace('?&', '?').replace(/\?$/, '');
}

/** An answer of `view=cells` (its slots texts gathered by the answer worker, or not) with its hosts in the grid view's shape, which the grid model reads. */
function unpacked(url: string, answer: { hosts: unknown[] }, cells: CellsReader): { hosts: HostSnapshot[] } {
  if (!asksForCells(url)) return answer as { hosts: HostSnapshot[] };
  return { ...answer, hosts: cells.hosts(answer as GatheredCells<{ hosts: CellsHost[] }>) };
}

/** A model whose hosts came from `view=cells`: their slots texts gathered again when their answers' texts hold much more than they read. */
function compacted(model: GridModel, cells: CellsReader): GridModel {
  cells.compact(heldHosts(model.rows));
  return model;
}

/**
 * `firstScreen`: the partial model of the first rows the page came with (first-screen.ts). The first whole
 * answer of its source is built from it, so its rows of hosts unchanged since are kept, not drawn again.
 */
export function createSnapshotFetcher(fetchImpl: FetchLike = (u, i) => fetch(u, i), clock: () => number = Date.now, firstScreen?: GridModel) {
  const cache = new Map<string, Entry>();
  const cells = new CellsReader();
  let seed = firstScreen;
  return async function fetchSnapshot(url: string): Promise<GridModel> {
    const entry = cache.get(url);
    const headers: Record<string, string> = entry?.etag ? { 'If-None-Match': entry.etag } : {};
    const asked = entry ? `${url}${url.includes('?') ? '&' : '?'}since=${entry.model.lastRead.seq}` : withoutWait(url);
    // The very first ask may have been started by the page's <head> (first-snapshot.ts).
    const early = entry ? null : takeFirstSnapshot(asked);
    const res = await (early ?? fetchImpl(asked, { headers, cache: 'no-store' }));
    if (res.status === 304 && entry) {
      const seq = Number(res.headers.get('x-mailbox-seq'));
      const readAt = res.headers.get('x-mailbox-read-at');
      const now = clock();
      const advanced = Number.isFinite(seq) && readAt !== null && seq > entry.model.lastRead.seq;
      entry.model = {
        ...entry.model,
        confirmedAt: now,
        lastRead: advanced ? { seq, readAt } : entry.model.lastRead,
        readSeenAt: advanced ? now : entry.model.readSeenAt,
      };
      return entry.model;
    }
    if (!res.ok) throw await responseError(res, 'snapshot');
    // for bench/scale: from the headers to the grid's change is an update, from the parsed JSON applying it (one mark each kept)
    const headersAt = (res as Partial<ParsedResponse>).headersAt; // read in a worker: when its headers came, on the page's timeline
    performance.clearMarks(ANSWER_MARK);
    performance.mark(ANSWER_MARK, headersAt === undefined ? undefined : { startTime: Math.max(0, headersAt - performance.timeOrigin) });
    const json = await res.json();
    performance.clearMarks(PARSED_MARK);
    performance.mark(PARSED_MARK);
    const answer = unpacked(url, json, cells) as Snapshot | GridDelta;
    const fromScreen = seed?.snapshot.source === answer.source ? seed : null;
    seed = undefined;
    const model = compacted(entry && 'full' in answer && answer.full === false
      ? applyGridDelta(entry.model, answer, clock())
      : buildGridModel(entry?.model ?? fromScreen, answer as Snapshot, clock()), cells);
    cache.set(url, { etag: res.headers.get('etag'), model });
    return model;
  };
}

/**
 * The fetcher of past snapshots (`?seq=`), for time travel. A past read never
 * changes, so there is no ETag; each model is built from the one shown
 * before, so stepping from read to read keeps the rows that did not change
 * and flashes the cells that did.
 */
export function createPastSnapshotFetcher(fetchImpl: FetchLike = (u, i) => fetch(u, i), clock: () => number = Date.now) {
  let last: GridModel | null = null;
  const cells = new CellsReader();
  return async function fetchPastSnapshot(url: string): Promise<GridModel> {
    const res = await fetchImpl(url, { cache: 'no-store' });
    if (!res.ok) throw await responseError(res, 'past read');
    const snapshot = unpacked(url, await res.json(), cells) as Snapshot;
    const previous = last?.snapshot.source === snapshot.source ? last : null;
    last = compacted(buildGridModel(previous, snapshot, clock()), cells);
    return last;
  };
}
