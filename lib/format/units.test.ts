import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatClockMs, formatDuration, formatSpan, formatInterval, groupDigits, hex, humanMiB } from './units';

describe('humanMiB', () => {
  it('keeps MiB below a GiB and switches to GiB and TiB at whole units', () => {
    expect(humanMiB(0)).toBe('0 MiB');
    expect(humanMiB(128)).toBe('128 MiB');
    expect(humanMiB(1024)).toBe('1 GiB');
    expect(humanMiB(2048)).toBe('2 GiB');
    expect(humanMiB(1536)).toBe('1.5 GiB');
    expect(humanMiB(1024 * 1024 * 3)).toBe('3 TiB');
  });

  it('rounds odd sizes to two decimals without trailing zeros', () => {
    expect(humanMiB(1100)).toBe('1.07 GiB');
    expect(humanMiB(4294967295)).toBe('4096 TiB');
  });
});

describe('time and number formats', () => {
  it('says how long ago in seconds, then minutes, then hours', () => {
    expect(formatAge(400)).toBe('now');
    expect(formatAge(2_000)).toBe('2 s ago');
    expect(formatAge(-5_000)).toBe('now');
    expect(formatAge(180_000)).toBe('3 min ago');
    expect(formatAge(3 * 3_600_000)).toBe('3 h ago');
  });

  it('shows the local wall clock with seconds', () => {
    expect(formatClock(new Date(2024, 0, 2, 9, 5, 7))).toBe('09:05:07');
  });

  it('formats durations and intervals with units', () => {
    expect(formatDuration(0.4123)).toBe('0.41 ms');
    expect(formatDuration(12.34)).toBe('12.3 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatInterval(500)).toBe('0.5 s');
    expect(formatInterval(2000)).toBe('2 s');
    expect(formatInterval(300)).toBe('300 ms');
  });

  it('groups digits and pads hex offsets', () => {
    expect(groupDigits(284577)).toBe('284\u2009577');
    expect(groupDigits(64)).toBe('64');
    expect(hex(4096 * 7)).toBe('00007000');
  });

  it('writes latencies in human units, and clock times to the millisecond', () => {
    expect(formatSpan(349.6)).toBe('350 ms');
    expect(formatSpan(1834)).toBe('1.83 s');
    expect(formatSpan(12_540)).toBe('12.5 s');
    expect(formatSpan(333_000)).toBe('5 min 33 s');
    expect(formatSpan(7_500_000)).toBe('2 h 5 min');
    expect(formatSpan(3_600_000)).toBe('1 h');
    expect(formatSpan(120_000)).toBe('2 min');
    expect(formatClockMs(new Date(2024, 0, 2, 9, 5, 7, 42))).toBe('09:05:07.042');
  });
});
