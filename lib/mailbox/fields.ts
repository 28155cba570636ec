/**
 * The field table: every field of a message slot, a mailbox and the event
 * block, described once. The decoder, the encoder and the hex view read it.
 */
import {
  CHECKSUM_OFFSET_BYTES,
  CHECKSUM_SIZE_BYTES,
  EVENT_MAGIC,
  EXTEND_OPCODE,
  MAILBOX_SIZE_BYTES,
  MESSAGE_SLOTS_PER_MAILBOX,
  OPCODE_SIZE_BYTES,
  SIZE_DIGITS,
  SLOT_SIZE_BYTES,
  VERSION_SIZE_BYTES,
} from './constants';
import { readUuid, UUID_SIZE_BYTES, writeUuid } from './uuid';

export type Encoding =
  | 'ascii' // printable ASCII text
  | 'uuid-le' // UUID as a little-endian 128-bit integer
  | 'uuid-be' // UUID in the usual big-endian byte order
  | 'hex-ascii' // lower-case hex digits as ASCII, zero-padded
  | 'ascii-zeros' // ASCII '0' filler
  | 'u32le' // unsigned 32-bit little-endian integer
  | 'bytes'; // opaque

export interface Codec<T> {
  read(bytes: Uint8Array, offset: number, length: number): T;
  write(bytes: Uint8Array, offset: number, length: number, value: T): void;
}

export interface Field<Id extends string = string, T = unknown> {
  id: Id;
  label: string;
  /** offset within its container (slot, mailbox or event block) */
  offset: number;
  length: number;
  encoding: Encoding;
  codec: Codec<T>;
}

const ascii: Codec<string> = {
  read: (bytes, offset, length) => String.fromCharCode(...bytes.subarray(offset, offset + length)),
  write: (bytes, offset, length, value) => {
    for (let i = 0; i < length; i++) bytes[offset + i] = value.charCodeAt(i) & 0xff;
  },
};

const uuidLe: Codec<string> = {
  read: (bytes, offset) => readUuid(bytes, offset, true),
  write: (bytes, offset, _length, value) => writeUuid(bytes, offset, value, true),
};

const uuidBe: Codec<string> = {
  read: (bytes, offset) => readUuid(bytes, offset, false),
  write: (bytes, offset, _length, value) => writeUuid(bytes, offset, value, false),
};

/** Value of each byte as a lower-case hex digit, or -1: one load instead of two range checks. */
const HEX_DIGIT_VALUE = Int8Array.from({ length: 256 }, (_, c) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1));

/** The size field: null unless it is exactly `length` lower-case hex digits. Exact up to 2^53. */
const hexAscii: Codec<number | null> = {
  read: (bytes, offset, length) => {
    let value = 0;
    for (let i = offset; i < offset + length; i++) {
      const digit = HEX_DIGIT_VALUE[bytes[i]];
      if (digit < 0) return null;
      value = value * 16 + digit;
    }
    return value;
  },
  write: (bytes, offset, length, value) => {
    if (value === null || !Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`size must be a non-negative safe integer, got ${value}`);
    }
    ascii.write(bytes, offset, length, value.toString(16).padStart(length, '0'));
  },
};

