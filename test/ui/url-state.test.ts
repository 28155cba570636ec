import { describe, expect, it } from 'vitest';
import { LIVE_VIEW, parseUrlState, searchOf } from '@/app/_components/url-state';

describe('url state', () => {
  it('reads source, host and slot, and writes them back in the same order', () => {
    const state = parseUrlState(new URLSearchParams('source=pool-a&host=7&slot=12'));
    expect(state).toEqual({ ...LIVE_VIEW, source: 'pool-a', host: 7, slot: 12 });
    expect(searchOf(state)).toBe('?source=pool-a&host=7&slot=12');
  });

  it('ignores a slot without a host and values out of range', () => {
    expect(parseUrlState(new URLSearchParams('slot=3'))).toEqual(LIVE_VIEW);
    expect(parseUrlState(new URLSearchParams('host=0&slot=63'))).toEqual(LIVE_VIEW);
    expect(parseUrlState(new URLSearchParams('host=4&slot=63'))).toEqual({ ...LIVE_VIEW, host: 4 });
    expect(parseUrlState(new URLSearchParams('host=-1'))).toEqual(LIVE_VIEW);
  });

  it('writes nothing for the default view and escapes source names', () => {
    expect(searchOf(LIVE_VIEW)).toBe('');
    expect(searchOf({ ...LIVE_VIEW, source: 'a b', host: 3 })).toBe('?source=a+b&host=3');
  });

  it('carries the read of a time-travelled view, so a pasted link opens the same moment', () => {
    const state = parseUrlState(new URLSearchParams('source=p&seq=123456789&host=3&slot=0'));
    expect(state).toMatchObject({ seq: 123456789, host: 3, slot: 0 });
    expect(searchOf(state)).toBe('?source=p&seq=123456789&host=3&slot=0');
    expect(parseUrlState(new URLSearchParams('seq=-2')).seq).toBeNull();
    expect(parseUrlState(new URLSearchParams('seq=12x')).seq).toBeNull();
    expect(parseUrlState(new URLSearchParams('seq=0')).seq).toBe(0);
  });

  it('carries the drawer tab, and drops unknown ones', () => {
    expect(searchOf(parseUrlState(new URLSearchParams('source=p&panel=requests')))).toBe('?source=p&panel=requests');
    expect(parseUrlState(new URLSearchParams('panel=nonsense')).panel).toBeNull();
  });
});
