import { describe, expect, it } from 'vitest';
import {
  CLEAN, decodeVolume, encodeMailbox, extend, MAILBOX_SIZE_BYTES, type DecodedMailbox, type DecodedSlot, type Message,
} from '@/lib/mailbox';
import { createSimulation, type RequestRecord } from '@/lib/simulator';
import { Replay } from './replay';

const SEED = 20170227;
const MAX_HOST_ID = 250; // vdsm's default window, with host 250 just past it

function slotOf(mailbox: DecodedMailbox, slot: number): DecodedSlot | undefined {
  return mailbox.slots.find((s) => s.index === slot);
}

/** The messages a decoded mailbox holds, as encoder input. */
function messagesOf(mailbox: DecodedMailbox): Map<number, Message> {
  return new Map(mailbox.slots.map((s) => [s.index, s.kind === 'clean' ? CLEAN : extend(s.domain!, s.volume!, s.sizeMiB!)]));
}

describe('simulator output round trip', () => {
  const sim = createSimulation({ seed: SEED });
  const writes = sim.advance(120_000);

  it('decodes each handshake step to exactly what the simulation says it wrote', () => {
    type Check = { seq: number; run: (inbox: DecodedMailbox, outbox: DecodedMailbox) => void; r: RequestRecord };
    const checks: Check[] = [];
    for (const r of sim.requests) {
      const request = { kind: 'extend', domain: r.domain, volume: r.volume, sizeMiB: r.sizeMiB };
      if (r.request) checks.push({ r, seq: r.request.seq, run: (inbox) => expect(slotOf(inbox, r.slot)).toMatchObject(request) });
      for (const reply of r.replies) {
        checks.push({ r, seq: reply.seq, run: (_, outbox) => expect(slotOf(outbox, r.slot)).toMatchObject({ ...request, sizeMiB: reply.sizeMiB }) });
      }
      if (r.hostAck) checks.push({ r, seq: r.hostAck.seq, run: (inbox) => expect(slotOf(inbox, r.slot)?.kind).toBe('clean') });
      if (r.spmAck) checks.push({ r, seq: r.spmAck.seq, run: (_, outbox) => expect(slotOf(outbox, r.slot)?.kind).toBe('clean') });
      const freed = r.freed ?? r.abandoned;
      if (freed) checks.push({ r, seq: freed.seq, run: (inbox) => expect(slotOf(inbox, r.slot)).toBeUndefined() });
    }
    expect(checks.length).toBeGreaterThan(400);
    checks.sort((a, b) => a.seq - b.seq);
    const replay = new Replay(writes, MAX_HOST_ID + 1);
    for (const { r, seq, run } of checks) {
      replay.until(seq + 1); // the state right after the write that completed the step
      const inbox = decodeVolume(replay.inbox, 'inbox', { maxHostId: MAX_HOST_ID }).hosts[r.host - 1];
      const outbox = decodeVolume(replay.outbox, 'outbox', { maxHostId: MAX_HOST_ID }).hosts[r.host - 1];
      run(inbox, outbox);
    }
  });

  it('re-encodes every whole mailbox a host wrote to the same bytes', () => {
    const whole = writes.filter((w) => w.file === 'inbox' && w.what === 'mail' && !w.part);
    expect(whole.length).toBeGreaterThan(200);
    for (const w of whole) {
      const host = w.offset / MAILBOX_SIZE_BYTES;
      const volume = new Uint8Array((host + 1) * MAILBOX_SIZE_BYTES);
      volume.set(w.bytes, w.offset);
      const decoded = decodeVolume(volume, 'inbox', { maxHostId: MAX_HOST_ID }).hosts[host - 1];
      expect(decoded.state === 'valid' || decoded.state === 'empty').toBe(true);
      expect(decoded.findings.filter((f) => f.id !== 'mailbox.outside-window')).toEqual([]);
      expect(encodeMailbox(messagesOf(decoded))).toEqual(w.bytes);
    }
  });

  it('leaves files whose replay equals the simulation\'s own volumes, and decodes to the open requests', () => {
    const replay = new Replay(writes, MAX_HOST_ID + 1);
    replay.until(writes.length);
    // Buffer.equals: toEqual walks a megabyte element by element.
    expect(Buffer.from(replay.inbox).equals(sim.inbox)).toBe(true);
    expect(Buffer.from(replay.outbox).equals(sim.outbox)).toBe(true);
    const inbox = decodeVolume(replay.inbox, 'inbox', { maxHostId: MAX_HOST_ID });
    const decoded = inbox.hosts.flatMap((m) => m.slots.filter((s) => s.kind === 'extend').map((s) => ({ host: m.host, slot: s.index, volume: s.volume })));
    const open = sim.requests
      .filter((r) => r.request && !r.hostAck && !r.freed && !r.abandoned)
      .map((r) => ({ host: r.host, slot: r.slot, volume: r.volume }));
    expect(decoded).toEqual(expect.arrayContaining(open));
    expect(inbox.event?.state).toBe('event');
  });
});
