import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeMailbox, decodeVolume, encodeMailbox, lifecycleStep, MAILBOX_SIZE_BYTES, MESSAGE_SLOTS_PER_MAILBOX, pairMailboxes, type Message,
} from '@/lib/mailbox';

const uuid = fc.uuid({ version: [1, 2, 3, 4, 5] });
const message: fc.Arbitrary<Message> = fc.oneof(
  fc.record({ kind: fc.constant('extend' as const), domain: uuid, volume: uuid, sizeMiB: fc.maxSafeNat() }),
  fc.constant({ kind: 'clean' as const }),
);
const mailboxMessages = fc.dictionary(
  fc.integer({ min: 0, max: MESSAGE_SLOTS_PER_MAILBOX - 1 }).map(String), message, { maxKeys: MESSAGE_SLOTS_PER_MAILBOX },
);

function asMessages(slots: ReturnType<typeof decodeMailbox>['slots']): Record<string, Message> {
  return Object.fromEntries(slots.map((s) => [String(s.index),
    s.kind === 'clean' ? { kind: 'clean' } : { kind: 'extend', domain: s.domain!, volume: s.volume!, sizeMiB: s.sizeMiB! }]));
}

describe('properties', () => {
  it('decoding any bytes of any length never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3 * MAILBOX_SIZE_BYTES + 17 }), fc.integer({ min: 1, max: 5 }), (bytes, maxHostId) => {
      for (const kind of ['inbox', 'outbox'] as const) {
        const volume = decodeVolume(bytes, kind, { maxHostId });
        expect(volume.mailboxCount).toBe(Math.floor(bytes.length / MAILBOX_SIZE_BYTES));
        for (let i = 0; i < volume.hosts.length; i++) pairMailboxes(volume.hosts[i], volume.hosts[i]);
      }
    }), { numRuns: 300 });
  });

  it('decoding a mailbox of random bytes in random slots never throws and classifies every slot', () => {
    const noisyMailbox = fc.array(fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 255 })), { maxLength: 200 });
    fc.assert(fc.property(mailboxMessages, noisyMailbox, (messages, noise) => {
      const bytes = encodeMailbox(messages);
      for (const [at, value] of noise) bytes[at] = value;
      const decoded = decodeMailbox(bytes, 0, { kind: 'inbox', host: 1, maxHostId: 250 });
      for (const slot of decoded.slots) expect(['empty', 'extend', 'clean', 'unknown']).toContain(slot.kind);
    }), { numRuns: 300 });
  });

  it('decode(encode(x)) equals x for any mailbox of extend and CLEAN messages', () => {
    fc.assert(fc.property(mailboxMessages, (messages) => {
      const decoded = decodeMailbox(encodeMailbox(messages), 0, { kind: 'inbox', host: 1, maxHostId: 250 });
      expect(decoded.findings).toEqual([]);
      expect(decoded.state).toBe(Object.keys(messages).length === 0 ? 'empty' : 'valid');
      expect(asMessages(decoded.slots)).toEqual(messages);
    }), { numRuns: 300 });
  });

  it('pairs an inbox and an outbox mailbox slot by slot, whatever they hold and in whatever order their slots come', () => {
    const noise = fc.array(fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 255 })), { maxLength: 40 });
    const mailbox = (kind: 'inbox' | 'outbox', messages: Record<string, Message>, bytes: [number, number][]) => {
      const raw = encodeMailbox(messages, { kind });
      for (const [at, value] of bytes) raw[at] = value;
      return decodeMailbox(raw, 0, { kind, host: 1, maxHostId: 250 });
    };
    fc.assert(fc.property(mailboxMessages, noise, mailboxMessages, noise, fc.boolean(), (a, noiseA, b, noiseB, shuffled) => {
      const inbox = mailbox('inbox', a, noiseA);
      const outbox = mailbox('outbox', { ...a, ...b }, noiseB);
      // the definition: each slot index on its own
      const expected: { slot: number; step: string }[] = [];
      for (let slot = 0; slot < MESSAGE_SLOTS_PER_MAILBOX; slot++) {
        const step = lifecycleStep(inbox.slots.find((s) => s.index === slot), outbox.slots.find((s) => s.index === slot));
        if (step !== null) expected.push({ slot, step });
      }
      const given = shuffled ? { ...inbox, slots: [...inbox.slots].reverse() } : inbox;
      expect(pairMailboxes(given, outbox)).toEqual(expected);
      expect(pairMailboxes(null, outbox)).toEqual(pairMailboxes({ ...inbox, slots: [] }, outbox));
    }), { numRuns: 300 });
  });
});
