import { describe, expect, it } from 'vitest';
import { BINDINGS, commandFor } from '@/app/_components/key-commands';

describe('key commands', () => {
  it('maps arrows and vi keys to moves, and the documented keys to their commands', () => {
    expect(commandFor('ArrowDown')).toEqual({ kind: 'move', move: 'down' });
    expect(commandFor('k')).toEqual({ kind: 'move', move: 'up' });
    expect(commandFor('Enter')).toEqual({ kind: 'open' });
    expect(commandFor(' ')).toEqual({ kind: 'live' });
    expect(commandFor('?')).toEqual({ kind: 'help' });
    expect(commandFor('x')).toBeNull();
  });

  it('steps through reads with [ and ], jumps between marks with { and }, and returns to live with L', () => {
    expect(commandFor('[')).toEqual({ kind: 'step', by: -1 });
    expect(commandFor(']')).toEqual({ kind: 'step', by: 1 });
    expect(commandFor('{')).toEqual({ kind: 'jump', by: -1 });
    expect(commandFor('}')).toEqual({ kind: 'jump', by: 1 });
    expect(commandFor('L')).toEqual({ kind: 'to-live' });
    // lower-case l stays "slot to the right"
    expect(commandFor('l')).toEqual({ kind: 'move', move: 'right' });
    expect(commandFor('r')).toEqual({ kind: 'panel', panel: 'requests' });
  });

  it('binds every key once', () => {
    const keys = BINDINGS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
