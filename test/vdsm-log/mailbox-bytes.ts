/** Small mailbox builders for synthetic log lines (the format's own encoder). */
import { encodeMessage, extend, MAILBOX_SIZE_BYTES, SLOT_SIZE_BYTES } from '@/lib/mailbox';

/** A version-1 extend request slot, as vdsm packs it. */
export function extendRequest(domain: string, volume: string, sizeMiB: number): Uint8Array {
  return encodeMessage(extend(domain, volume, sizeMiB));
}

export function encodeSlot(text: string): Uint8Array {
  const slot = new Uint8Array(SLOT_SIZE_BYTES);
  slot.set(new TextEncoder().encode(text).subarray(0, SLOT_SIZE_BYTES));
  return slot;
}

export function encodeMailbox(slots: Record<number, Uint8Array>): Uint8Array {
  const box = new Uint8Array(MAILBOX_SIZE_BYTES);
  for (const [i, slot] of Object.entries(slots)) box.set(slot, Number(i) * SLOT_SIZE_BYTES);
  return box;
}
