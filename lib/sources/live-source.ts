import 'server-only';
/**
 * A configured source while the server runs: its poller, the latest read
 * decoded once (only when its bytes changed), the snapshot served from that
 * cache, and the history of reads with what it proves (episodes, requests,
 * metrics, and each mailbox's earlier versions for "changed since" views).
 */
import type { MailboxBytes, MailboxResponse, Snapshot, SourceInfo, VolumeInfo } from '@/lib/api/types';
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '@/lib/history/settings';
import { SourceHistory, type IngestResult } from '@/lib/history/source-history';
import { decodeVolume, MAILBOX_SIZE_BYTES, type DecodedVolume } from '@/lib/mailbox';
import { metrics } from '@/lib/metrics/metrics';
import { initSourceMetrics, recordRead } from '@/lib/metrics/record';
import type { SourceConfig } from './config';
import { combineCrcs, sameCrcs } from './fingerprint';
import { Poller, type PollerOptions, type PollRead, type VolumeRead } from './poller';
import { buildSnapshot, gridHosts } from './snapshot';

interface Decoded {
  crcs: Int32Array | null;
  volume: DecodedVolume | null;
}

export type SnapshotView = 'full' | 'grid';

export interface ServedSnapshot {
  snapshot: Snapshot;
  etag: string;
}

function base64(bytes: Uint8Array | null | undefined): string | null {
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64') : null;
}

function mailboxOf(read: VolumeRead | null | undefined, host: number): Uint8Array | null {
  const bytes = read?.bytes;
  if (!bytes || (host + 1) * MAILBOX_SIZE_BYTES > bytes.length) return null;
  return bytes.subarray(host * MAILBOX_SIZE_BYTES, (host + 1) * MAILBOX_SIZE_BYTES);
}

function mailboxBytes(seq: number, readAt: number, inbox: Uint8Array | null, outbox: Uint8Array | null): MailboxBytes {
  return { seq, readAt: new Date(readAt).toISOString(), inbox: base64(inbox), outbox: base64(outbox) };
}

export class LiveSource {
  readonly poller: Poller;
  private decoded: Record<'inbox' | 'outbox', Decoded> = { inbox: { crcs: null, volume: null }, outbox: { crcs: null, volume: null } };
  private served: ServedSnapshot | null = null;
  private hostsCache: Snapshot['hosts'] = [];
  private gridHosts: { of: Snapshot['hosts']; hosts: Snapshot['hosts'] } | null = null;
  readonly history: SourceHistory;

  constructor(readonly config: SourceConfig, readonly options: PollerOptions, readonly historySettings: HistorySettings = DEFAULT_HISTORY_SETTINGS) {
    this.poller = new Poller(config, options);
    this.history = new SourceHistory({ ...historySettings, maxHostId: options.maxHostId });
    initSourceMetrics(metrics(), config.id);
    this.poller.onRead((read) => this.accept(read));
  }

  get id(): string {
    return this.config.id;
  }

  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** The latest read, waiting for the first one if none has finished yet. */
  async latestRead(): Promise<PollRead> {
    return this.poller.latest ?? this.poller.poll();
  }

  /** The latest snapshot; `grid`: without slots' hex and findings (cached per change, with its own ETag). */
  async snapshot(view: SnapshotView = 'full'): Promise<ServedSnapshot> {
    await this.latestRead();
    const served = this.served!;
    if (view === 'full') return served;
    if (this.gridHosts?.of !== served.snapshot.hosts) this.gridHosts = { of: served.snapshot.hosts, hosts: gridHosts(served.snapshot.hosts) };
    return { snapshot: { ...served.snapshot, hosts: this.gridHosts.hosts }, etag: served.etag.replace(/"$/, '-grid"') };
  }

  info(): SourceInfo {
    const latest = this.poller.latest;
    const volume = (read: VolumeRead | null | undefined, path: string | null): VolumeInfo | null =>
      path === null ? null : {
        path,
        size: read?.stat?.size ?? 0,
        blockDevice: read?.stat?.blockDevice ?? false,
        direct: read?.direct ?? false,
        blockSize: read?.stat?.blockSize ?? 0,
      };
    return {
      id: this.config.id,
      name: this.config.name,
      demo: this.config.demo,
      pollMs: this.options.pollMs,
      maxHostId: this.options.maxHostId,
      inbox: volume(latest?.inbox, this.config.inbox),
      outbox: volume(latest?.outbox, this.config.outbox),
    };
  }

  /**
   * One host's mailboxes at the latest read, or at read `seq` (null once it left the history), and
   * as they were just before their latest change (`previous`, from the history, which keeps every version).
   */
  async mailbox(host: number, seq: number | null = null): Promise<MailboxResponse | null> {
    const read = await this.latestRead();
    const at = seq ?? read.seq;
    const current = at === read.seq
      ? mailboxBytes(read.seq, read.readAt, mailboxOf(read.inbox, host), mailboxOf(read.outbox, host))
      : this.storedMailbox(host, at);
    if (!current) return null;
    const { store } = this.history;
    const changedAt = Math.max(store.versionAt('inbox', host, at)?.seq ?? -1, store.versionAt('outbox', host, at)?.seq ?? -1);
    return { source: this.config.id, host, current, previous: changedAt > 0 ? this.storedMailbox(host, changedAt - 1) : null };
  }

  private storedMailbox(host: number, seq: number): MailboxBytes | null {
    const { store } = this.history;
    const entry = store.entry(seq);
    if (!entry) return null;
    const bytes = (kind: 'inbox' | 'outbox') => ((entry[kind]?.mailboxes ?? 0) > host ? store.mailboxAt(kind, host, seq) ?? null : null);
    return mailboxBytes(seq, entry.readAt, bytes('inbox'), bytes('outbox'));
  }

  private accept(read: PollRead): void {
    let changed = this.served === null;
    for (const kind of ['inbox', 'outbox'] as const) {
      const volumeRead = read[kind];
      const cached = this.decoded[kind];
      if (volumeRead?.bytes && sameCrcs(cached.crcs, volumeRead.crcs)) continue;
      if (!volumeRead?.bytes && cached.crcs === null && cached.volume === null) continue;
      this.decoded[kind] = volumeRead?.bytes
        ? { crcs: volumeRead.crcs, volume: decodeVolume(volumeRead.bytes, kind, { maxHostId: this.options.maxHostId }) }
        : { crcs: null, volume: null };
      changed = true;
    }

    const snapshot = buildSnapshot({
      source: this.config.id, demo: this.config.demo, pollMs: this.options.pollMs, maxHostId: this.options.maxHostId,
      read, inbox: this.decoded.inbox.volume, outbox: this.decoded.outbox.volume,
    });
    // Host entries only change with the bytes: reuse them so unchanged reads cost nothing.
    if (changed) this.hostsCache = snapshot.hosts;
    else snapshot.hosts = this.hostsCache;
    const fingerprint = combineCrcs([
      read.inbox?.crcs ?? null, read.inbox?.error?.code ?? String(read.inbox?.direct),
      read.outbox?.crcs ?? null, read.outbox?.error?.code ?? String(read.outbox?.direct),
    ]);
    this.served = { snapshot, etag: `"${fingerprint.toString(16).padStart(8, '0')}"` };
    this.remember(read);
  }

  /** Into the history and the metrics. A failure here must not cost the live view, so it is only logged. */
  private remember(read: PollRead): void {
    let result: IngestResult | null = null;
    try {
      result = this.history.ingest(read);
    } catch (err) {
      console.error(`source ${this.config.name}: history failed at read ${read.seq}:`, err);
    }
    recordRead(metrics(), this.config.id, read, result);
  }
}
