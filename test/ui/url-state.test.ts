import { describe, expect, it } from 'vitest';
import { parseUrlState, searchOf } from '@/app/_components/url-state';

describe('url state', () => {
  it('reads source, host and slot, and writes them back in the same order', () => {
    const state = parseUrlState(new URLSearchParams('source=pool-a&host=7&slot=12'));
    expect(state).toEqual({ source: 'pool-a', host: 7, slot: 12 });
    expect(searchOf(state)).toBe('?source=pool-a&host=7&slot=12');
  });

  it('ignores a slot without a host and values out of range', () => {
    expect(parseUrlState(new URLSearchParams('slot=3'))).toEqual({ source: null, host: null, slot: null });
    expect(parseUrlState(new URLSearchParams('host=0&slot=63'))).toEqual({ source: null, host: null, slot: null });
    expect(parseUrlState(new URLSearchParams('host=4&slot=63'))).toEqual({ source: null, host: 4, slot: null });
    expect(parseUrlState(new URLSearchParams('host=-1'))).toEqual({ source: null, host: null, slot: null });
  });

  it('writes nothing for the default view and escapes source names', () => {
    expect(searchOf({ source: null, host: null, slot: null })).toBe('');
    expect(searchOf({ source: 'a b', host: 3, slot: null })).toBe('?source=a+b&host=3');
  });
});
