/** Encoders: build slots, mailboxes, event blocks and volumes byte for byte as vdsm writes them. */
import { CLEAN_BYTE, EVENT_MAGIC, EXTEND_OPCODE, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, SLOT_SIZE_BYTES } from './constants';
import { checksum } from './checksum';
import { EVENT_FIELDS, EXTEND_FIELDS, MAILBOX_FIELDS } from './fields';
import type { VolumeKind } from './types';

export interface ExtendMessage {
  kind: 'extend';
  domain: string;
  volume: string;
  sizeMiB: number;
}

export type Message = ExtendMessage | { kind: 'clean' };

export function extend(domain: string, volume: string, sizeMiB: number): ExtendMessage {
  return { kind: 'extend', domain, volume, sizeMiB };
}

export const CLEAN: Message = { kind: 'clean' };

/** Writes one message into `out` at `offset` (64 bytes). */
export function writeMessage(out: Uint8Array, offset: number, message: Message): void {
  if (message.kind === 'clean') {
    out.fill(CLEAN_BYTE, offset, offset + SLOT_SIZE_BYTES);
    return;
  }
  const { version, opcode, domain, volume, size, padding } = EXTEND_FIELDS;
  version.codec.write(out, offset + version.offset, version.length, '1');
  opcode.codec.write(out, offset + opcode.offset, opcode.length, EXTEND_OPCODE);
  domain.codec.write(out, offset + domain.offset, domain.length, message.domain);
  volume.codec.write(out, offset + volume.offset, volume.length, message.volume);
  size.codec.write(out, offset + size.offset, size.length, message.sizeMiB);
  padding.codec.write(out, offset + padding.offset, padding.length, '0'.repeat(padding.length));
}

export function encodeMessage(message: Message): Uint8Array {
  const out = new Uint8Array(SLOT_SIZE_BYTES);
  writeMessage(out, 0, message);
  return out;
}

/** Slot index → message; missing slots are left empty (zero). */
export type MailboxMessages = ReadonlyMap<number, Message> | Readonly<Record<number, Message>>;

export interface MailboxOptions {
  /** inbox mailboxes carry a checksum (default); outbox mailboxes do not */
  kind?: VolumeKind;
}

export function encodeMailbox(messages: MailboxMessages, options: MailboxOptions = {}): Uint8Array {
  const out = new Uint8Array(MAILBOX_SIZE_BYTES);
  const entries = messages instanceof Map ? [...messages.entries()] : Object.entries(messages).map(([k, v]) => [Number(k), v] as const);
  for (const [slot, message] of entries) {
    if (!Number.isInteger(slot) || slot < 0 || slot >= MESSAGE_SLOTS_PER_MAILBOX) {
      throw new RangeError(`slot must be 0..${MESSAGE_SLOTS_PER_MAILBOX - 1}, got ${slot}`);
    }
    writeMessage(out, slot * SLOT_SIZE_BYTES, message);
  }
  if ((options.kind ?? 'inbox') === 'inbox') writeChecksum(out);
  return out;
}

/** Stores the checksum of bytes 0..4091 in bytes 4092..4095 (of the mailbox at `offset`). */
export function writeChecksum(mailbox: Uint8Array, offset = 0, value = checksum(mailbox, offset)): void {
  const f = MAILBOX_FIELDS.checksum;
  f.codec.write(mailbox, offset + f.offset, f.length, value);
}

export function encodeEvent(uuid: string): Uint8Array {
  const out = new Uint8Array(MAILBOX_SIZE_BYTES);
  out.set(EVENT_MAGIC, EVENT_FIELDS.magic.offset);
  EVENT_FIELDS.uuid.codec.write(out, EVENT_FIELDS.uuid.offset, EVENT_FIELDS.uuid.length, uuid);
  return out;
}

export interface VolumeSpec {
  /** whole mailboxes in the volume, mailbox 0 included */
  mailboxes: number;
  /** mailbox 0 (inbox event block), if any */
  event?: Uint8Array;
  /** host id → its 4096-byte mailbox */
  hosts?: ReadonlyMap<number, Uint8Array> | Readonly<Record<number, Uint8Array>>;
}

export function encodeVolume(spec: VolumeSpec): Uint8Array {
  const out = new Uint8Array(spec.mailboxes * MAILBOX_SIZE_BYTES);
  if (spec.event) out.set(spec.event, 0);
  const hosts = spec.hosts instanceof Map ? [...spec.hosts.entries()] : Object.entries(spec.hosts ?? {}).map(([k, v]) => [Number(k), v] as const);
  for (const [host, mailbox] of hosts) {
    if (!Number.isInteger(host) || host < 1 || host >= spec.mailboxes) {
      throw new RangeError(`host must be 1..${spec.mailboxes - 1}, got ${host}`);
    }
    if (mailbox.length !== MAILBOX_SIZE_BYTES) throw new RangeError(`a mailbox is ${MAILBOX_SIZE_BYTES} bytes, got ${mailbox.length}`);
    out.set(mailbox, host * MAILBOX_SIZE_BYTES);
  }
  return out;
}
