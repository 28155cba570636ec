/**
 * UUIDs in mailbox messages are stored as the UUID's 128-bit integer in
 * little-endian order: the usual big-endian bytes, reversed. The event block
 * uses the usual big-endian order.
 */

const HEX_BY_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const UUID_SIZE_BYTES = 16;

export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text);
}

// Char codes of each byte's two hex digits, and where canonical byte i goes in "xxxxxxxx-xxxx-…".
const HIGH_DIGIT = Uint8Array.from(HEX_BY_BYTE, (h) => h.charCodeAt(0));
const LOW_DIGIT = Uint8Array.from(HEX_BY_BYTE, (h) => h.charCodeAt(1));
const UUID_CHAR_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const DASH = 0x2d;
// Built as char codes and turned into a string in one call: concatenating 20 pieces per UUID is ten times slower.
const uuidChars: number[] = Array.from({ length: 36 }, () => DASH);

/** Reads 16 bytes at `offset` as a canonical lower-case UUID. */
export function readUuid(bytes: Uint8Array, offset: number, littleEndian: boolean): string {
  for (let i = 0; i < UUID_SIZE_BYTES; i++) {
    const b = bytes[littleEndian ? offset + 15 - i : offset + i];
    const at = UUID_CHAR_AT[i];
    uuidChars[at] = HIGH_DIGIT[b];
    uuidChars[at + 1] = LOW_DIGIT[b];
  }
  return String.fromCharCode.apply(null, uuidChars);
}

/** Writes a UUID's 16 bytes at `offset`. Throws on a malformed UUID: a caller mistake. */
export function writeUuid(bytes: Uint8Array, offset: number, uuid: string, littleEndian: boolean): void {
  if (!isUuid(uuid)) throw new TypeError(`not a UUID: ${JSON.stringify(uuid)}`);
  const hex = uuid.replace(/-/g, '');
  for (let i = 0; i < UUID_SIZE_BYTES; i++) {
    const value = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    bytes[offset + (littleEndian ? 15 - i : i)] = value;
  }
}

const hexChars: number[] = [];

export function toHex(bytes: Uint8Array, offset = 0, length = bytes.length - offset): string {
  // In chunks: String.fromCharCode.apply takes a bounded number of arguments.
  let out = '';
  for (let start = offset; start < offset + length; start += 4096) {
    const end = Math.min(start + 4096, offset + length);
    hexChars.length = 2 * (end - start);
    for (let i = start, j = 0; i < end; i++, j += 2) {
      hexChars[j] = HIGH_DIGIT[bytes[i]];
      hexChars[j + 1] = LOW_DIGIT[bytes[i]];
    }
    out += String.fromCharCode.apply(null, hexChars);
  }
  return out;
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) throw new TypeError('not an even-length hex string');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function byteHex(value: number): string {
  return HEX_BY_BYTE[value & 0xff];
}
