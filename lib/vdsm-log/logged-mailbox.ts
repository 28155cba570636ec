/**
 * A mailbox as a `checksum failed` line carries it: the 4092 data bytes
 * (vdsm logs `mailbox[:-4]`). The 4-byte checksum word is not in the line,
 * and neither is the stored value (vdsm logs its `checksum` function
 * instead: vdsm#205).
 */
import { CHECKSUM_OFFSET_BYTES, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES, checksum, decodeSlot } from '@/lib/mailbox';
import type { SlotSummary } from './types';

export const LOGGED_DATA_BYTES = CHECKSUM_OFFSET_BYTES; // 4092

export const STORED_NOTE = 'vdsm logs its checksum function instead of the stored checksum, so the stored value is not in the log (vdsm#205); `expected` is the checksum vdsm computed from the data';

/** The data placed in a whole mailbox; the checksum word (not logged) is left 0. */
export function mailboxFromLoggedData(data: Uint8Array): Uint8Array {
  const box = new Uint8Array(MAILBOX_SIZE_BYTES);
  box.set(data.subarray(0, LOGGED_DATA_BYTES));
  return box;
}

export function loggedChecksum(data: Uint8Array): number {
  return checksum(mailboxFromLoggedData(data));
}

export function slotOf(bytes: Uint8Array, base: number, index: number, host?: number): SlotSummary {
  const s = decodeSlot(bytes, base, index, host);
  const out: SlotSummary = { index: s.index, kind: s.kind };
  if (s.kind === 'extend') Object.assign(out, { domain: s.domain, volume: s.volume, sizeMiB: s.sizeMiB });
  if (s.reason) out.reason = s.reason;
  return out;
}

/** The non-empty message slots of logged data (complete or not: a cut-short repr gives its whole slots). */
export function loggedSlots(data: Uint8Array, host: number): SlotSummary[] {
  const box = mailboxFromLoggedData(data);
  const whole = Math.min(MESSAGE_SLOTS_PER_MAILBOX, Math.floor(data.length / SLOT_SIZE_BYTES));
  const slots: SlotSummary[] = [];
  for (let i = 0; i < whole; i++) {
    const base = i * SLOT_SIZE_BYTES;
    let any = false;
    for (let k = base; k < base + SLOT_SIZE_BYTES; k++) if (box[k] !== 0) { any = true; break; }
    if (any) slots.push(slotOf(box, base, i, host));
  }
  return slots;
}

/** Little-endian 32-bit value of vdsm's packed `expected` (struct '<l'); null unless 4 bytes. */
export function unpackExpected(bytes: Uint8Array): number | null {
  if (bytes.length !== 4) return null;
  return (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
}

/** One byte value over all the data (0xff left on an LV, …); null when mixed. */
export function fillByte(data: Uint8Array): number | null {
  if (data.length === 0) return null;
  const first = data[0];
  for (let i = 1; i < data.length; i++) if (data[i] !== first) return null;
  return first;
}
