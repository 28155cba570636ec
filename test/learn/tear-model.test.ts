import { describe, expect, it } from 'vitest';
import { SECTORS_PER_MAILBOX } from '@/lib/mailbox';
import { TEAR_MODES, tearFrames, tearScenarios } from '@/components/learn/tear-model';

const scenario = (id: string) => tearScenarios().find((s) => s.id === id)!;

describe('the tear player', () => {
  it('lands the checksum sector last, so every read before it fails and the read after it is valid', () => {
    const { before, after } = scenario('acknowledge-all');
    for (const mode of Object.values(TEAR_MODES)) {
      const frames = tearFrames(before, after, mode.events);
      const last = frames[frames.length - 1];
      expect(last.landed).toEqual(new Array(SECTORS_PER_MAILBOX).fill(true));
      for (const f of frames) if (f.landed[SECTORS_PER_MAILBOX - 1]) expect(f.landed.every(Boolean)).toBe(true);
      const reads = last.reads;
      expect(reads.at(-1)!.state).toBe('valid');
      expect(reads.slice(0, -1).every((r) => r.state === 'checksum_mismatch')).toBe(true);
    }
  });

  it('tags each sector of a read new or old by what had landed when it read', () => {
    const { before, after } = scenario('acknowledge-all');
    const reads = tearFrames(before, after, TEAR_MODES['pre-2017'].events).at(-1)!.reads;
    expect(reads.map((r) => r.sectors)).toEqual(['nooooooo', 'nnoooooo', 'nnnnoooo', 'nnnnnooo', 'nnnnnnnn']);
    expect(reads[2].summary).toBe('sectors 0-3 new, 4-7 old');
    const split = tearFrames(before, after, TEAR_MODES.split.events).at(-1)!.reads;
    expect(split.map((r) => r.sectors)).toEqual(['nnnnoooo', 'nnnnnnnn']);
  });

  it('shows bug 1426762 as the SPM saw it four times: stored 0, computed 6457, sector 0 new and 7 old', () => {
    const { before, after } = scenario('bug-1426762');
    const reads = tearFrames(before, after, TEAR_MODES['pre-2017'].events).at(-1)!.reads;
    expect(reads.slice(0, 4).map((r) => [r.stored, r.computed, r.state, r.sectors])).toEqual(
      new Array(4).fill([0, 6457, 'checksum_missing', 'n======o']));
    expect(reads[4]).toMatchObject({ stored: 6457, computed: 6457, state: 'valid' });
  });

  it('starts each play from the old mailbox, with one frame per event', () => {
    const { before, after } = scenario('bug-1426762');
    const frames = tearFrames(before, after, TEAR_MODES['pre-2017'].events);
    expect(frames.length).toBe(TEAR_MODES['pre-2017'].events.length + 1);
    expect(frames[0]).toMatchObject({ index: 0, event: null, reads: [] });
    expect(frames.map((f) => f.t)).toEqual([...frames.map((f) => f.t)].sort((a, b) => a - b));
    expect(() => tearFrames(before.subarray(0, 512), after, [])).toThrow(/4096-byte/);
  });
});
