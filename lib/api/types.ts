/** JSON shapes of the HTTP API. Types only: imported by route handlers and the browser. */
import type {
  Checksum,
  DecodedSlot,
  EventBlock,
  Finding,
  InboxState,
  OutboxState,
  SlotLifecycle,
  VolumeKind,
} from '@/lib/mailbox/types';

export interface ApiError {
  error: { code: string; message: string };
}

export interface VolumeInfo {
  path: string;
  size: number;
  blockDevice: boolean;
  direct: boolean;
  /** logical block size used to align reads */
  blockSize: number;
}

export interface SourceInfo {
  id: string;
  name: string;
  demo: boolean;
  pollMs: number;
  maxHostId: number;
  /** true until the source's first read has finished (storage that does not answer keeps it so; the sizes are then 0) */
  pending?: boolean;
  inbox: VolumeInfo | null;
  outbox: VolumeInfo | null;
  /** names of host ids (MAILBOX_HOST_NAMES), `{"7": "hv-b"}`; empty when none are given */
  hostNames?: Record<string, string>;
}

export interface SourcesResponse {
  sources: SourceInfo[];
}

export interface ReadError {
  code: string;
  message: string;
}

export interface VolumeReadStatus {
  path: string;
  direct: boolean;
  error: ReadError | null;
  /** bytes read in this poll (0 on error) */
  bytes: number;
  /** how long the read took, ms */
  readMs: number;
  /** when the last successful read of this volume happened (ISO time), null if never */
  lastOkAt: string | null;
  /**
   * this read failed, and the hosts shown for this volume are those of an
   * earlier good read: which one (null when this read succeeded, or none ever did)
   */
  lastGood?: { seq: number; readAt: string } | null;
  warnings: string[];
}

export interface HostSnapshot {
  id: number;
  outsideWindow: boolean;
  inbox: {
    state: InboxState;
    checksum: Checksum | null;
    spmReads: boolean;
    /** crc-32 of the 4096-byte mailbox: changes whenever any of its bytes does (always sent by the server) */
    crc?: number;
    slots: DecodedSlot[];
  } | null;
  outbox: { state: OutboxState; crc?: number; slots: DecodedSlot[] } | null;
  lifecycle: SlotLifecycle[];
}

/** A slot as `?view=grid` sends it: no hex, no findings (the snapshot's findings name host and slot). */
/**
 * A slot as the grid view sends it: what a cell shows (kind, size, why unknown). Its UUIDs, hex and findings
 * are in the full snapshot, the host's mailbox (`/mailbox/{host}`) and the requests; the host's `crc` tells
 * that some byte of its mailbox changed.
 */
export type GridSlot = Omit<DecodedSlot, 'hex' | 'findings' | 'domain' | 'volume'>;

export interface Snapshot {
  source: string;
  demo: boolean;
  seq: number;
  readAt: string;
  pollMs: number;
  maxHostId: number;
  /** no byte changed between the inspector's first read and this one: a dump, or a pool where nothing moves */
  static: boolean;
  inbox: VolumeReadStatus | null;
  outbox: VolumeReadStatus | null;
  event: EventBlock | null;
  hosts: HostSnapshot[];
  findings: Finding[];
}

/** A snapshot without its hosts and findings: the read's own facts (volumes, times, event). */
export type SnapshotHeader = Omit<Snapshot, 'hosts' | 'findings'>;

/**
 * A mailbox's slots in `?view=cells`: one flat array, three values a slot (empty slots left out): its
 * index, its kind (0 clean, 1 extend, 2 unknown, 3 empty: leftover bytes behind a first byte 0), then the
 * size in MiB of an extend message, why an unknown slot is unknown, or null.
 */
export type CellsSlots = (number | string | null)[];

/**
 * A host in `?view=cells`: the grid view's host in fewer bytes. `steps` has one character per slot from 0
 * (R requested, P replied, F failed, H host acked, S SPM acked, f free, M mismatched reply, U unknown,
 * - nothing), trailing '-' left out.
 */
export interface CellsHost {
  id: number;
  outsideWindow: boolean;
  /** `slots`: the JSON text of the mailbox's CellsSlots */
  inbox: { state: InboxState; checksum: Checksum | null; spmReads: boolean; crc?: number; slots: string } | null;
  outbox: { state: OutboxState; crc?: number; slots: string } | null;
  steps: string;
}

/**
 * `GET …/snapshot?view=grid&since=SEQ` while SEQ is known: the hosts whose inbox or outbox changed
 * after SEQ (grid entries), the hosts gone since, and the findings of the hosts sent (plus the volumes' own).
 * When SEQ has left the history the answer is the whole grid view with `"since":SEQ,"full":true`.
 */
export interface GridDelta extends SnapshotHeader {
  since: number;
  full: false;
  hosts: HostSnapshot[];
  removed: number[];
  findings: Finding[];
}

export interface DecodeResponse {
  kind: VolumeKind;
  size: number;
  warnings: string[];
  event: EventBlock | null;
  hosts: Array<{
    id: number;
    state: InboxState | OutboxState;
    checksum: Checksum | null;
    spmReads: boolean;
    outsideWindow: boolean;
    slots: DecodedSlot[];
  }>;
  findings: Finding[];
}

/** The raw bytes of one host's mailboxes, for hex views. Base64 of exactly 4096 bytes each. */
export interface MailboxBytes {
  seq: number;
  readAt: string;
  inbox: string | null;
  outbox: string | null;
}

export interface MailboxResponse {
  source: string;
  host: number;
  current: MailboxBytes;
  /** the previous read in which either mailbox differed, for "changed since" highlights */
  previous: MailboxBytes | null;
}
