import { describe, expect, it } from 'vitest';
import { checksum, CLEAN, encodeEvent, encodeMailbox, extend } from '@/lib/mailbox';
import { FIELD_LEGEND, mailboxRanges, u32leBytes } from './mailbox-ranges';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';

describe('mailboxRanges', () => {
  it('colours each extend field of a slot and names it with its value', () => {
    const mailbox = encodeMailbox({ 1: extend(D, V, 100) });
    const ranges = mailboxRanges(mailbox, 'inbox', 7, { stored: checksum(mailbox), computed: checksum(mailbox) });
    const domain = ranges.find((r) => r.label === 'slot 1 · storage domain UUID')!;
    expect(domain).toMatchObject({ offset: 64 + 5, length: 16, value: D, tone: 1 });
    expect(ranges.find((r) => r.label === 'slot 1 · new size (MiB, hex)')).toMatchObject({ value: '100', tone: 3 });
  });

  it('writes stored and computed checksum under a torn mailbox, as bytes too', () => {
    const mailbox = encodeMailbox({ 1: extend(D, V, 100) });
    mailbox.fill(0, 4092);
    const computed = checksum(mailbox);
    const sum = mailboxRanges(mailbox, 'inbox', 7, { stored: 0, computed }).find((r) => r.offset === 4092)!;
    expect(sum.severity).toBe('error');
    expect(sum.note).toContain(`stored 0 (00 00 00 00), computed ${computed}`);
    expect(sum.note).toContain('missing');
  });

  it('marks the outbox tail as unused, with no checksum note', () => {
    const ranges = mailboxRanges(encodeMailbox({}, { kind: 'outbox' }), 'outbox', 3, null);
    expect(ranges.find((r) => r.offset === 4092)).toMatchObject({ label: 'unused (outbox has no checksum)', tone: 7 });
    expect(ranges.some((r) => r.note)).toBe(false);
  });

  it('prints 32-bit values little-endian', () => {
    expect(u32leBytes(6457)).toBe('39 19 00 00');
  });
});

describe('hex colours', () => {
  it('every range of every kind of mailbox has a colour', () => {
    const inbox = encodeMailbox({ 0: extend(D, V, 100), 1: CLEAN, 2: extend(D, V, 1) });
    inbox.set([0x66, 0x6f, 0x6f, 0x21], 2 * 64 + 1); // slot 2: unknown opcode
    inbox[3 * 64 + 5] = 7; // slot 3: empty with a leftover byte
    const outbox = encodeMailbox({ 0: extend(D, V, 100) }, { kind: 'outbox' });
    const ranges = [
      ...mailboxRanges(inbox, 'inbox', 4, null),
      ...mailboxRanges(outbox, 'outbox', 4, null),
      ...mailboxRanges(encodeEvent(D), 'inbox', 0, null),
    ];
    expect(ranges.filter((r) => r.tone === undefined)).toEqual([]);
    const labelled = new Map(ranges.map((r) => [r.label, r.tone]));
    expect(Object.fromEntries(['slot 1 · CLEAN', 'slot 3 · empty, leftover bytes', 'event UUID', 'unused (outbox has no checksum)'].map((l) => [l, labelled.get(l)])))
      .toEqual({ 'slot 1 · CLEAN': 5, 'slot 3 · empty, leftover bytes': 6, 'event UUID': 1, 'unused (outbox has no checksum)': 7 });
  });

  it('the legend lists each colour once, checksum before unused', () => {
    expect(FIELD_LEGEND.map((l) => l.tone)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 7]);
  });
});
