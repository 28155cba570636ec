/** Shapes of the history: what goes in (a read) and what is kept (entries and mailbox versions). */
import type { MailboxWindow, VolumeKind } from '@/lib/mailbox';
import type { Compact } from './compact';

/** One volume of one read, as the poller gives it (lib/sources/poller's VolumeRead fits). */
export interface VolumeSample {
  /** the whole mailboxes read; null when the read failed */
  bytes: Uint8Array | null;
  /** the same mailboxes, each its own 4 KB: read instead of `bytes` when present (a live read's) */
  window?: MailboxWindow | null;
  /** crc-32 per mailbox of `bytes`; computed when absent */
  crcs?: Int32Array | null;
  path?: string;
  direct?: boolean;
  error?: { code: string; message: string } | null;
  readMs?: number;
  warnings?: string[];
  lastOkAt?: number | null;
}

export interface ReadSample {
  seq: number;
  /** epoch ms */
  readAt: number;
  readMs?: number;
  /** null: the volume is not configured */
  inbox: VolumeSample | null;
  outbox: VolumeSample | null;
}

/** What is kept of one volume of one read: its status and which mailboxes changed, never its bytes. */
export interface VolumeEntry {
  /** whole mailboxes read; 0 when the read failed */
  mailboxes: number;
  /** indexes of the mailboxes whose crc-32 differs from the previous successful read (0 = mailbox 0) */
  changed: number[];
  path: string;
  direct: boolean;
  error: { code: string; message: string } | null;
  readMs: number;
  warnings: string[];
  lastOkAt: number | null;
}

export interface ReadMarks {
  /** requests first seen in this read */
  requests: number;
  /** replies first seen in this read */
  replies: number;
  /** checksum-failure episodes that began in this read */
  failures: number;
}

export interface ReadEntry {
  seq: number;
  readAt: number;
  readMs: number;
  inbox: VolumeEntry | null;
  outbox: VolumeEntry | null;
  /** hosts whose inbox mailbox fails its checksum in this read */
  failing: number[];
  marks: ReadMarks;
}

/** One stored content of one mailbox, valid from `seq` until the next version, without its zeros (compact.ts). Never modified. */
export interface MailboxVersion extends Compact {
  seq: number;
  /** inbox: empty/valid/checksum_*; outbox: empty/in_use; mailbox 0 of the inbox: event/empty/other */
  state: string;
}

export interface VersionChange {
  kind: VolumeKind;
  index: number;
  version: MailboxVersion;
}
