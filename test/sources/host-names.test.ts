import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HostNamesError, hostLabel, hostNamesFromJson, mergeHostNames, parseHostNames } from '@/lib/sources/host-names';

describe('MAILBOX_HOST_NAMES', () => {
  it('maps each host id to its name, ignoring spaces and empty entries', () => {
    const names = parseHostNames(' 1=hv-a, 7 = hv-b.example.com ,,');
    expect([...names]).toEqual([[1, 'hv-a'], [7, 'hv-b.example.com']]);
    expect(hostLabel(7, names)).toBe('7 (hv-b.example.com)');
    expect(hostLabel(3, names)).toBe('3');
  });

  it('is empty when unset or blank', () => {
    expect(parseHostNames(undefined).size).toBe(0);
    expect(parseHostNames('  ').size).toBe(0);
  });

  it.each([
    ['1hv-a', /entry "1hv-a" has no '='/],
    ['x=hv-a', /expected a host id 0..2000 before '=', got "x"/],
    ['-1=hv-a', /expected a host id/],
    ['2001=hv-a', /expected a host id/],
    ['1=', /expected a name/],
    ['1=<script>', /expected a name/],
    ['1=a,1=b', /host 1 is named twice/],
  ])('rejects %j with an error naming the entry', (raw, message) => {
    expect(() => parseHostNames(raw)).toThrow(HostNamesError);
    expect(() => parseHostNames(raw)).toThrow(message);
    expect(() => parseHostNames(raw)).toThrow(/^MAILBOX_HOST_NAMES: /);
  });

  it('round-trips any set of valid names, and never throws anything but its own error', () => {
    const entry = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/));
    fc.assert(fc.property(fc.uniqueArray(entry, { selector: (e) => e[0] }), (entries) => {
      const parsed = parseHostNames(entries.map(([id, name]) => `${id}=${name}`).join(','));
      expect([...parsed]).toEqual(entries);
    }));
    fc.assert(fc.property(fc.string(), (raw) => {
      try {
        parseHostNames(raw);
      } catch (error) {
        expect(error).toBeInstanceOf(HostNamesError);
      }
    }));
  });

  it('reads the JSON of /api/sources back, and lets the first set of names win a merge', () => {
    expect([...hostNamesFromJson({ 7: 'hv-b', x: 'no', 3: '' })]).toEqual([[7, 'hv-b']]);
    expect(hostNamesFromJson(undefined).size).toBe(0);
    const merged = mergeHostNames(new Map([[1, 'configured']]), new Map([[1, 'from a log'], [4, 'hv-d']]));
    expect([...merged].sort()).toEqual([[1, 'configured'], [4, 'hv-d']]);
  });
});
