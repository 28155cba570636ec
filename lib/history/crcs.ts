import CRC32 from 'crc-32';
import { MAILBOX_SIZE_BYTES } from '@/lib/mailbox';

/** crc-32 of each whole mailbox: cheap change detection for caches, ETags and history. */
export function mailboxCrcs(bytes: Uint8Array): Int32Array {
  const count = Math.floor(bytes.length / MAILBOX_SIZE_BYTES);
  const crcs = new Int32Array(count);
  for (let i = 0; i < count; i++) crcs[i] = CRC32.buf(bytes.subarray(i * MAILBOX_SIZE_BYTES, (i + 1) * MAILBOX_SIZE_BYTES));
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
