import 'server-only';
/**
 * A configured source while the server runs: its poller, the latest read
 * decoded once (only when its bytes changed), and the history of reads with
 * what it proves (episodes, requests, metrics). Hands out domain objects;
 * lib/api turns them into answers.
 */
import { isStuck } from '@/lib/analysis/request-record';
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '@/lib/history/settings';
import { SourceHistory, type IngestResult } from '@/lib/history/source-history';
import { decodeVolume, type DecodedVolume } from '@/lib/mailbox';
import { metrics } from '@/lib/metrics/metrics';
import { initSourceMetrics, recordRead, type SourceGauges } from '@/lib/metrics/record';
import type { SourceConfig } from './config';
import { sameCrcs } from './fingerprint';
import { Poller, type PollerOptions } from './poller';
import type { PollRead } from './read';
import type { DecodedRead, SourceView } from './source-view';

interface Decoded {
  crcs: Int32Array | null;
  volume: DecodedVolume | null;
}

export class LiveSource implements SourceView {
  readonly poller: Poller;
  private decoded: Record<'inbox' | 'outbox', Decoded> = { inbox: { crcs: null, volume: null }, outbox: { crcs: null, volume: null } };
  private latest: DecodedRead | null = null;
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

  private accept(read: PollRead): void {
    for (const kind of ['inbox', 'outbox'] as const) {
      const volumeRead = read[kind];
      const cached = this.decoded[kind];
      if (volumeRead?.bytes && sameCrcs(cached.crcs, volumeRead.crcs)) continue;
      if (!volumeRead?.bytes && cached.crcs === null && cached.volume === null) continue;
      this.decoded[kind] = volumeRead?.bytes
        ? { crcs: volumeRead.crcs, volume: decodeVolume(volumeRead.bytes, kind, { maxHostId: this.options.maxHostId }) }
        : { crcs: null, volume: null };
    }
    this.latest = { read, inbox: this.decoded.inbox.volume, outbox: this.decoded.outbox.volume };
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
    recordRead(metrics(), this.config.id, read, result, result ? this.gauges(read.readAt) : null);
  }

  private gauges(now: number): SourceGauges {
    let requestsPending = 0;
    let requestsStuck = 0;
    for (const record of this.history.requests.open()) {
      if (record.repliedAt === null) requestsPending++;
      if (isStuck(record, now, this.historySettings.stuckMs)) requestsStuck++;
    }
    return {
      requestsPending, requestsStuck,
      episodesPending: this.history.episodes.openEpisodes().length,
      historyReads: this.history.store.size,
      historyBytes: this.history.store.bytes,
    };
  }
}
