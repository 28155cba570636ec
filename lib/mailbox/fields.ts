/**
 * The field table: every field of a message slot, a mailbox and the event
 * block, described once. The decoder, the encoder and the hex view read it.
 */
import {
  CHECKSUM_OFFSET_BYTES,
  CHECKSUM_SIZE_BYTES,
  MAILBOX_SIZE_BYTES,
  MESSAGE_SLOTS_PER_MAILBOX,
  SLOT_SIZE_BYTES,
} from './constants';
import { readUuid, writeUuid } from './uuid';

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

export interface Field<T = unknown> {
  id: string;
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

const u32le: Codec<number> = {
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

function field<T>(id: string, label: string, offset: number, length: number, encoding: Encoding, codec: Codec<T>): Field<T> {
  return { id, label, offset, length, encoding, codec };
}

/** A version-1 extend message (`xtnd`), request or reply. */
export const EXTEND_FIELDS = {
  version: field('version', 'version', 0, 1, 'ascii', ascii),
  opcode: field('opcode', 'opcode', 1, 4, 'ascii', ascii), // 1 + 4 = 5
  domain: field('domain', 'storage domain UUID', 5, 16, 'uuid-le', uuidLe), // 5 + 16 = 21
  volume: field('volume', 'volume UUID', 21, 16, 'uuid-le', uuidLe), // 21 + 16 = 37
  size: field('size', 'new size (MiB, hex)', 37, 16, 'hex-ascii', hexAscii), // 37 + 16 = 53
  padding: field('padding', 'padding', 53, 11, 'ascii-zeros', ascii), // 53 + 11 = 64
} as const;

export const EXTEND_FIELD_LIST: readonly Field[] = Object.values(EXTEND_FIELDS);

/** A mailbox: 63 message slots, then slot 63 whose last 4 bytes hold the inbox checksum. */
export const MAILBOX_FIELDS = {
  messages: field('messages', 'message slots 0..62', 0, MESSAGE_SLOTS_PER_MAILBOX * SLOT_SIZE_BYTES, 'bytes', opaque),
  metadata: field('metadata', 'metadata (unused)', 4032, CHECKSUM_OFFSET_BYTES - 4032, 'bytes', opaque), // 63 × 64 = 4032
  checksum: field('checksum', 'checksum', CHECKSUM_OFFSET_BYTES, CHECKSUM_SIZE_BYTES, 'u32le', u32le), // 4092 + 4 = 4096
} as const;

export const MAILBOX_FIELD_LIST: readonly Field[] = Object.values(MAILBOX_FIELDS);

/** Mailbox 0 of the inbox, written by an HSM after sending mail to wake the SPM. */
export const EVENT_FIELDS = {
  magic: field('magic', 'event magic (\\0evt)', 0, 4, 'bytes', opaque),
  uuid: field('uuid', 'event UUID', 4, 16, 'uuid-be', uuidBe), // 4 + 16 = 20
  unused: field('unused', 'unused', 20, MAILBOX_SIZE_BYTES - 20, 'bytes', opaque),
} as const;

export const EVENT_FIELD_LIST: readonly Field[] = Object.values(EVENT_FIELDS);
