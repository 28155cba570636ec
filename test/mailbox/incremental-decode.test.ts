/**
 * Decoding only the mailboxes whose bytes changed gives the same volume as
 * decoding everything, whatever changes: this is what lets a busy pool cost
 * what changed instead of the size of the window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeVolume, encodeEvent, encodeMailbox, MAILBOX_SIZE_BYTES, MailboxWindow, MESSAGE_SLOTS_PER_MAILBOX, type Message } from '@/lib/mailbox';

const uuid = fc.uuid({ version: [4] });
const message: fc.Arbitrary<Message> = fc.oneof(
  fc.record({ kind: fc.constant('extend' as const), domain: uuid, volume: uuid, sizeMiB: fc.nat({ max: 1 << 20 }) }),
  fc.constant({ kind: 'clean' as const }),
);
const mailbox = fc.dictionary(fc.integer({ min: 0, max: MESSAGE_SLOTS_PER_MAILBOX - 1 }).map(String), message, { maxKeys: 6 });

/** One change to a volume: a host's mailbox rewritten (maybe torn: checksum zeroed), a few bytes anywhere, or a new event. */
const change = (mailboxes: number) => fc.oneof(
  fc.record({ kind: fc.constant('rewrite' as const), host: fc.integer({ min: 1, max: mailboxes - 1 }), messages: mailbox, torn: fc.boolean() }),
  fc.record({ kind: fc.constant('noise' as const), at: fc.integer({ min: 0, max: mailboxes * MAILBOX_SIZE_BYTES - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('event' as const), uuid }),
);
type Change = fc.Arbitrary<ReturnType<typeof change> extends fc.Arbitrary<infer C> ? C : never> extends fc.Arbitrary<infer C> ? C : never;

function apply(bytes: Uint8Array, c: Change, kind: 'inbox' | 'outbox'): void {
  if (c.kind === 'rewrite') {
    const box = encodeMailbox(c.messages, { kind });
    if (c.torn) box.fill(0, MAILBOX_SIZE_BYTES - 4);
    bytes.set(box, c.host * MAILBOX_SIZE_BYTES);
  } else if (c.kind === 'noise') {
    bytes[c.at] = c.value;
  } else {
    bytes.set(encodeEvent(c.uuid), 0);
  }
}

/** Mailbox indexes whose bytes differ, as the poller's per-mailbox crcs tell them. */
function changedMailboxes(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i * MAILBOX_SIZE_BYTES < a.length; i++) {
    const at = i * MAILBOX_SIZE_BYTES;
    if (!Buffer.from(a.subarray(at, at + MAILBOX_SIZE_BYTES)).equals(Buffer.from(b.subarray(at, at + MAILBOX_SIZE_BYTES)))) out.push(i);
  }
  return out;
}

describe('decoding only what changed', () => {
  it('equals a whole decode after any sequence of changes to any mailboxes, in both volumes', () => {
    const scenario = fc.integer({ min: 2, max: 6 }).chain((mailboxes) =>
      fc.record({ mailboxes: fc.constant(mailboxes), maxHostId: fc.integer({ min: 1, max: mailboxes }), steps: fc.array(fc.array(change(mailboxes), { maxLength: 4 }), { minLength: 1, maxLength: 6 }) }));
    fc.assert(fc.property(scenario, fc.constantFrom('inbox' as const, 'outbox' as const), ({ mailboxes, maxHostId, steps }, kind) => {
      let bytes = new Uint8Array(mailboxes * MAILBOX_SIZE_BYTES);
      let decoded = decodeVolume(bytes, kind, { maxHostId });
      for (const step of steps) {
        const next = bytes.slice();
        for (const c of step) apply(next, c as Change, kind);
        decoded = decodeVolume(next, kind, { maxHostId }, { previous: decoded, changed: changedMailboxes(bytes, next) });
        // as JSON: every decoded field (slot hex, UUIDs, sizes, findings), without comparing buffers byte by byte
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(decodeVolume(next, kind, { maxHostId })));
        bytes = next;
      }
    }), { numRuns: 150 });
  });

  it('from windows patched read after read (as the live reader hands them out), equals a whole decode of the same bytes without joining them', () => {
    const scenario = fc.integer({ min: 2, max: 6 }).chain((mailboxes) =>
      fc.record({ mailboxes: fc.constant(mailboxes), maxHostId: fc.integer({ min: 1, max: mailboxes }), steps: fc.array(fc.array(change(mailboxes), { maxLength: 4 }), { minLength: 1, maxLength: 6 }) }));
    fc.assert(fc.property(scenario, fc.constantFrom('inbox' as const, 'outbox' as const), ({ mailboxes, maxHostId, steps }, kind) => {
      let bytes = new Uint8Array(mailboxes * MAILBOX_SIZE_BYTES);
      let window = MailboxWindow.of(bytes.slice());
      let decoded = decodeVolume(window, kind, { maxHostId });
      for (const step of steps) {
        const next = bytes.slice();
        for (const c of step) apply(next, c as Change, kind);
        const changed = changedMailboxes(bytes, next);
        const flags = new Uint8Array(mailboxes);
        const patch = new Uint8Array(changed.length * MAILBOX_SIZE_BYTES);
        changed.forEach((i, n) => {
          flags[i] = 1;
          patch.set(next.subarray(i * MAILBOX_SIZE_BYTES, (i + 1) * MAILBOX_SIZE_BYTES), n * MAILBOX_SIZE_BYTES);
        });
        window = window.patched(flags, patch);
        const joined = MailboxWindow.joined;
        decoded = decodeVolume(window, kind, { maxHostId }, { previous: decoded, changed });
        expect(MailboxWindow.joined).toBe(joined);
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(decodeVolume(next, kind, { maxHostId })));
        expect(Buffer.from(window.bytes).equals(next)).toBe(true);
        bytes = next;
      }
    }), { numRuns: 150 });
  });

  it('refuses a patch that does not fit its window', () => {
    const window = MailboxWindow.of(new Uint8Array(3 * MAILBOX_SIZE_BYTES));
    expect(() => window.patched(Uint8Array.of(0, 1, 1), new Uint8Array(MAILBOX_SIZE_BYTES))).toThrow(RangeError);
    expect(() => window.patched(Uint8Array.of(0, 1), new Uint8Array(MAILBOX_SIZE_BYTES))).toThrow(RangeError);
  });

  it('holds each mailbox\'s own bytes, not the buffer of the read it came from', () => {
    const bytes = new Uint8Array(3 * MAILBOX_SIZE_BYTES);
    bytes.set(encodeMailbox({ 0: { kind: 'extend', domain: '8adbc85e-e554-4ae0-b318-8a5465fe5fe1', volume: 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', sizeMiB: 5 } }), MAILBOX_SIZE_BYTES);
    const decoded = decodeVolume(bytes, 'inbox', { maxHostId: 2 });
    bytes.fill(0xff); // the reader's buffer reused for another read
    expect(decoded.hosts[0].slots[0]).toMatchObject({ kind: 'extend', domain: '8adbc85e-e554-4ae0-b318-8a5465fe5fe1', sizeMiB: 5 });
    expect(decoded.hosts[0].slots[0].hex.slice(0, 10)).toBe('3178746e64'); // '1xtnd'
  });

  it('keeps the decoded object of every mailbox that did not change', () => {
    const bytes = new Uint8Array(4 * MAILBOX_SIZE_BYTES);
    bytes.set(encodeMailbox({ 0: { kind: 'clean' } }), 1 * MAILBOX_SIZE_BYTES);
    const before = decodeVolume(bytes, 'inbox', { maxHostId: 3 });
    const next = bytes.slice();
    next.set(encodeMailbox({ 5: { kind: 'clean' } }), 2 * MAILBOX_SIZE_BYTES);
    const after = decodeVolume(next, 'inbox', { maxHostId: 3 }, { previous: before, changed: [2] });
    expect(after.hosts[0]).toBe(before.hosts[0]);
    expect(after.hosts[1]).not.toBe(before.hosts[1]);
    expect(after.hosts[1].slots.map((s) => s.index)).toEqual([5]);
    expect(after.hosts[2]).toBe(before.hosts[2]);
  });

  it('decodes everything when the previous volume had another size', () => {
    const small = decodeVolume(new Uint8Array(2 * MAILBOX_SIZE_BYTES), 'inbox', { maxHostId: 3 });
    const bigger = new Uint8Array(4 * MAILBOX_SIZE_BYTES);
    bigger.set(encodeMailbox({ 1: { kind: 'clean' } }), 3 * MAILBOX_SIZE_BYTES);
    expect(JSON.stringify(decodeVolume(bigger, 'inbox', { maxHostId: 3 }, { previous: small, changed: [] })))
      .toBe(JSON.stringify(decodeVolume(bigger, 'inbox', { maxHostId: 3 })));
  });
});
