/**
 * The tallied histogram is written exactly as prom-client's own Histogram
 * would write the same observations: whatever the values (on bucket bounds,
 * between, beyond the last), the series and the order they came in.
 */
import fc from 'fast-check';
import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { TallyHistogram } from './tally-histogram';

const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];
const NAME = 'mailbox_request_latency_seconds';
const HELP = 'Time of each handshake step.';

const observation = fc.record({
  source: fc.constantFrom('pool-a', 'pool "b"'),
  step: fc.constantFrom('reply', 'host_ack', 'total'),
  // read times are whole milliseconds apart; bounds themselves, and values past the last bucket
  seconds: fc.oneof(fc.integer({ min: 0, max: 400_000 }).map((ms) => ms / 1000), fc.constantFrom(...BUCKETS)),
});

describe('TallyHistogram', () => {
  it('writes what prom-client\'s Histogram writes for the same observations', async () => {
    await fc.assert(fc.asyncProperty(fc.array(observation, { maxLength: 60 }), fc.array(observation, { maxLength: 3 }), async (seen, zeroed) => {
      const theirs = new Registry();
      const ours = new Registry();
      const reference = new Histogram({ name: NAME, help: HELP, labelNames: ['source', 'step'], buckets: BUCKETS, registers: [theirs] });
      const tallied = new TallyHistogram(NAME, HELP, ['source', 'step'], BUCKETS, [ours]);
      for (const { source, step } of zeroed) {
        reference.zero({ source, step });
        tallied.zero({ source, step });
      }
      for (const { source, step, seconds } of seen) {
        reference.observe({ source, step }, seconds);
        tallied.series({ source, step }).observe(seconds);
      }
      expect(await ours.metrics()).toBe(await theirs.metrics());
    }), { numRuns: 200 });
  });
});
