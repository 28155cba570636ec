/** What a simulation emits and records. Plain data: safe to serialize or send to a browser. */
import type { VolumeKind } from '@/lib/mailbox';

export type Writer = 'spm' | `hsm:${number}` | 'fault';

export type WriteWhat =
  | 'clear' // start-up clear: a host zeroes its mailbox, the SPM its whole outbox
  | 'mail' // a host's inbox mailbox (whole, or one 512-byte sector of it)
  | 'event' // the event block (inbox mailbox 0)
  | 'reply' // the SPM's reply: one outbox mailbox
  | 'outbox' // the SPM rewriting its whole outbox window (CLEAN acks, some replies)
  | 'corrupt'; // one byte of a host's mailbox changed behind its back

/** One write as it reaches the file, in order. */
export interface SimWrite {
  /** 0-based position among all writes of the simulation */
  seq: number;
  /** virtual milliseconds since the start */
  t: number;
  file: VolumeKind;
  offset: number;
  /** the written bytes (a private copy) */
  bytes: Uint8Array;
  by: Writer;
  what: WriteWhat;
  /** pre-2017 writes: sector `index` of `count`, of the mailbox write whose first sector is write `firstSeq` */
  part?: { index: number; count: number; firstSeq: number };
}

export type MailboxWriteMode = 'whole' | 'sectors';

export interface HostRole {
  host: number;
  /** 'sectors': the pre-2017 way, 8 writes of 512 bytes with pauses between them */
  writes: MailboxWriteMode;
  /** now and then one byte of this host's mailbox changes (not a tear) */
  corrupts: boolean;
  /** host id ≥ maxHostId: the SPM never reads this mailbox */
  outsideWindow: boolean;
  /** mean time between this host's extend requests, in ms */
  requestIntervalMs: number;
}

/** When one step of a handshake reached the file. */
export interface Stamp {
  t: number;
  /** the write that completed the step (for a 512-byte writer, its last sector) */
  seq: number;
}

export interface ReplyStamp extends Stamp {
  /** 0 = the extend failed */
  sizeMiB: number;
  /** the SPM read the request came from */
  read: { t: number; afterSeq: number };
}

/** One extend request, from the HSM sending it to the slot being freed. */
export interface RequestRecord {
  id: number;
  host: number;
  slot: number;
  /** host × 64 + slot */
  msgId: number;
  domain: string;
  volume: string;
  sizeMiB: number;
  outsideWindow: boolean;
  /** the HSM decided to send it */
  queuedAt: number;
  /** the mailbox write carrying it finished */
  request?: Stamp;
  /** whole rewrites of the unchanged mailbox because no reply came */
  resends: number;
  /** usually one; more only if the SPM saw the request again after a failed checksum */
  replies: ReplyStamp[];
  /** the HSM's CLEAN reached its inbox slot */
  hostAck?: Stamp;
  /** the SPM's CLEAN reached the outbox slot */
  spmAck?: Stamp;
  /** the HSM zeroed its inbox slot after the SPM's CLEAN */
  freed?: Stamp;
  /** the HSM gave up waiting for a reply and zeroed the slot */
  abandoned?: Stamp;
}

/** One read of the whole inbox window by the SPM. */
export interface SpmRead {
  t: number;
  /** the read saw exactly the state after writes 0..afterSeq-1 */
  afterSeq: number;
  reason: 'event' | 'poll';
  /** mailboxes dropped for this read because their checksum failed */
  failed: number[];
  /** slots whose new content was an extend request the SPM took on */
  requests: Array<{ host: number; slot: number }>;
  /** slots whose new content was CLEAN */
  cleans: Array<{ host: number; slot: number }>;
}

export interface Corruption {
  t: number;
  seq: number;
  host: number;
  /** byte offset in the inbox */
  offset: number;
  before: number;
  after: number;
}
