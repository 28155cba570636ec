/** The byte-level marker search finds what a plain search for each marker finds first, wherever markers fall. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkerSearch } from '@/lib/vdsm-log/marker-search';
import { MARKERS } from '@/lib/vdsm-log/scanner';

const SEARCH = new MarkerSearch(MARKERS);
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The first marker at or after `from` ending by `to`, by a plain search per marker. */
function naive(text: string, from: number, to: number): number {
  let best = -1;
  for (const m of MARKERS) {
    const at = text.indexOf(m, from);
    if (at >= 0 && at + m.length <= to && (best < 0 || at < best)) best = at;
  }
  return best;
}

describe('MarkerSearch', () => {
  it('finds the first marker as a search for each would, in text made of markers, their pieces and noise', () => {
    const piece = fc.oneof(
      fc.constantFrom(...MARKERS),
      fc.constantFrom(...MARKERS).map((m) => m.slice(0, Math.max(1, m.length - 2))), // a marker cut short
      fc.constantFrom(...MARKERS).map((m) => m.slice(1)),
      fc.string({ unit: fc.constantFrom('c', 'h', 'e', 'k', 's', ' ', '\n', 'd', 'I', '(', '=', ',', 'o', 'p', 'i'), maxLength: 12 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
      const text = pieces.join('');
      const bytes = bytesOf(text);
      const from = text.length === 0 ? 0 : a % (text.length + 1);
      const to = from + (text.length - from === 0 ? 0 : b % (text.length - from + 1));
      expect(SEARCH.next(bytes, from, to)).toBe(naive(text, from, to));
    }), { numRuns: 2000 });
  });

  it('walks every marker of a line in order, and none in lines without one', () => {
    const text = `a connectStoragePool(hostID=3 b\nno marker here\nprocessRequest: x 1+0 records out 512 bytes copied, 1 s and checksum failed\n`;
    const bytes = bytesOf(text);
    const found: number[] = [];
    for (let at = SEARCH.next(bytes, 0, bytes.length); at >= 0; at = SEARCH.next(bytes, at + 1, bytes.length)) found.push(at);
    expect(found).toEqual([text.indexOf('connectStoragePool('), text.indexOf('processRequest: '), text.indexOf(' records out'), text.indexOf('checksum failed')]);
  });
});
