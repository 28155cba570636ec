/** Bytes as a byte string (latin1: char i = byte i), the same in Node and in a browser. */
type BufferLike = { from(b: ArrayBufferLike, off: number, len: number): { toString(enc: string): string } };

/** Bytes per String.fromCharCode call: well under every engine's limit on arguments. */
const CHAR_CODES_PER_CALL = 16 * 1024;

/**
 * What a browser's TextDecoder gives for 'latin1' is windows-1252, which reads bytes 0x80–0x9F as
 * other characters, all above U+00FF; every other byte it reads as latin1 does.
 */
const BEYOND_LATIN1 = /[^\x00-\xff]/;

function fromCharCodes(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += CHAR_CODES_PER_CALL) {
    text += String.fromCharCode.apply(null, bytes.subarray(at, at + CHAR_CODES_PER_CALL) as unknown as number[]);
  }
  return text;
}

/**
 * Bytes to a byte string (latin1: char i = byte i) for the scanner's lines. In Node, Buffer's latin1.
 * In a browser, TextDecoder (in Chromium 6 to 30 times faster than String.fromCharCode over the
 * bytes), unless the text holds a byte 0x80–0x9F, which windows-1252 would change: then
 * String.fromCharCode, byte for byte. Either way the same string as Node's.
 */
export function byteString(decoder: { decode(bytes: Uint8Array): string } = new TextDecoder('latin1')): (bytes: Uint8Array) => string {
  const B = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (B) return (bytes) => B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (bytes) => {
    const text = decoder.decode(bytes);
    return BEYOND_LATIN1.test(text) ? fromCharCodes(bytes) : text;
  };
}
