import CRC32 from 'crc-32';
import { MAILBOX_SIZE_BYTES } from '@/lib/mailbox';

/** crc-32 of each whole mailbox: cheap change detection for caches, ETags and history. */
export function mailboxCrcs(bytes: Uint8Array): Int32Array {
  const count = Math.floor(bytes.length / MAILBOX_SIZE_BYTES);
  const crcs = new Int32Array(count);
  for (let i = 0; i < count; i++) crcs[i] = CRC32.buf(bytes.subarray(i * MAILBOX_SIZE_BYTES, (i + 1) * MAILBOX_SIZE_BYTES));
  return crcs;
}

function view(bytes: Uint8Array, start: number, end: number): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && view(a, 0, a.length).equals(view(b, 0, b.length));
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

export function sameCrcs(a: Int32Array | null | undefined, b: Int32Array | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
