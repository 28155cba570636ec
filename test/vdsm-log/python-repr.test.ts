import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesRepr, decodeBytesLiteral } from '@/lib/vdsm-log';

describe('Python bytes literals', () => {
  it('decodes every escape Python writes, in both quote styles', () => {
    const lit = String.raw`b'a\x00\xff\n\r\t\\\'\"z'`;
    expect([...decodeBytesLiteral(lit, 0).bytes]).toEqual([0x61, 0, 0xff, 10, 13, 9, 92, 39, 34, 0x7a]);
    const dq = String.raw`b"it's \x41"`;
    expect(new TextDecoder().decode(decodeBytesLiteral(dq, 0).bytes)).toBe("it's A");
  });

  it('decodes the escapes only a hand-written literal has: octal, \\a \\b \\f \\v, and keeps an unknown one as it is', () => {
    expect([...decodeBytesLiteral(String.raw`b'\0\101\7\a\b\f\v\q'`, 0).bytes]).toEqual([0, 65, 7, 7, 8, 12, 11, 92, 113]);
  });

  it('round-trips any bytes through Python-style repr', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 5 }), (bytes, tail) => {
      const repr = bytesRepr(bytes);
      const got = decodeBytesLiteral(repr + tail, 0);
      expect(got.complete).toBe(true);
      expect(got.end).toBe(repr.length);
      expect([...got.bytes]).toEqual([...bytes]);
    }));
  });

  it('says where a literal was cut short, keeping what came before, without throwing', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), (bytes, cut) => {
      const repr = bytesRepr(bytes);
      const at = 2 + (cut % (repr.length - 2));
      const got = decodeBytesLiteral(repr.slice(0, at), 0);
      expect(got.complete).toBe(false);
      expect([...got.bytes]).toEqual([...bytes.subarray(0, got.bytes.length)]);
    }));
    expect(decodeBytesLiteral(String.raw`b'\x4`, 0).problem).toMatch(/cut short/);
    expect(decodeBytesLiteral(String.raw`b'\xzz'`, 0).problem).toMatch(/bad escape/);
    expect(decodeBytesLiteral('x', 0).problem).toBe('no b prefix');
  });

  it('never reads more than it was asked to', () => {
    const got = decodeBytesLiteral(`b'${'a'.repeat(100)}'`, 0, 10);
    expect(got.bytes.length).toBe(10);
    expect(got.complete).toBe(false);
  });
});
