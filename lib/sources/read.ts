/**
 * What one poll of a source gives: plain data, no I/O, so the same shapes
 * describe a live read, a read rebuilt from the history and a dump opened
 * in the browser.
 */
import type { IoErrorCode, VolumeStat } from '@/lib/io/types';
import type { MailboxWindow, VolumeKind } from '@/lib/mailbox';

export interface VolumeRead {
  kind: VolumeKind;
  path: string;
  /**
   * the whole mailboxes read; null when the read failed. A live read's is
   * joined from its `window` on first use (8 MiB at 2000 hosts): per-poll
   * work reads `window` instead.
   */
  bytes: Uint8Array | null;
  /** a live read's mailboxes, each its own 4 KB (null when the read failed; absent for reads not made by the poller) */
  window?: MailboxWindow | null;
  /** crc-32 per mailbox of `bytes` */
  crcs: Int32Array | null;
  direct: boolean;
  /** why the read failed: a stable code (lib/io's, or one of the history's) and a sentence naming the path */
  error: { code: IoErrorCode | (string & {}); message: string; errno?: string } | null;
  readMs: number;
  warnings: string[];
  stat: VolumeStat | null;
  /** epoch ms of the last successful read of this volume, null if never */
  lastOkAt: number | null;
}

export interface PollRead {
  seq: number;
  /** epoch ms when the read started */
  readAt: number;
  /** both volumes, wall time */
  readMs: number;
  inbox: VolumeRead | null;
  outbox: VolumeRead | null;
}
