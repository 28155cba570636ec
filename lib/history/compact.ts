/**
 * A stored mailbox version without its zeros: most mailboxes use a few
 * slots at the front and the checksum at the end, so keeping bytes up to
 * the last non-zero one before the checksum, plus the checksum word, is
 * 10-20 times smaller than 4096 bytes and rebuilds exactly.
 *
 * The head is a binary (latin1) string, not a Uint8Array: a one-byte string
 * costs ~20 bytes of header, a Uint8Array with its own ArrayBuffer ~300
 * (measured by history-memory.bench.ts), and a busy pool stores hundreds of
 * thousands of versions.
 */
import { MAILBOX_FIELDS, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';

/** The last word of a mailbox, kept apart from the head (the inbox checksum's place). */
const TAIL = MAILBOX_FIELDS.checksum;

export interface Compact {
  /** bytes 0..n of the mailbox as latin1, n the last non-zero byte before the checksum ('' when all zero) */
  head: string;
  /** bytes 4092..4095, little-endian (the inbox checksum; 0 in a normal outbox) */
  tail: number;
}

export function compact(mailbox: Uint8Array): Compact {
  let end = TAIL.offset;
  while (end > 0 && mailbox[end - 1] === 0) end--;
  const tail = TAIL.codec.read(mailbox, TAIL.offset, TAIL.length);
  return { head: latin1(mailbox, end), tail };
}

/**
 * Bytes 0..end as a one-byte string: by Node's Buffer on the server, by
 * char codes in a browser (the history runs there too; TextDecoder's
 * 'latin1' is windows-1252 and would change bytes 0x80-0x9f).
 */
function latin1(bytes: Uint8Array, end: number): string {
  // Node's Buffer makes it natively (its 'latin1' is ISO-8859-1): many times faster than char codes.
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1');
  let out = '';
  for (let i = 0; i < end; i += LATIN1_CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + LATIN1_CHUNK)) as unknown as number[]);
  }
  return out;
}

const LATIN1_CHUNK = 8192;

/** Writes the mailbox into `out` at `offset` (zeros included), or into a new 4096-byte array. */
export function expand(version: Compact, out = new Uint8Array(MAILBOX_SIZE_BYTES), offset = 0): Uint8Array {
  const { head, tail } = version;
  for (let i = 0; i < head.length; i++) out[offset + i] = head.charCodeAt(i);
  out.fill(0, offset + head.length, offset + TAIL.offset);
  TAIL.codec.write(out, offset + TAIL.offset, TAIL.length, tail);
  return out;
}
