import CRC32 from 'crc-32';
import { mailboxAt, mailboxCount, type Mailboxes } from '@/lib/mailbox';

/** crc-32 of each whole mailbox: cheap change detection for caches, ETags and history. */
export function mailboxCrcs(source: Mailboxes): Int32Array {
  const crcs = new Int32Array(mailboxCount(source));
  for (let i = 0; i < crcs.length; i++) crcs[i] = CRC32.buf(mailboxAt(source, i));
  return crcs;
}

/** One crc-32 over the per-mailbox crcs (and anything else that changes the answer). */
export function combineCrcs(parts: ReadonlyArray<Int32Array | string | null>): number {
  let crc = 0;
  for (const part of parts) {
    if (part === null) crc = CRC32.str('-', crc);
    else if (typeof part === 'string') crc = CRC32.str(part, crc);
    else crc = CRC32.buf(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), crc);
  }
  return crc >>> 0;
}
