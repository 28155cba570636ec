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

/** Reads 16 bytes at `offset` as a canonical lower-case UUID. */
export function readUuid(bytes: Uint8Array, offset: number, littleEndian: boolean): string {
  const h = HEX_BY_BYTE;
  // Byte i of the canonical (big-endian) form.
  const at = littleEndian ? (i: number) => h[bytes[offset + 15 - i]] : (i: number) => h[bytes[offset + i]];
  return (
    at(0) + at(1) + at(2) + at(3) + '-' + at(4) + at(5) + '-' + at(6) + at(7) + '-' +
    at(8) + at(9) + '-' + at(10) + at(11) + at(12) + at(13) + at(14) + at(15)
  );
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

export function toHex(bytes: Uint8Array, offset = 0, length = bytes.length - offset): string {
  let out = '';
  for (let i = offset; i < offset + length; i++) out += HEX_BY_BYTE[bytes[i]];
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
