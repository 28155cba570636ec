/**
 * The snapshot endpoint's answers: the latest read (built once per read, with
 * an ETag from the bytes) and past reads rebuilt from the history. A new read
 * rebuilds only the entries of the hosts whose mailboxes changed; the lean
 * views (grid, cells) keep each host's JSON bytes, so their whole answer is a
 * join and a delta (grid-delta.ts) costs the hosts it names.
 */
import { combineCrcs } from '@/lib/history/crcs';
import { decodedReadAt } from '@/lib/sources/past-read';
import type { DecodedRead, SourceView } from '@/lib/sources/source-view';
import { hostPiece } from './grid-delta';
import { cellsHost } from './cells';
import { buildHost, buildSnapshot, crcsOf, gridHost, hostCount, hostCrcs } from './snapshot-json';
import { findingsByHost, type Finding } from '@/lib/mailbox';
import type { HostSnapshot, Snapshot } from './types';

export type SnapshotView = 'full' | LeanView;
/** The views made for drawing the grid: `grid` (the host entries without slot bytes) and `cells` (the same, packed). */
export type LeanView = 'grid' | 'cells';

export interface ServedSnapshot {
  snapshot: Snapshot;
  /** follows the bytes read (and whether they could be read), not the read's seq */
  etag: string;
}

/** A lean view of one read, kept per host. */
export interface GridParts {
  view: LeanView;
  /** the read's snapshot (its header and findings go into the answers; the hosts go as `hostPieces`) */
  snapshot: Snapshot;
  etag: string;
  /** each host's entry in this view as a hosts-array piece, `,{…}` in UTF-8 (index = id - 1): kept while the host does not change */
  hostPieces: readonly Uint8Array[];
}

/** A host's entry in each lean view. */
const ENTRY: Readonly<Record<LeanView, (host: HostSnapshot) => unknown>> = { grid: gridHost, cells: cellsHost };

const leanEtag = (etag: string, view: LeanView) => etag.replace(/"$/, `-${view}"`);

interface Cache {
  decoded: DecodedRead;
  full: ServedSnapshot;
  /** the lean views asked for since the start: each is kept up to date from then on */
  lean: Partial<Record<LeanView, GridParts>>;
}

const caches = new WeakMap<SourceView, Cache>();

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
  const pieces: Partial<Record<LeanView, Uint8Array[] | readonly Uint8Array[]>> = {};
  if (cache && ids) {
    const [inboxCrcs, outboxCrcs] = hostCrcs(decoded.inbox, decoded.outbox, decoded.read);
    hosts = ids.length === 0 ? cache.full.snapshot.hosts : cache.full.snapshot.hosts.slice();
    for (const id of ids) hosts[id - 1] = buildHost(id, decoded.inbox, decoded.outbox, inboxCrcs, outboxCrcs);
    for (const view of Object.keys(cache.lean) as LeanView[]) {
      const old = cache.lean[view]!.hostPieces;
      if (ids.length === 0) {
        pieces[view] = old;
        continue;
      }
      const list = old.slice();
      for (const id of ids) list[id - 1] = hostPiece(JSON.stringify(ENTRY[view](hosts[id - 1])));
      pieces[view] = list;
    }
  }
  const snapshot = build(source, decoded, hosts);
  const etag = etagOf(decoded);
  const lean: Cache['lean'] = {};
  for (const [view, list] of Object.entries(pieces) as Array<[LeanView, readonly Uint8Array[]]>) {
    lean[view] = { view, snapshot, etag: leanEtag(etag, view), hostPieces: list };
  }
  return { decoded, full: { snapshot, etag }, lean };
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

/** The latest read's lean view (`grid` or `cells`) with each host's piece; null before the first read. */
export function latestLean(source: SourceView, view: LeanView): GridParts | null {
  const cache = latest(source);
  if (!cache) return null;
  return (cache.lean[view] ??= {
    view, snapshot: cache.full.snapshot, etag: leanEtag(cache.full.etag, view),
    hostPieces: cache.full.snapshot.hosts.map((h) => hostPiece(JSON.stringify(ENTRY[view](h)))),
  });
}

/**
 * The latest read with only the first `max` hosts that `keep` takes (in id order), and their findings (and
 * the volumes' own): the page's first screen. Built from the decoded read, host by host, without building
 * or bringing up to date every host's entry: on a busy pool nobody watched for a while, that catching up is
 * most of the whole answer's cost. `total`: the hosts in the whole read.
 */
export function latestFirstHosts(source: SourceView, keep: (host: HostSnapshot, findings: readonly Finding[]) => boolean, max: number): { snapshot: Snapshot; total: number } | null {
  const decoded = source.latestDecoded();
  if (!decoded) return null;
  const header = build(source, decoded, []);
  const findings = findingsByHost(header.findings);
  const [inboxCrcs, outboxCrcs] = hostCrcs(decoded.inbox, decoded.outbox, decoded.read);
  const hosts: HostSnapshot[] = [];
  const count = hostCount(decoded.inbox, decoded.outbox);
  for (let id = 1; id <= count && hosts.length < max; id++) {
    const host = buildHost(id, decoded.inbox, decoded.outbox, inboxCrcs, outboxCrcs);
    if (keep(host, findings.get(id) ?? [])) hosts.push(host);
  }
  const kept = new Set(hosts.map((h) => h.id));
  return { snapshot: { ...header, hosts, findings: header.findings.filter((f) => f.host === undefined || kept.has(f.host)) }, total: count };
}

/** The latest read's whole snapshot; null before the first read. Host entries are rebuilt only for the hosts that changed. */
export function latestSnapshot(source: SourceView): ServedSnapshot | null {
  return latest(source)?.full ?? null;
}

/** The snapshot as it was at read `seq`; null once it left the history. */
export function pastSnapshot(source: SourceView, seq: number, view: SnapshotView = 'full'): PastSnapshot | null {
  const decoded = decodedReadAt(source, seq);
  if (!decoded) return null;
  const snapshot = build(source, decoded);
  return view === 'full' ? snapshot : { ...snapshot, hosts: snapshot.hosts.map(ENTRY[view]) };
}

/** A past read in the view asked for: its hosts as that view writes them. */
export type PastSnapshot = Omit<Snapshot, 'hosts'> & { hosts: readonly unknown[] };
