import { describe, expect, it } from 'vitest';
import { decodeVolume, pairMailboxes, type LifecycleStep } from '@/lib/mailbox';
import { createSimulation } from '@/lib/simulator';
import { fingerprint, Replay } from './replay';

const SEED = 1426762;
const MAX_HOST_ID = 64; // a smaller window keeps per-write decoding quick
const RUN_MS = 180_000;

function run(seed = SEED, ms = RUN_MS) {
  const sim = createSimulation({ seed, maxHostId: MAX_HOST_ID });
  const writes = sim.advance(ms);
  return { sim, writes };
}

describe('simulation', () => {
  const { sim, writes } = run();

  it('makes the same writes twice under the same seed, and other writes under another', () => {
    const again = createSimulation({ seed: SEED, maxHostId: MAX_HOST_ID });
    const stepped = [...again.advance(1000)];
    while (again.now < RUN_MS) stepped.push(...again.advance(Math.min(777, RUN_MS - again.now)));
    expect(fingerprint(stepped)).toEqual(fingerprint(writes));
    expect(again.requests).toEqual(sim.requests);
    expect(fingerprint(run(SEED + 1, 20_000).writes)).not.toEqual(fingerprint(writes.filter((w) => w.t <= 20_000)));
  });

  it('gives 12 hosts spread over the window plus one at maxHostId, 2 sector writers and 1 corrupter', () => {
    expect(sim.roles.map((r) => r.host)).toEqual([1, 2, 3, 5, 7, 8, 11, 13, 17, 19, 23, 42, MAX_HOST_ID]);
    expect(sim.roles.filter((r) => r.writes === 'sectors')).toHaveLength(2);
    expect(sim.roles.filter((r) => r.corrupts)).toHaveLength(1);
    expect(sim.roles.filter((r) => r.outsideWindow).map((r) => r.host)).toEqual([MAX_HOST_ID]);
  });

  it('writes each host mailbox whole (4096 bytes) or as 8 sectors of 512, and events as 4096 bytes at 0', () => {
    for (const w of writes) {
      if (w.what === 'event') expect([w.file, w.offset, w.bytes.length]).toEqual(['inbox', 0, 4096]);
      if (w.what === 'outbox') expect([w.file, w.offset, w.bytes.length]).toEqual(['outbox', 0, MAX_HOST_ID * 4096]);
      if (w.what === 'reply') expect(w.bytes.length).toBe(4096);
      if (w.what === 'mail') expect(w.bytes.length).toBe(w.part ? 512 : 4096);
      if (w.what === 'corrupt') expect(w.bytes.length).toBe(1);
    }
  });

  it('shows every step of a request\'s life in the decoded volumes, and a mismatched reply only over a corrupted byte', () => {
    const replay = new Replay(writes, MAX_HOST_ID + 1);
    const seen = new Set<LifecycleStep>();
    while (replay.step()) {
      const inbox = decodeVolume(replay.inbox, 'inbox', { maxHostId: MAX_HOST_ID });
      const outbox = decodeVolume(replay.outbox, 'outbox', { maxHostId: MAX_HOST_ID });
      inbox.hosts.forEach((mailbox, i) => {
        for (const { step } of pairMailboxes(mailbox, outbox.hosts[i])) {
          seen.add(step);
          if (step === 'mismatched_reply') {
            expect(sim.roles.find((r) => r.host === mailbox.host)?.corrupts).toBe(true);
            expect(mailbox.state).toBe('checksum_mismatch');
          }
        }
      });
    }
    const everyStep: LifecycleStep[] = ['requested', 'replied', 'failed', 'host_acked', 'spm_acked', 'free'];
    for (const step of everyStep) expect(seen).toContain(step);
    for (const step of seen) expect([...everyStep, 'mismatched_reply']).toContain(step);
  });

  it('completes the handshake of every request in the window, in order', () => {
    const settled = sim.requests.filter((r) => !r.outsideWindow && r.queuedAt < RUN_MS - 30_000);
    expect(settled.length).toBeGreaterThan(100);
    for (const r of settled) {
      expect(r.freed, `request ${r.id}`).toBeDefined();
      const reply = r.replies[0];
      expect(r.request!.seq).toBeLessThan(reply.seq);
      expect(reply.seq).toBeLessThan(r.hostAck!.seq);
      expect(r.hostAck!.seq).toBeLessThan(r.spmAck!.seq);
      expect(r.spmAck!.seq).toBeLessThan(r.freed!.seq);
    }
    const failed = settled.filter((r) => r.replies[0].sizeMiB === 0).length;
    expect(failed / settled.length).toBeGreaterThan(0.02);
    expect(failed / settled.length).toBeLessThan(0.2);
  });

  it('never answers the host at maxHostId, whose requests are resent, then abandoned', () => {
    const outside = sim.requests.filter((r) => r.host === MAX_HOST_ID);
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((r) => r.replies.length === 0)).toBe(true);
    expect(outside.some((r) => r.resends > 0 && r.abandoned)).toBe(true);
    expect(sim.reads.every((read) => read.requests.every((q) => q.host < MAX_HOST_ID))).toBe(true);
    const base = MAX_HOST_ID * 4096;
    expect(writes.some((w) => w.file === 'outbox' && w.offset + w.bytes.length > base)).toBe(false);
    const replay = new Replay(writes, MAX_HOST_ID + 1);
    replay.until(outside[0].request!.seq + 1);
    const mailbox = decodeVolume(replay.inbox, 'inbox', { maxHostId: MAX_HOST_ID }).hosts[MAX_HOST_ID - 1];
    expect(mailbox).toMatchObject({ host: MAX_HOST_ID, outsideWindow: true, state: 'valid' });
    expect(mailbox.findings.map((f) => f.id)).toContain('mailbox.outside-window');
  });

  it('answers only requests read from a mailbox whose checksum held in that read', () => {
    const checks = sim.requests.flatMap((r) => r.replies.map((reply) => ({ r, at: reply.read.afterSeq })));
    const failedReads = sim.reads.filter((read) => read.failed.length > 0);
    expect(failedReads.length).toBeGreaterThan(10);
    const events = [
      ...checks.map(({ r, at }) => ({ at, check: (replay: Replay) => {
        const mailbox = decodeVolume(replay.inbox, 'inbox', { maxHostId: MAX_HOST_ID }).hosts[r.host - 1];
        expect(mailbox.state).toBe('valid');
        expect(mailbox.slots.find((s) => s.index === r.slot)).toMatchObject({ kind: 'extend', volume: r.volume, sizeMiB: r.sizeMiB });
      } })),
      ...failedReads.map((read) => ({ at: read.afterSeq, check: (replay: Replay) => {
        const inbox = decodeVolume(replay.inbox, 'inbox', { maxHostId: MAX_HOST_ID });
        for (const host of read.failed) expect(inbox.hosts[host - 1].state).toMatch(/^checksum_(missing|mismatch)$/);
      } })),
    ].sort((a, b) => a.at - b.at);
    const replay = new Replay(writes, MAX_HOST_ID + 1);
    for (const { at, check } of events) {
      replay.until(at);
      check(replay);
    }
    for (const read of sim.reads) {
      for (const q of read.requests) expect(read.failed).not.toContain(q.host);
    }
  });
});
