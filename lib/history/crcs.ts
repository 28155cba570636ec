import CRC32 from 'crc-32';
import { MAILBOX_SIZE_BYTES, type MailboxWindow } from '@/lib/mailbox';

/** crc-32 of each whole mailbox: cheap change detection for caches, ETags and history. */
export function mailboxCrcs(source: Uint8Array | MailboxWindow): Int32Array {
  // Not `instanceof MailboxWindow`: the server's routes and its pollers are bundled apart, each with its own class.
  if (!(source instanceof Uint8Array)) {
    const crcs = new Int32Array(source.mailboxes);
    for (let i = 0; i < crcs.length; i++) crcs[i] = CRC32.buf(source.mailbox(i));
    return crcs;
  }
  const count = Math.floor(source.length / MAILBOX_SIZE_BYTES);
  const crcs = new Int32Array(count);
  for (let i = 0; i < count; i++) crcs[i] = CRC32.buf(source.subarray(i * MAILBOX_SIZE_BYTES, (i + 1) * MAILBOX_SIZE_BYTES));
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
