/**
 * Dumps or a trace opened in the browser, as a source: the same SourceView
 * the server's live sources implement, so lib/api's endpoints answer for it
 * unchanged. Its reads come from the caller (a dump series, all at once; a
 * replay, as it plays), each into the same SourceHistory as live reads.
 */
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import { mailboxCrcs } from '@/lib/history/crcs';
import type { ReadSample, VolumeSample } from '@/lib/history/types';
import { decodeVolume, type DecodedVolume, type VolumeKind } from '@/lib/mailbox';
import type { PollRead, VolumeRead } from '@/lib/sources/read';
import type { DecodedRead, SourceDescription, SourceView } from '@/lib/sources/source-view';

export interface OpenedSourceOptions {
  id: string;
  name: string;
  /** the file names shown as the volumes' paths (null: that volume was not opened) */
  inbox: string | null;
  outbox: string | null;
  maxHostId?: number;
  /** how often a replay's reader reads; dumps: how far apart they are, roughly */
  pollMs?: number;
  /** how far back the history keeps reads: at least the span of the opened files (default 1 h) */
  historyMs?: number;
}

const HOUR_MS = 3_600_000;

const DEFAULT_MAX_HOST_ID = 250;

function volumeRead(kind: VolumeKind, sample: VolumeSample | null, path: string | null): VolumeRead | null {
  if (!sample || path === null) return null;
  const bytes = sample.bytes;
  return {
    kind,
    path: sample.path ?? path,
    bytes,
    crcs: bytes ? (sample.crcs ?? mailboxCrcs(bytes)) : null,
    // Not a device read: nothing came through a page cache or O_DIRECT.
    direct: true,
    error: sample.error ?? null,
    readMs: 0,
    warnings: sample.warnings ?? [],
    stat: bytes ? { path: sample.path ?? path, size: bytes.length, blockDevice: false, blockSize: 4096 } : null,
    lastOkAt: null,
  };
}

export class OpenedSource implements SourceView {
  readonly config: SourceDescription;
  readonly options: { maxHostId: number; pollMs: number };
  readonly historySettings: HistorySettings;
  readonly history: SourceHistory;
  private latest: DecodedRead | null = null;
  private waiting: Array<(read: PollRead) => void> = [];

  constructor(options: OpenedSourceOptions) {
    this.config = { id: options.id, name: options.name, inbox: options.inbox, outbox: options.outbox, demo: false };
    this.options = { maxHostId: options.maxHostId ?? DEFAULT_MAX_HOST_ID, pollMs: options.pollMs ?? 1000 };
    // Opened files are kept whole: the window covers their whole span.
    this.historySettings = { ...DEFAULT_HISTORY_SETTINGS, historyMs: Math.max(HOUR_MS, options.historyMs ?? 0) };
    this.history = new SourceHistory({ ...this.historySettings, maxHostId: this.options.maxHostId });
  }

  get id(): string {
    return this.config.id;
  }

  /** Adds a read (in order): decoded for the latest view, then into the history. */
  ingest(sample: ReadSample): PollRead {
    const read: PollRead = {
      seq: sample.seq,
      readAt: sample.readAt,
      readMs: sample.readMs ?? 0,
      inbox: volumeRead('inbox', sample.inbox, this.config.inbox),
      outbox: volumeRead('outbox', sample.outbox, this.config.outbox),
    };
    const decode = (kind: VolumeKind): DecodedVolume | null => {
      const bytes = read[kind]?.bytes;
      const previous = this.latest?.read[kind];
      // Unchanged bytes keep the same decoded objects (the snapshot cache reuses its hosts then).
      if (bytes && previous?.bytes && sameCrcs(previous.crcs, read[kind]!.crcs)) return this.latest![kind];
      return bytes ? decodeVolume(bytes, kind, { maxHostId: this.options.maxHostId }) : null;
    };
    this.latest = { read, inbox: decode('inbox'), outbox: decode('outbox') };
    this.history.ingest(read);
    for (const resolve of this.waiting.splice(0)) resolve(read);
    return read;
  }

  latestRead(): Promise<PollRead> {
    if (this.latest) return Promise.resolve(this.latest.read);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  peekRead(): PollRead | null {
    return this.latest?.read ?? null;
  }

  latestDecoded(): DecodedRead | null {
    return this.latest;
  }
}

function sameCrcs(a: Int32Array | null | undefined, b: Int32Array | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
