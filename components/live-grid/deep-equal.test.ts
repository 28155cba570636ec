import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal';

describe('deepEqual', () => {
  it('agrees with comparing JSON text for any JSON value and its parsed copy', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => deepEqual(v, JSON.parse(JSON.stringify(v)))));
  });

  it('tells apart values whose canonical JSON differs', () => {
    const canonical = (v: unknown): string => JSON.stringify(v, (_k, x) =>
      x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1))) : x);
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => deepEqual(a, b) === (canonical(a) === canonical(b))));
  });

  it('compares arrays, objects and missing keys', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
