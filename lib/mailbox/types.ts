/** Plain, JSON-serializable results of decoding. Shared by server, API and browser. */
import type { MessageKind } from './fields';

export type Severity = 'error' | 'warning' | 'info';

/** A byte range, in bytes from the start of the decoded volume. */
export interface Span {
  offset: number;
  length: number;
}

/** "Expert info": one problem found in the bytes, never an exception. */
export interface Finding {
  id: FindingId;
  severity: Severity;
  span: Span;
  /** "expected X, got Y" */
  message: string;
  host?: number;
  slot?: number;
  /** which volume the span is in, where findings of both are listed together */
  volume?: VolumeKind;
}

export type FindingId =
  | 'mailbox.noise'
  | 'slot.empty.leftover-bytes'
  | 'slot.extend.bad-version'
  | 'slot.extend.bad-size'
  | 'slot.extend.bad-padding'
  | 'slot.clean.partial'
  | 'slot.unknown-opcode'
  | 'slot.unknown-first-byte'
  | 'mailbox.checksum.missing'
  | 'mailbox.checksum.mismatch'
  | 'mailbox.checksum.stale-data'
  | 'mailbox.metadata.not-zero'
  | 'mailbox.outside-window'
  | 'event.foreign-content'
  | 'outbox.mailbox0.not-empty'
  | 'volume.trailing-partial-mailbox'
  | 'volume.empty';

/** A message type from the field table (MESSAGE_TYPES), or a slot that holds none. */
export type SlotKind = 'empty' | 'clean' | 'unknown' | MessageKind;

export interface DecodedSlot {
  /** 0..62 */
  index: number;
  kind: SlotKind;
  /** extend only: storage domain UUID (canonical lower-case form) */
  domain?: string;
  /** extend only: volume UUID */
  volume?: string;
  /** extend only: the size field in MiB; null when it is not 16 hex digits */
  sizeMiB?: number | null;
  /** unknown only: why it is not a known message */
  reason?: string;
  /** the slot's 64 bytes in hex */
  hex: string;
  findings: Finding[];
}

export type InboxState = 'empty' | 'valid' | 'checksum_missing' | 'checksum_mismatch';
export type OutboxState = 'empty' | 'in_use';

export interface Checksum {
  stored: number;
  computed: number;
}

export interface DecodedMailbox {
  host: number;
  /** byte offset of the mailbox in its volume */
  offset: number;
  state: InboxState | OutboxState;
  /** inbox only */
  checksum: Checksum | null;
  /** inbox only: the SPM checks (and uses) this mailbox only if some slot's first byte is not 0 */
  spmReads: boolean;
  /** true when host ≥ maxHostId: the SPM never reads this mailbox */
  outsideWindow: boolean;
  /** non-empty message slots only */
  slots: DecodedSlot[];
  findings: Finding[];
}

export type VolumeKind = 'inbox' | 'outbox';

export type EventState = 'event' | 'empty' | 'other';

export interface EventBlock {
  state: EventState;
  uuid: string | null;
}

export interface DecodedVolume {
  kind: VolumeKind;
  size: number;
  /** whole mailboxes decoded (mailbox 0 included) */
  mailboxCount: number;
  /** human-readable warnings, e.g. about a trailing partial mailbox */
  warnings: string[];
  /** inbox only */
  event: EventBlock | null;
  /** host mailboxes 1..mailboxCount-1, in order, every one of them */
  hosts: DecodedMailbox[];
  /** every finding of the volume, the hosts' included */
  findings: Finding[];
}

export type LifecycleStep =
  | 'requested'
  | 'replied'
  | 'failed'
  | 'host_acked'
  | 'spm_acked'
  | 'free'
  | 'mismatched_reply'
  | 'unknown';

export interface SlotLifecycle {
  slot: number;
  step: LifecycleStep;
}
