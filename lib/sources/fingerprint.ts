import 'server-only';
import CRC32 from 'crc-32';
import { combineCrcs, mailboxCrcs } from '@/lib/history/crcs';
import { MAILBOX_SIZE_BYTES, type MailboxWindow } from '@/lib/mailbox';

export { combineCrcs, mailboxCrcs };

function view(bytes: Uint8Array, start: number, end: number): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
}

/**
 * The crc-32s of `bytes`, reusing the previous read's for mailboxes whose
 * bytes did not change (a memcmp is far cheaper than a crc).
 */
export function updateCrcs(bytes: Uint8Array, previous: { bytes: Uint8Array; crcs: Int32Array } | null): Int32Array {
  if (!previous || previous.bytes.length !== bytes.length) return mailboxCrcs(bytes);
  const crcs = new Int32Array(previous.crcs.length);
  for (let i = 0; i < crcs.length; i++) {
    const start = i * MAILBOX_SIZE_BYTES;
    const end = start + MAILBOX_SIZE_BYTES;
    crcs[i] = view(bytes, start, end).equals(view(previous.bytes, start, end)) ? previous.crcs[i] : CRC32.buf(bytes.subarray(start, end));
  }
  return crcs;
}

export function sameCrcs(a: Int32Array | null | undefined, b: Int32Array | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The crc-32s of a window's mailboxes given which changed since `previous`
 * (1 per changed mailbox, as the reader reports): only those are computed.
 */
export function changedCrcs(window: MailboxWindow, changed: Uint8Array | null, previous: Int32Array | null): Int32Array {
  const count = window.mailboxes;
  if (changed === null || previous === null || previous.length !== count || changed.length !== count) return mailboxCrcs(window);
  const crcs = new Int32Array(previous);
  for (let i = 0; i < count; i++) if (changed[i]) crcs[i] = CRC32.buf(window.mailbox(i));
  return crcs;
}
