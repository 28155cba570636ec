import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteString } from '@/lib/vdsm-log';

/**
 * A browser's TextDecoder('latin1'), which the Encoding standard makes windows-1252: bytes 0x80–0x9F
 * become these characters. (Node's own TextDecoder reads them as latin1, so it cannot stand in.)
 */
const WINDOWS_1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const browserDecoder = {
  decode: (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F[b - 0x80] : b)).join(''),
};

describe('bytes to the scanner\'s text', () => {
  it('gives one char per byte without Node\'s Buffer (as in a browser worker), exactly as Node\'s latin1', () => {
    const saved = globalThis.Buffer;
    let browserDecode: (bytes: Uint8Array) => string;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      browserDecode = byteString(browserDecoder);
    } finally {
      globalThis.Buffer = saved;
    }
    const nodeDecode = byteString();
    const text = fc.oneof(
      fc.uint8Array({ maxLength: 70_000 }), // mostly with bytes 0x80–0x9F, which a browser's decoder changes
      fc.uint8Array({ maxLength: 70_000, max: 0x7f }), // a log's usual text
      fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0xa0, max: 0xff })), { maxLength: 2000 }).map((b) => Uint8Array.from(b)),
      fc.array(fc.integer({ min: 0, max: 0x7f }), { maxLength: 2000 }).chain((b) => fc.tuple(fc.nat(b.length), fc.integer({ min: 0x80, max: 0x9f }))
        .map(([at, odd]) => Uint8Array.from([...b.slice(0, at), odd, ...b.slice(at)]))), // one such byte in text
    );
    fc.assert(fc.property(text, (bytes) => {
      const decoded = browserDecode(bytes);
      expect(decoded.length).toBe(bytes.length);
      expect(decoded).toBe(nodeDecode(bytes));
    }), { numRuns: 200 });
  });
});
