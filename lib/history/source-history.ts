/**
 * Everything kept about one source over time: the bounded store of reads,
 * the checksum-failure episodes and the requests. `ingest` takes each read
 * in order. Pure (no I/O): tests feed it plain arrays of reads.
 */
import CRC32 from 'crc-32';
import {
  decodeEvent, decodeMailbox, mailboxAt, mailboxCount, mailboxesOf, MAILBOX_SIZE_BYTES, type DecodedMailbox, type DecodedVolume, type VolumeKind,
} from '@/lib/mailbox';
import { DEFAULT_EPISODE_LIMITS, EpisodeTracker, type EpisodeEvents, type InboxChange } from '@/lib/analysis/episodes';
import { DEFAULT_REQUEST_LIMITS, RequestTracker, type MailboxChange, type RequestEvents } from '@/lib/analysis/requests';
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from './settings';
import { compact } from './compact';
import { mailboxCrcs } from './crcs';
import { HistoryStore } from './store';
import type { ReadEntry, ReadSample, VersionChange, VolumeEntry, VolumeSample } from './types';

/** One all-zero mailbox shared by every empty mailbox the trackers hold: most of a pool's are empty. Never modified. */
const ZERO_MAILBOX = new Uint8Array(MAILBOX_SIZE_BYTES);
const ZERO_CRC = CRC32.buf(ZERO_MAILBOX);

export interface SourceHistoryOptions extends HistorySettings {
  maxHostId: number;
}

/** The read's volumes already decoded (by the live source): their changed mailboxes are not decoded again. */
export type DecodedVolumes = Partial<Record<VolumeKind, DecodedVolume | null>>;

export interface IngestResult {
  entry: ReadEntry;
  episodes: EpisodeEvents;
  requests: RequestEvents;
}

interface Change {
  index: number;
  bytes: Uint8Array;
  decoded: DecodedMailbox | null;
  state: string;
}

/** Replies among a read's steps, counted without a copy of the list (a busy read has thousands). */
function countReplies(steps: RequestEvents['steps']): number {
  let n = 0;
  for (const s of steps) if (s.step === 'reply') n++;
  return n;
}

function isZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

export class SourceHistory {
  readonly store: HistoryStore;
  readonly episodes: EpisodeTracker;
  readonly requests: RequestTracker;
  private lastCrcs: Record<VolumeKind, Int32Array | null> = { inbox: null, outbox: null };
  /** the first read ingested, and the first after it in which any byte changed (null: none yet) */
  private firstSeq: number | null = null;
  private firstChangeSeq: number | null = null;

  constructor(readonly options: SourceHistoryOptions = { ...DEFAULT_HISTORY_SETTINGS, maxHostId: 250 }) {
    const windowMs = options.historyMs;
    this.store = new HistoryStore({ windowMs, maxBytes: options.maxBytes });
    this.episodes = new EpisodeTracker({ ...DEFAULT_EPISODE_LIMITS, windowMs });
    this.requests = new RequestTracker({ ...DEFAULT_REQUEST_LIMITS, windowMs });
  }

  ingest(read: ReadSample, decoded: DecodedVolumes = {}): IngestResult {
    const inbox = this.changes('inbox', read.inbox, decoded.inbox ?? null);
    const outbox = this.changes('outbox', read.outbox, decoded.outbox ?? null);
    const hostChanges = (list: Change[] | null): Array<InboxChange & MailboxChange> | null =>
      list && list.filter((c) => c.decoded !== null).map((c) => ({ host: c.index, bytes: c.bytes, decoded: c.decoded! }));
    if (this.firstSeq === null) this.firstSeq = read.seq;
    else if (this.firstChangeSeq === null && ((inbox?.length ?? 0) > 0 || (outbox?.length ?? 0) > 0)) this.firstChangeSeq = read.seq;
    const inboxHosts = hostChanges(inbox);
    const episodes = this.episodes.ingest(read.seq, read.readAt, inboxHosts);
    const requests = this.requests.ingest(read.seq, read.readAt, inboxHosts, hostChanges(outbox));

    const entry: ReadEntry = {
      seq: read.seq,
      readAt: read.readAt,
      readMs: read.readMs ?? 0,
      inbox: volumeEntry(read.inbox, inbox),
      outbox: volumeEntry(read.outbox, outbox),
      failing: episodes.failing,
      marks: {
        requests: requests.started.length,
        replies: countReplies(requests.steps),
        failures: episodes.started.length,
      },
    };
    const versions: VersionChange[] = [];
    for (const [kind, list] of [['inbox', inbox], ['outbox', outbox]] as const) {
      for (const c of list ?? []) {
        const { head, tail } = compact(c.bytes);
        // A literal, not a spread: the same four fields in order make the smallest object (history-memory.bench.ts).
        versions.push({ kind, index: c.index, version: { seq: read.seq, state: c.state, head, tail } });
      }
    }
    this.store.add(entry, versions);
    return { entry, episodes, requests };
  }

  /**
   * No byte changed from the first read ingested up to read `seq`: a dump, or a
   * pool where nothing moves. Nothing is answering, so a request with no reply
   * is not "stuck" on the inspector's clock.
   */
  staticAt(seq: number): boolean {
    return this.firstSeq !== null && (this.firstChangeSeq === null || seq < this.firstChangeSeq);
  }

  /** Mailboxes of `sample` whose crc-32 changed since the last successful read; null when it was not read. */
  private changes(kind: VolumeKind, sample: VolumeSample | null, decoded: DecodedVolume | null): Change[] | null {
    const source = mailboxesOf(sample);
    if (source === null) return null;
    const crcs = sample!.crcs ?? mailboxCrcs(source);
    const last = this.lastCrcs[kind];
    this.lastCrcs[kind] = crcs;
    const out: Change[] = [];
    if (crcs === last) return out; // the poller hands out the same crcs when no byte changed
    for (let i = 0; i < crcs.length; i++) {
      if (last && i < last.length && last[i] === crcs[i]) continue;
      // A window's mailboxes are their own 4 KB, never written: kept as they are. One buffer's are copied: it is not ours to keep.
      const view = mailboxAt(source, i);
      const own = crcs[i] === ZERO_CRC && isZero(view) ? ZERO_MAILBOX : source instanceof Uint8Array ? view.slice() : view;
      out.push(this.describe(kind, i, own, decoded?.hosts[i - 1]));
    }
    return out;
  }

  /** `known`: this mailbox as the read's decode has it (the same bytes), when there is one. */
  private describe(kind: VolumeKind, index: number, bytes: Uint8Array, known: DecodedMailbox | undefined): Change {
    if (index === 0) {
      const state = kind === 'inbox' ? decodeEvent(bytes).event.state : bytes === ZERO_MAILBOX ? 'empty' : 'in_use';
      return { index, bytes, decoded: null, state };
    }
    const decoded = known?.host === index ? known : decodeMailbox(bytes, 0, { kind, host: index, maxHostId: this.options.maxHostId });
    return { index, bytes, decoded, state: decoded.state };
  }
}

function volumeEntry(sample: VolumeSample | null, changes: Change[] | null): VolumeEntry | null {
  if (!sample) return null;
  const mailboxes = mailboxesOf(sample);
  return {
    mailboxes: mailboxes ? mailboxCount(mailboxes) : 0,
    changed: (changes ?? []).map((c) => c.index),
    path: sample.path ?? '',
    direct: sample.direct ?? false,
    error: sample.error ?? null,
    readMs: sample.readMs ?? 0,
    warnings: sample.warnings ?? [],
    lastOkAt: sample.lastOkAt ?? null,
  };
}
