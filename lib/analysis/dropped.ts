/**
 * What the SPM dropped because of a failed checksum. The SPM acts only on
 * slots whose 64 bytes changed since its previous read, and drops the whole
 * mailbox when the checksum fails: so the messages lost are the non-empty
 * slots that differ from the last valid version (all non-empty slots when
 * history has no valid version before).
 */
import { SLOT_SIZE_BYTES, targetOf, type DecodedMailbox, type SlotKind } from '@/lib/mailbox';

export interface DroppedMessage {
  slot: number;
  kind: Exclude<SlotKind, 'empty'>;
  domain?: string;
  volume?: string;
  sizeMiB?: number | null;
  /** the first failed read that held it */
  seq: number;
}

function sameSlot(a: Uint8Array, b: Uint8Array, slot: number): boolean {
  const start = slot * SLOT_SIZE_BYTES;
  for (let i = start; i < start + SLOT_SIZE_BYTES; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Messages of one failed read the SPM would have acted on; none when it does not check the mailbox at all. */
export function droppedMessages(bytes: Uint8Array, decoded: DecodedMailbox, before: Uint8Array | null, seq: number): DroppedMessage[] {
  if (!decoded.spmReads) return [];
  const out: DroppedMessage[] = [];
  for (const slot of decoded.slots) {
    if (slot.kind === 'empty') continue;
    if (before && sameSlot(bytes, before, slot.index)) continue;
    const message: DroppedMessage = { slot: slot.index, kind: slot.kind, seq };
    Object.assign(message, targetOf(slot));
    out.push(message);
  }
  return out;
}

/** A mailbox rewritten again and again while failing must not grow an episode without bound: four mailboxes' worth. */
export const MAX_DROPPED_PER_EPISODE = 4 * 63;

/** Adds `found` to `into`, once per distinct (slot, message) over the episode. */
export function mergeDropped(into: DroppedMessage[], found: readonly DroppedMessage[]): void {
  const key = (m: DroppedMessage) => `${m.slot}|${m.kind}|${m.domain}|${m.volume}|${m.sizeMiB}`;
  const seen = new Set(into.map(key));
  for (const m of found) {
    if (into.length >= MAX_DROPPED_PER_EPISODE) return;
    if (seen.has(key(m))) continue;
    seen.add(key(m));
    into.push(m);
  }
}
