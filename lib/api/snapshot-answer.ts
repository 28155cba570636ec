/**
 * The snapshot endpoint's answers: the latest read (built once per read and
 * kept while nobody's bytes change, with an ETag from the bytes) and past
 * reads rebuilt from the history.
 */
import { combineCrcs, mailboxCrcs } from '@/lib/history/crcs';
import { decodedReadAt } from '@/lib/sources/past-read';
import type { VolumeRead } from '@/lib/sources/read';
import type { DecodedRead, SourceView } from '@/lib/sources/source-view';
import { buildSnapshot, gridHosts } from './snapshot-json';
import type { Snapshot } from './types';

export type SnapshotView = 'full' | 'grid';

export interface ServedSnapshot {
  snapshot: Snapshot;
  /** follows the bytes read (and whether they could be read), not the read's seq */
  etag: string;
}

interface Cache {
  decoded: DecodedRead;
  full: ServedSnapshot;
  grid: ServedSnapshot | null;
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

function build(source: SourceView, decoded: DecodedRead): Snapshot {
  return buildSnapshot({
    source: source.id, demo: source.config.demo, pollMs: source.options.pollMs, maxHostId: source.options.maxHostId,
    read: decoded.read, inbox: decoded.inbox, outbox: decoded.outbox,
  });
}

/** The latest read's snapshot; null before the first read. Host entries are reused while the decoded volumes are the same. */
export function latestSnapshot(source: SourceView, view: SnapshotView = 'full'): ServedSnapshot | null {
  const decoded = source.latestDecoded();
  if (!decoded) return null;
  let cache = caches.get(source);
  if (cache?.decoded !== decoded) {
    const snapshot = build(source, decoded);
    const sameVolumes = cache && cache.decoded.inbox === decoded.inbox && cache.decoded.outbox === decoded.outbox;
    // Host entries only change with the bytes: reuse them (and the grid's) so an unchanged read costs nothing.
    if (sameVolumes) snapshot.hosts = cache!.full.snapshot.hosts;
    const grid = sameVolumes && cache!.grid ? { hosts: cache!.grid.snapshot.hosts } : null;
    const etag = etagOf(decoded);
    cache = {
      decoded,
      full: { snapshot, etag },
      grid: grid ? { snapshot: { ...snapshot, hosts: grid.hosts }, etag: gridEtag(etag) } : null,
    };
    caches.set(source, cache);
  }
  if (view === 'full') return cache.full;
  cache.grid ??= { snapshot: { ...cache.full.snapshot, hosts: gridHosts(cache.full.snapshot.hosts) }, etag: gridEtag(cache.full.etag) };
  return cache.grid;
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
