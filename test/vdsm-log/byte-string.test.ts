import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteString } from '@/lib/vdsm-log';

describe('bytes to the scanner\'s text', () => {
  it('gives one char per byte without Node\'s Buffer (as in a browser worker), exactly as Node\'s latin1', () => {
    const saved = globalThis.Buffer;
    let browserDecode: (bytes: Uint8Array) => string;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      browserDecode = byteString();
    } finally {
      globalThis.Buffer = saved;
    }
    const nodeDecode = byteString();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
      const text = browserDecode(bytes);
      expect(text.length).toBe(bytes.length);
      expect(text).toBe(nodeDecode(bytes));
    }), { numRuns: 30 });
  });
});
