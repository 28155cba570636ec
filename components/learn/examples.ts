/**
 * The bytes of every example the lesson shows, built with the format's own
 * encoders so the lesson cannot drift from the decoder. Pure: the page, the
 * client islands and the tests share it.
 */
import {
  CLEAN, EXTEND_FIELDS, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES, SLOT_SIZE_BYTES,
  encodeEvent, encodeMailbox, encodeMessage, extend, type Message,
} from '@/lib/mailbox';

/** The storage domain and volume of vdsm's own tests and of bug 1426762. */
export const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
export const VOLUME = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
export const EVENT_UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

export const REQUEST = extend(DOMAIN, VOLUME, 128);
export const REPLY = extend(DOMAIN, VOLUME, 128);
export const FAILED_REPLY = extend(DOMAIN, VOLUME, 0);

export type SlotExampleId = 'request' | 'reply' | 'failed' | 'clean' | 'empty' | 'unknown';

export interface SlotExample {
  id: SlotExampleId;
  title: string;
  /** which volume it is written to, and by whom */
  where: string;
  bytes: Uint8Array;
}

/** An extend message whose opcode no SPM knows ('shrk'): decoded as unknown, never dropped silently. */
function unknownMessage(): Uint8Array {
  const bytes = encodeMessage(REQUEST);
  const { opcode } = EXTEND_FIELDS;
  opcode.codec.write(bytes, opcode.offset, opcode.length, 'shrk');
  return bytes;
}

export function slotExamples(): SlotExample[] {
  return [
    { id: 'request', title: 'an extend request: “make this volume 128 MiB”', where: 'inbox, written by the host', bytes: encodeMessage(REQUEST) },
    { id: 'reply', title: 'a successful reply: the same bytes back, with the size reached', where: 'outbox, written by the SPM', bytes: encodeMessage(REPLY) },
    { id: 'failed', title: 'a failed reply: size 0, the SPM could not extend', where: 'outbox, written by the SPM', bytes: encodeMessage(FAILED_REPLY) },
    { id: 'clean', title: 'CLEAN: 64 × 0x01, “I saw your message, the slot may be reused”', where: 'inbox (host) or outbox (SPM)', bytes: encodeMessage(CLEAN) },
    { id: 'empty', title: 'an empty slot: first byte 0x00, the rest ignored', where: 'either volume', bytes: new Uint8Array(SLOT_SIZE_BYTES) },
    { id: 'unknown', title: 'an unknown message: version 1 but opcode “shrk”', where: 'anything else: shown as unknown', bytes: unknownMessage() },
  ];
}

/** A whole 4096-byte mailbox holding `message` in `slot` (inbox mailboxes get their checksum). */
export function mailboxWith(slot: number, message: Message, kind: 'inbox' | 'outbox' = 'inbox'): Uint8Array {
  return encodeMailbox({ [slot]: message }, { kind });
}

export function eventBlock(): Uint8Array {
  return encodeEvent(EVENT_UUID);
}

/** Bug 1426762: host 7 asks for 100 MiB in slot 1 of an empty mailbox. */
export const BUG_HOST = 7;
export const BUG_SLOT = 1;
export const BUG_REQUEST = extend(DOMAIN, VOLUME, 100);

/**
 * `before` with the first `landed` sectors of `after`: what a reader sees
 * when a write of `after` over `before` stopped after `landed` sectors.
 */
export function partialWrite(before: Uint8Array, after: Uint8Array, landed: number): Uint8Array {
  const view = before.slice();
  view.set(after.subarray(0, landed * SECTOR_SIZE_BYTES), 0);
  return view;
}

/** The three reads of bug 1426762: the empty mailbox, the torn one the SPM saw four times, and the whole write. */
export function bug1426762(): { before: Uint8Array; torn: Uint8Array; after: Uint8Array } {
  const before = new Uint8Array(MAILBOX_SIZE_BYTES);
  const after = mailboxWith(BUG_SLOT, BUG_REQUEST);
  return { before, torn: partialWrite(before, after, 1), after };
}
