/**
 * The snapshot endpoint's answers: the latest read (built once per read, with
 * an ETag from the bytes) and past reads rebuilt from the history. A new read
 * rebuilds only the entries of the hosts whose mailboxes changed; the grid
 * view keeps each host's JSON, so its whole answer is a join and a delta
 * (grid-delta.ts) costs the hosts it names.
 */
import { combineCrcs, mailboxCrcs } from '@/lib/history/crcs';
import { decodedReadAt } from '@/lib/sources/past-read';
import type { VolumeRead } from '@/lib/sources/read';
import type { DecodedRead, SourceView } from '@/lib/sources/source-view';
import { hostPiece } from './grid-delta';
import { buildHost, buildSnapshot, gridHost, gridHosts, hostCount, hostCrcs } from './snapshot-json';
import type { HostSnapshot, Snapshot } from './types';

export type SnapshotView = 'full' | 'grid';

export interface ServedSnapshot {
  snapshot: Snapshot;
  /** follows the bytes read (and whether they could be read), not the read's seq */
  etag: string;
}

/** The grid view of one read, kept per host. */
export interface GridParts {
  /** the snapshot with the grid's hosts */
  snapshot: Snapshot;
  etag: string;
  /** each host's grid entry as a hosts-array piece, `,{…}` in UTF-8 (index = id - 1): kept while the host does not change */
  hostPieces: readonly Uint8Array[];
}

interface Cache {
  decoded: DecodedRead;
  full: ServedSnapshot;
  grid: GridParts | null;
}

const caches = new WeakMap<SourceView, Cache>();

function crcsOf(volume: VolumeRead | null): Int32Array | null {
  return volume?.crcs ?? (volume?.bytes ? mailboxCrcs(volume.bytes) : null);
}

function etagOf(decoded: DecodedRead): string {
  const { inbox, outbox } = decoded.read;
  const fingerprint = combineCrcs([
    crcsOf(inbox), inbox?.error?.code ?? String(inbox?.direct),
    crcsOf(outbox), outbox?.error?.code ?? String(outbox?.direct),
  ]);
  return `"${fingerprint.toString(16).padStart(8, '0')}"`;
}

function build(source: SourceView, decoded: DecodedRead, hosts?: HostSnapshot[]): Snapshot {
  return buildSnapshot({
    source: source.id, demo: source.config.demo, pollMs: source.options.pollMs, maxHostId: source.options.maxHostId,
    static: source.history.staticAt(decoded.read.seq), read: decoded.read, inbox: decoded.inbox, outbox: decoded.outbox, lastGood: decoded.lastGood,
  }, hosts);
}

/** The ids whose entries differ between the cached read and `decoded`; null: rebuild them all. */
function changedIds(source: SourceView, cache: Cache | undefined, decoded: DecodedRead): readonly number[] | null {
  if (!cache) return null;
  if (cache.decoded.inbox === decoded.inbox && cache.decoded.outbox === decoded.outbox) return [];
  const changes = source.changesSince?.(cache.decoded.read.seq);
  const sameCount = hostCount(decoded.inbox, decoded.outbox) === cache.full.snapshot.hosts.length;
  return changes && changes.removed.length === 0 && sameCount ? changes.hosts : null;
}

function update(source: SourceView, cache: Cache | undefined, decoded: DecodedRead): Cache {
  const ids = changedIds(source, cache, decoded);
  let hosts: HostSnapshot[] | undefined;
  let grid: Omit<GridParts, 'snapshot' | 'etag'> & { hosts: HostSnapshot[] } | null = null;
  if (cache && ids) {
    const [inboxCrcs, outboxCrcs] = hostCrcs(decoded.inbox, decoded.outbox, decoded.read);
    hosts = ids.length === 0 ? cache.full.snapshot.hosts : cache.full.snapshot.hosts.slice();
    const old = cache.grid;
    const gridList = old ? (ids.length === 0 ? old.snapshot.hosts : old.snapshot.hosts.slice()) : null;
    const json = old ? (ids.length === 0 ? old.hostPieces : old.hostPieces.slice()) : null;
    for (const id of ids) {
      hosts[id - 1] = buildHost(id, decoded.inbox, decoded.outbox, inboxCrcs, outboxCrcs);
      if (gridList && json) {
        gridList[id - 1] = gridHost(hosts[id - 1]);
        (json as Uint8Array[])[id - 1] = hostPiece(JSON.stringify(gridList[id - 1]));
      }
    }
    if (gridList && json) grid = { hosts: gridList, hostPieces: json };
  }
  const snapshot = build(source, decoded, hosts);
  const etag = etagOf(decoded);
  return {
    decoded,
    full: { snapshot, etag },
    grid: grid ? { snapshot: { ...snapshot, hosts: grid.hosts }, etag: gridEtag(etag), hostPieces: grid.hostPieces } : null,
  };
}

function latest(source: SourceView): Cache | null {
  const decoded = source.latestDecoded();
  if (!decoded) return null;
  let cache = caches.get(source);
  if (cache?.decoded !== decoded) {
    cache = update(source, cache, decoded);
    caches.set(source, cache);
  }
  return cache;
}

/** The latest read's grid view with each host's JSON; null before the first read. */
export function latestGrid(source: SourceView): GridParts | null {
  const cache = latest(source);
  if (!cache) return null;
  if (!cache.grid) {
    const hosts = gridHosts(cache.full.snapshot.hosts);
    cache.grid = { snapshot: { ...cache.full.snapshot, hosts }, etag: gridEtag(cache.full.etag), hostPieces: hosts.map((h) => hostPiece(JSON.stringify(h))) };
  }
  return cache.grid;
}

/** The latest read's snapshot; null before the first read. Host entries are rebuilt only for the hosts that changed. */
export function latestSnapshot(source: SourceView, view: SnapshotView = 'full'): ServedSnapshot | null {
  if (view === 'grid') return latestGrid(source);
  return latest(source)?.full ?? null;
}

const gridEtag = (etag: string) => etag.replace(/"$/, '-grid"');

/** The snapshot as it was at read `seq`; null once it left the history. */
export function pastSnapshot(source: SourceView, seq: number, view: SnapshotView = 'full'): Snapshot | null {
  const decoded = decodedReadAt(source, seq);
  if (!decoded) return null;
  const snapshot = build(source, decoded);
  if (view === 'grid') snapshot.hosts = gridHosts(snapshot.hosts);
  return snapshot;
}
