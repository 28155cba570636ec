import 'server-only';
/**
 * A configured source while the server runs: its poller, the latest read
 * decoded once (only when its bytes changed), and the history of reads with
 * what it proves (episodes, requests, metrics). Hands out domain objects;
 * lib/api turns them into answers.
 */
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '@/lib/history/settings';
import { SourceHistory, type DecodedVolumes, type IngestResult } from '@/lib/history/source-history';
import { decodeVolume, mailboxesOf, type DecodedVolume } from '@/lib/mailbox';
import { metrics } from '@/lib/metrics/metrics';
import { initSourceMetrics, recordRead } from '@/lib/metrics/record';
import type { SourceConfig } from './config';
import { mailboxCrcs, sameCrcs } from './fingerprint';
import { HostChangeLog, type HostChanges } from './host-changes';
import { Poller, type PollerOptions } from './poller';
import type { PollRead } from './read';
import type { DecodedRead, ReadRef, SourceView } from './source-view';

interface Decoded {
  crcs: Int32Array | null;
  volume: DecodedVolume | null;
  /** the read the bytes came from */
  from: ReadRef | null;
}

const NOTHING: Decoded = { crcs: null, volume: null, from: null };

/** Mailbox indexes whose crc differs: the mailboxes whose bytes changed. */
function changedMailboxes(before: Int32Array, after: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) out.push(i);
  return out;
}

function* range(from: number, to: number): Iterable<number> {
  for (let i = from; i <= to; i++) yield i;
}

export class LiveSource implements SourceView {
  readonly poller: Poller;
  private decoded: Record<'inbox' | 'outbox', Decoded> = { inbox: NOTHING, outbox: NOTHING };
  private latest: DecodedRead | null = null;
  private changes = new HostChangeLog();
  private waiters = new Set<() => void>();
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

  async latestRead(): Promise<PollRead> {
    return this.poller.latest ?? this.poller.poll();
  }

  peekRead(): PollRead | null {
    return this.poller.latest;
  }

  latestDecoded(): DecodedRead | null {
    return this.latest;
  }

  readAfter(seq: number, timeoutMs: number): Promise<void> {
    if ((this.latest?.read.seq ?? 0) > seq) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  changesSince(seq: number): HostChanges | null {
    const { store } = this.history;
    // Past the history's oldest read, a viewer is told to start over, as it would be anywhere else in the API.
    if (store.oldestSeq !== null && seq < store.oldestSeq) return null;
    return this.changes.since(seq);
  }

  /**
   * Decodes what changed: nothing when no byte did (the poller hands out the same crcs), else only the
   * mailboxes whose crc changed, reusing the previous decode of the others.
   */
  private accept(read: PollRead): void {
    const changed = new Set<number>();
    let all = this.latest === null;
    const lastGood = { inbox: null as ReadRef | null, outbox: null as ReadRef | null };
    const here: ReadRef = { seq: read.seq, readAt: read.readAt };
    for (const kind of ['inbox', 'outbox'] as const) {
      const volumeRead = read[kind];
      const cached = this.decoded[kind];
      if (!volumeRead) {
        if (cached.volume !== null) all = true;
        this.decoded[kind] = NOTHING;
        continue;
      }
      const source = mailboxesOf(volumeRead);
      if (!source) {
        // A failed read keeps the last good decoding on screen, said to be old; bytes never read stay unknown.
        lastGood[kind] = cached.from;
        continue;
      }
      if (volumeRead.crcs && (volumeRead.crcs === cached.crcs || sameCrcs(cached.crcs, volumeRead.crcs))) {
        cached.from = here;
        continue;
      }
      const crcs = volumeRead.crcs ?? mailboxCrcs(source);
      const reusable = cached.volume && cached.crcs && cached.crcs.length === crcs.length;
      const mailboxes = reusable ? changedMailboxes(cached.crcs!, crcs) : null;
      const volume = decodeVolume(source, kind, { maxHostId: this.options.maxHostId },
        mailboxes ? { previous: cached.volume!, changed: mailboxes } : undefined);
      this.decoded[kind] = { crcs, volume, from: here };
      if (mailboxes) for (const i of mailboxes) changed.add(i);
      else all = true;
    }
    const { inbox, outbox } = this.decoded;
    const count = Math.max(inbox.volume?.hosts.length ?? 0, outbox.volume?.hosts.length ?? 0);
    this.changes.record(read.seq, count, all ? range(1, count) : changed);
    const stale = lastGood.inbox !== null || lastGood.outbox !== null;
    this.latest = { read, inbox: inbox.volume, outbox: outbox.volume, ...(stale ? { lastGood } : {}) };
    this.remember(read, { inbox: inbox.volume, outbox: outbox.volume });
    for (const wake of [...this.waiters]) wake();
  }

  /** Into the history and the metrics. A failure here must not cost the live view, so it is only logged. */
  private remember(read: PollRead, decoded: DecodedVolumes): void {
    let result: IngestResult | null = null;
    try {
      result = this.history.ingest(read, decoded);
    } catch (err) {
      console.error(`source ${this.config.name}: history failed at read ${read.seq}:`, err);
    }
    recordRead(metrics(), this.config.id, read, result);
  }
}
