/**
 * Hex-view ranges of one 64-byte slot, coloured exactly as the host detail
 * colours a whole mailbox: the slot is placed in a mailbox, the inspector's
 * own `mailboxRanges` names its fields, and the ranges are cut back to it.
 */
import { MAILBOX_SIZE_BYTES, SLOT_SIZE_BYTES, type VolumeKind } from '@/lib/mailbox';
import { mailboxRanges } from '@/components/host-detail/mailbox-ranges';
import type { HexRange } from '@/components/hex-view/types';

export function slotRanges(slotBytes: Uint8Array, kind: VolumeKind, slot = 0, host = 1): HexRange[] {
  const mailbox = new Uint8Array(MAILBOX_SIZE_BYTES);
  const start = slot * SLOT_SIZE_BYTES;
  mailbox.set(slotBytes.subarray(0, SLOT_SIZE_BYTES), start);
  return mailboxRanges(mailbox, kind, host, null)
    .filter((r) => r.offset >= start && r.offset < start + SLOT_SIZE_BYTES)
    .map((r) => ({ ...r, offset: r.offset - start, label: r.label.replace(/^slot \d+ · /, '') }));
}
