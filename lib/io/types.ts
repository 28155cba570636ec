import 'server-only';

/** Stable codes: the API and the UI switch on these, so never rename one. */
export type IoErrorCode =
  | 'not_found'
  | 'permission_denied'
  | 'io_error'
  | 'short_read'
  | 'empty'
  | 'too_small'
  | 'not_a_volume'
  /** no answer within the reader's deadline: the storage stopped answering */
  | 'hanging'
  /** the path now leads to another file or device than the one read at first */
  | 'identity_changed'
  | 'unknown';

export interface IoError {
  code: IoErrorCode;
  /** names the source path and says what to do */
  message: string;
  /** the system error code behind it (ENOENT, EACCES, ...), when there was one */
  errno?: string;
}

export interface VolumeStat {
  path: string;
  /** bytes; for a block device from sysfs, since fstat reports 0 there */
  size: number;
  blockDevice: boolean;
  /** logical block size: direct reads align buffer, offset and length to it */
  blockSize: number;
}

export type StatResult = { ok: true; stat: VolumeStat } | { ok: false; error: IoError };

export type ReadResult =
  | {
      ok: true;
      /** exactly the whole mailboxes read: a view, never a partial mailbox */
      bytes: Uint8Array;
      /** true when the bytes came through O_DIRECT, false after a buffered fallback */
      direct: boolean;
      stat: VolumeStat;
      /** the read call alone, from performance.now() */
      readMs: number;
      warnings: string[];
    }
  | { ok: false; error: IoError; stat?: VolumeStat };

export interface ReadOptions {
  /** how many 4096-byte mailboxes from offset 0: the caller passes maxHostId + 1 */
  mailboxes: number;
  /**
   * Read into this buffer (from readBuffer) instead of fresh memory, when it is
   * big enough; the bytes returned are then a view of it. Larger windows (a
   * device with bigger blocks) still get fresh memory.
   */
  buffer?: Buffer;
}
