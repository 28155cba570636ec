import { describe, expect, it } from 'vitest';
import { isUuid } from '@/lib/mailbox';
import { createRandom } from '@/lib/simulator';
import { VirtualClock } from '@/lib/simulator/clock';

describe('createRandom', () => {
  it('repeats its sequence for a seed, and forks streams that do not depend on draw order', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    const fresh = createRandom(7).fork('hsm:3');
    expect(a.fork('hsm:3').next()).toBe(fresh.next());
    expect(createRandom(7).fork('hsm:5').next()).not.toBe(createRandom(7).fork('hsm:3').next());
  });

  it('makes version-4 UUIDs and keeps ints and ranges in bounds', () => {
    const r = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const uuid = r.uuid();
      expect(isUuid(uuid)).toBe(true);
      expect(uuid[14]).toBe('4');
      expect('89ab').toContain(uuid[19]);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      const x = r.between(60, 250);
      expect(x >= 60 && x < 250).toBe(true);
    }
  });
});

describe('VirtualClock', () => {
  it('runs callbacks in time order, same-time ones in the order scheduled, and stops at the target', () => {
    const clock = new VirtualClock();
    const ran: string[] = [];
    clock.after(20, () => ran.push(`b@${clock.now}`));
    clock.after(10, () => {
      ran.push(`a@${clock.now}`);
      clock.after(10, () => ran.push(`c@${clock.now}`)); // due at 20, after b
    });
    clock.after(30, () => ran.push(`d@${clock.now}`));
    clock.runUntil(25);
    expect(ran).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.now).toBe(25);
    expect(clock.nextAt()).toBe(30);
  });
});
