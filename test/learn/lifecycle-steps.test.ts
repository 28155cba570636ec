import { describe, expect, it } from 'vitest';
import { decodeSlot } from '@/lib/mailbox';
import { lifeSteps } from '@/components/learn/lifecycle-steps';

describe('the request stepper', () => {
  it('walks the steps the grid names, from nothing to a freed slot', () => {
    expect(lifeSteps().map((s) => s.step)).toEqual([null, 'requested', 'replied', 'host_acked', 'spm_acked', 'free']);
    expect(lifeSteps(true).map((s) => s.step)).toEqual([null, 'requested', 'failed', 'host_acked', 'spm_acked', 'free']);
  });

  it('has exactly one side write at each step, and it is the side the step names', () => {
    const steps = lifeSteps();
    for (let i = 1; i < steps.length; i++) {
      const inboxChanged = steps[i].inbox.some((b, j) => b !== steps[i - 1].inbox[j]);
      const outboxChanged = steps[i].outbox.some((b, j) => b !== steps[i - 1].outbox[j]);
      expect([inboxChanged, outboxChanged]).toEqual(steps[i].writer === 'host' ? [true, false] : [false, true]);
    }
  });

  it('answers a failed extend with the request’s bytes 0..36 and size 0', () => {
    const failed = lifeSteps(true)[2];
    expect([...failed.outbox.subarray(0, 37)]).toEqual([...failed.inbox.subarray(0, 37)]);
    expect(decodeSlot(failed.outbox, 0, 0).sizeMiB).toBe(0);
  });
});
