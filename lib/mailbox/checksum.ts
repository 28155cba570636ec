import { CHECKSUM_OFFSET_BYTES, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES, SLOTS_PER_MAILBOX } from './constants';
import { MAILBOX_FIELDS } from './fields';

/**
 * The inbox checksum: the sum of the unsigned bytes 0..4091 of a mailbox,
 * kept to 32 bits. `offset` is where the mailbox starts in `bytes`.
 */
export function checksum(bytes: Uint8Array, offset = 0): number {
  let sum = 0;
  for (let i = offset, end = offset + CHECKSUM_OFFSET_BYTES; i < end; i++) sum += bytes[i];
  return sum >>> 0;
}

/** The checksum as stored in bytes 4092..4095, little-endian. */
export function storedChecksum(bytes: Uint8Array, offset = 0): number {
  const f = MAILBOX_FIELDS.checksum;
  return f.codec.read(bytes, offset + f.offset, f.length);
}

/**
 * Sums of each 64-byte slot of one mailbox, into `out` (64 entries). Slot 63's
 * sum excludes the 4 checksum bytes, so the slot sums add up to the checksum.
 * Reads 4 bytes at a time when `bytes` is 4-byte aligned (two 16-bit lanes per
 * word, each holding at most 16 × 255 per slot, so lanes never overflow).
 */
const LAST_SLOT = MESSAGE_SLOTS_PER_MAILBOX; // slot 63, whose last word is the checksum
const WORDS_PER_SLOT = SLOT_SIZE_BYTES / 4;

export function slotSums(bytes: Uint8Array, offset: number, out: Uint32Array): void {
  const aligned = (bytes.byteOffset + offset) % 4 === 0;
  if (!aligned) {
    for (let s = 0; s < SLOTS_PER_MAILBOX; s++) {
      let sum = 0;
      const start = offset + s * SLOT_SIZE_BYTES;
      const end = s === LAST_SLOT ? offset + CHECKSUM_OFFSET_BYTES : start + SLOT_SIZE_BYTES;
      for (let i = start; i < end; i++) sum += bytes[i];
      out[s] = sum;
    }
    return;
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, MAILBOX_SIZE_BYTES / 4);
  for (let s = 0; s < SLOTS_PER_MAILBOX; s++) {
    let even = 0;
    let odd = 0;
    const start = s * WORDS_PER_SLOT;
    const end = s === LAST_SLOT ? start + WORDS_PER_SLOT - 1 : start + WORDS_PER_SLOT; // skip the checksum word
    for (let w = start; w < end; w++) {
      const word = words[w];
      even += word & 0x00ff00ff;
      odd += (word >>> 8) & 0x00ff00ff;
    }
    out[s] = (even & 0xffff) + (even >>> 16) + (odd & 0xffff) + (odd >>> 16);
  }
}
