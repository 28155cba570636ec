/**
 * The bounded history of one source: an entry per read, and per mailbox
 * only the versions that changed. A past read is rebuilt from, for each
 * mailbox, the latest version at or before its seq.
 *
 * Bound: reads older than `windowMs` before the newest are dropped, and
 * while the accounted bytes exceed `maxBytes` the oldest reads are dropped
 * too (never the newest). A version goes once no kept read needs it: when a
 * newer version of its mailbox is at or before the oldest kept read.
 */
import { MAILBOX_SIZE_BYTES, type VolumeKind } from '@/lib/mailbox';
import { expand } from './compact';
import type { MailboxVersion, ReadEntry, VersionChange } from './types';

/**
 * Measured on Node 20 (lib/history/history-memory.bench.ts): a stored version
 * costs its compact head plus ~120 bytes (the object, its string's header,
 * its slots in two queues); an entry ~600 bytes plus 8 bytes per changed
 * mailbox or failing host.
 */
export const VERSION_OVERHEAD_BYTES = 120;
export const READ_OVERHEAD_BYTES = 600;
export const PER_INDEX_BYTES = 8;

export interface StoreLimits {
  windowMs: number;
  maxBytes: number;
}

export class HistoryStore {
  private entries: ReadEntry[] = [];
  private versions: Record<VolumeKind, MailboxVersion[][]> = { inbox: [], outbox: [] };
  /**
   * Versions that a newer one replaced, oldest first, as two parallel arrays of small integers (a busy pool
   * has hundreds of thousands): which mailbox (index × 2 + 1 for the outbox), and the seq of the version that
   * replaced it (once the oldest kept read is at or past that seq, it can go).
   */
  private supersededMailbox: number[] = [];
  private supersededAt: number[] = [];
  private supersededHead = 0;
  private accounted = 0;
  /** reads dropped while still inside the window: the byte cap, not the age, set how far back the history goes */
  private droppedForBytes = 0;

  constructor(readonly limits: StoreLimits) {}

  /** Bytes this store accounts for (see the constants above). */
  get bytes(): number {
    return this.accounted;
  }

  /** The byte cap, not the window, limits how far back the history goes now. */
  get capped(): boolean {
    const oldest = this.entries[0];
    const latest = this.entries[this.entries.length - 1];
    return this.droppedForBytes > 0 && oldest !== undefined && oldest.readAt > latest.readAt - this.limits.windowMs;
  }

  /** Reads dropped for the byte cap while younger than the window, since the start. */
  get readsDroppedForBytes(): number {
    return this.droppedForBytes;
  }

  get size(): number {
    return this.entries.length;
  }

  get oldestSeq(): number | null {
    return this.entries[0]?.seq ?? null;
  }

  get latest(): ReadEntry | null {
    return this.entries[this.entries.length - 1] ?? null;
  }

  /** Adds a read's entry and the versions of the mailboxes that changed in it, then evicts. */
  add(entry: ReadEntry, changes: readonly VersionChange[]): void {
    const previous = this.latest;
    if (previous && entry.seq <= previous.seq) throw new RangeError(`reads must come in seq order: ${entry.seq} after ${previous.seq}`);
    this.entries.push(entry);
    this.accounted += entryCost(entry);
    for (const { kind, index, version } of changes) {
      const list = (this.versions[kind][index] ??= []);
      if (list.length > 0) {
        this.supersededMailbox.push(index * 2 + (kind === 'outbox' ? 1 : 0));
        this.supersededAt.push(version.seq);
      }
      list.push(version);
      this.accounted += this.versionCost(version);
    }
    this.evict(entry.readAt);
  }

  entry(seq: number): ReadEntry | undefined {
    const i = this.indexOf(seq);
    return i < 0 ? undefined : this.entries[i];
  }

  /** Entries with seq > `since`, oldest first. */
  since(since: number): ReadEntry[] {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].seq <= since) lo = mid + 1;
      else hi = mid;
    }
    return this.entries.slice(lo);
  }

  /** The content of mailbox `index` at read `seq`; undefined when that read is not kept. */
  versionAt(kind: VolumeKind, index: number, seq: number): MailboxVersion | undefined {
    return this.indexOf(seq) < 0 ? undefined : this.find(kind, index, seq);
  }

  /** The 4096 bytes of mailbox `index` at read `seq`; undefined when that read is not kept. */
  mailboxAt(kind: VolumeKind, index: number, seq: number): Uint8Array | undefined {
    const version = this.versionAt(kind, index, seq);
    return version && expand(version);
  }

  /** The volume as read at `seq`: undefined when that read left the history, null when the volume was not read then. */
  volumeAt(kind: VolumeKind, seq: number): Uint8Array | null | undefined {
    const entry = this.entry(seq);
    if (!entry) return undefined;
    const volume = entry[kind];
    if (!volume || volume.error || volume.mailboxes === 0) return null;
    const out = new Uint8Array(volume.mailboxes * MAILBOX_SIZE_BYTES);
    for (let i = 0; i < volume.mailboxes; i++) {
      const version = this.find(kind, i, seq);
      if (version) expand(version, out, i * MAILBOX_SIZE_BYTES);
    }
    return out;
  }

  private find(kind: VolumeKind, index: number, seq: number): MailboxVersion | undefined {
    const list = this.versions[kind][index];
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : undefined;
  }

  private versionCost(version: MailboxVersion): number {
    return version.head.length + VERSION_OVERHEAD_BYTES;
  }

  private indexOf(seq: number): number {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.entries[mid].seq;
      if (at === seq) return mid;
      if (at < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private evict(now: number): void {
    const { windowMs, maxBytes } = this.limits;
    let drop = 0;
    while (this.entries.length - drop > 1) {
      const oldest = this.entries[drop];
      const young = oldest.readAt >= now - windowMs;
      if (young && this.accounted <= maxBytes) break;
      if (young) this.droppedForBytes++;
      this.accounted -= entryCost(oldest);
      drop++;
      this.dropSupersededBefore(this.entries[drop].seq);
    }
    if (drop > 0) this.entries.splice(0, drop);
  }

  private dropSupersededBefore(oldestSeq: number): void {
    const mailboxes = this.supersededMailbox;
    const at = this.supersededAt;
    // Versions are superseded in seq order, so the arrays are sorted by supersededAt.
    while (this.supersededHead < at.length && at[this.supersededHead] <= oldestSeq) {
      const mailbox = mailboxes[this.supersededHead++];
      const gone = this.versions[mailbox % 2 === 1 ? 'outbox' : 'inbox'][mailbox >> 1].shift()!;
      this.accounted -= this.versionCost(gone);
    }
    if (this.supersededHead > 1024 && this.supersededHead * 2 > at.length) {
      this.supersededMailbox = mailboxes.slice(this.supersededHead);
      this.supersededAt = at.slice(this.supersededHead);
      this.supersededHead = 0;
    }
  }
}

function entryCost(entry: ReadEntry): number {
  const indexes = (entry.inbox?.changed.length ?? 0) + (entry.outbox?.changed.length ?? 0) + entry.failing.length;
  return READ_OVERHEAD_BYTES + indexes * PER_INDEX_BYTES;
}