/** Also the codec of any other little-endian word kept beside a mailbox (history, hex view). */
export const u32le: Codec<number> = {
  read: (bytes, offset) =>
    (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0,
  write: (bytes, offset, _length, value) => {
    bytes[offset] = value & 0xff;
    bytes[offset + 1] = (value >>> 8) & 0xff;
    bytes[offset + 2] = (value >>> 16) & 0xff;
    bytes[offset + 3] = (value >>> 24) & 0xff;
  },
};

const opaque: Codec<Uint8Array> = {
  read: (bytes, offset, length) => bytes.slice(offset, offset + length),
  write: (bytes, offset, _length, value) => bytes.set(value, offset),
};

/** A field before it is placed: `length` 'rest' takes what is left of its container. */
interface FieldSpec<Id extends string, T> {
  id: Id;
  label: string;
  length: number | 'rest';
  encoding: Encoding;
  codec: Codec<T>;
}

function field<const Id extends string, T>(id: Id, label: string, length: number | 'rest', encoding: Encoding, codec: Codec<T>): FieldSpec<Id, T> {
  return { id, label, length, encoding, codec };
}

type Placed<S> = S extends FieldSpec<infer Id, infer T> ? Field<Id, T> : never;
/** A container's fields by id: the key is the id, so the two cannot drift apart. */
export type FieldTable<S extends readonly FieldSpec<string, unknown>[]> = { readonly [E in S[number] as E['id']]: Placed<E> };

/**
 * Lays the fields end to end from offset 0, so each offset is the sum of the
 * lengths before it and the fields tile the container (`size` bytes) exactly.
 */
function tile<const S extends readonly FieldSpec<string, any>[]>(container: string, size: number, ...specs: S): FieldTable<S> {
  const table: Record<string, Field> = {};
  let offset = 0;
  for (const { length, ...rest } of specs) {
    const placed = length === 'rest' ? size - offset : length;
    table[rest.id] = { ...rest, offset, length: placed };
    offset += placed;
  }
  if (offset !== size) throw new Error(`the ${container} fields cover ${offset} bytes, expected ${size}: fix the field table in lib/mailbox/fields.ts`);
  return table as FieldTable<S>;
}

/** A version-1 extend message (`xtnd`), request or reply. */
export const EXTEND_FIELDS = tile('extend message', SLOT_SIZE_BYTES,
  field('version', 'version', VERSION_SIZE_BYTES, 'ascii', ascii),
  field('opcode', 'opcode', OPCODE_SIZE_BYTES, 'ascii', ascii),
  field('domain', 'storage domain UUID', UUID_SIZE_BYTES, 'uuid-le', uuidLe),
  field('volume', 'volume UUID', UUID_SIZE_BYTES, 'uuid-le', uuidLe),
  field('size', 'new size (MiB, hex)', SIZE_DIGITS, 'hex-ascii', hexAscii),
  field('padding', 'padding', 'rest', 'ascii-zeros', ascii),
);

export const EXTEND_FIELD_LIST = Object.values(EXTEND_FIELDS);

/** A mailbox: 63 message slots, then slot 63 whose last 4 bytes hold the inbox checksum. */
export const MAILBOX_FIELDS = tile('mailbox', MAILBOX_SIZE_BYTES,
  field('messages', `message slots 0..${MESSAGE_SLOTS_PER_MAILBOX - 1}`, MESSAGE_SLOTS_PER_MAILBOX * SLOT_SIZE_BYTES, 'bytes', opaque),
  field('metadata', 'metadata (unused)', CHECKSUM_OFFSET_BYTES - MESSAGE_SLOTS_PER_MAILBOX * SLOT_SIZE_BYTES, 'bytes', opaque),
  field('checksum', 'checksum', CHECKSUM_SIZE_BYTES, 'u32le', u32le),
);

export const MAILBOX_FIELD_LIST = Object.values(MAILBOX_FIELDS);

/** Mailbox 0 of the inbox, written by an HSM after sending mail to wake the SPM. */
export const EVENT_FIELDS = tile('event block', MAILBOX_SIZE_BYTES,
  field('magic', 'event magic (\\0evt)', EVENT_MAGIC.length, 'bytes', opaque),
  field('uuid', 'event UUID', UUID_SIZE_BYTES, 'uuid-be', uuidBe),
  field('unused', 'unused', 'rest', 'bytes', opaque),
);

export const EVENT_FIELD_LIST = Object.values(EVENT_FIELDS);

/**
 * Every message type the decoder knows, by its opcode. A slot's kind is one of
 * these or 'empty', 'clean', 'unknown' (SlotKind): add a type here, with its
 * field table, and the compiler lists every place that must handle it.
 */
export const MESSAGE_TYPES = {
  extend: { opcode: EXTEND_OPCODE, fields: EXTEND_FIELD_LIST },
} as const satisfies Record<string, { opcode: string; fields: readonly Field[] }>;

export type MessageKind = keyof typeof MESSAGE_TYPES;

type IdsOf<L extends readonly Field[]> = L[number]['id'];
/** Whole-slot ranges of the hex view that are no message's fields. */
export type SlotRangeId = 'clean' | 'unknown' | 'leftover';
/**
 * Every range id the hex view can mark: message fields, mailbox fields, the
 * event block's (prefixed `event.`), whole slots, and the outbox's unused tail.
 */
export type FieldId =
  | IdsOf<(typeof MESSAGE_TYPES)[MessageKind]['fields']>
  | Exclude<IdsOf<typeof MAILBOX_FIELD_LIST>, 'messages'> // the slots are marked one by one
  | `event.${IdsOf<typeof EVENT_FIELD_LIST>}`
  | SlotRangeId
  | 'outbox-tail';
