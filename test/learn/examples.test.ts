import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum, decodeSlot, MAILBOX_SIZE_BYTES, storedChecksum, toHex } from '@/lib/mailbox';
import { bug1426762, BUG_HOST, DOMAIN, slotExamples } from '@/components/learn/examples';
import { slotRanges } from '@/components/learn/slot-ranges';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/torn/torn-1426762');
const hostMailbox = (file: string, host: number) =>
  new Uint8Array(readFileSync(path.join(FIXTURE, file))).subarray(host * MAILBOX_SIZE_BYTES, (host + 1) * MAILBOX_SIZE_BYTES);

describe('the lesson’s examples', () => {
  it('rebuilds bug 1426762’s mailbox byte for byte as vdsm’s own code wrote it, before, torn and after', () => {
    const bug = bug1426762();
    expect(toHex(bug.torn)).toBe(toHex(hostMailbox('inbox', BUG_HOST)));
    expect(toHex(bug.before)).toBe(toHex(hostMailbox('inbox.before', BUG_HOST)));
    expect(toHex(bug.after)).toBe(toHex(hostMailbox('inbox.after', BUG_HOST)));
    expect([storedChecksum(bug.torn), checksum(bug.torn)]).toEqual([0, 6457]);
  });

  it('decodes every slot example as the kind it claims to be', () => {
    const kinds = Object.fromEntries(slotExamples().map((e) => [e.id, decodeSlot(e.bytes, 0, 0)]));
    expect(kinds.request).toMatchObject({ kind: 'extend', sizeMiB: 128, domain: DOMAIN });
    expect(kinds.reply).toMatchObject({ kind: 'extend', sizeMiB: 128 });
    expect(kinds.failed).toMatchObject({ kind: 'extend', sizeMiB: 0 });
    expect(kinds.clean.kind).toBe('clean');
    expect(kinds.empty.kind).toBe('empty');
    expect(kinds.unknown).toMatchObject({ kind: 'unknown', reason: "unknown opcode 'shrk'" });
  });

  it('makes the CLEAN 64 bytes of 0x01 and the failed reply differ from the request in its size only', () => {
    const ex = Object.fromEntries(slotExamples().map((e) => [e.id, e.bytes]));
    expect(toHex(ex.clean)).toBe('01'.repeat(64));
    const differing = [...ex.request].flatMap((b, i) => (b === ex.failed[i] ? [] : [i]));
    expect(differing.every((i) => i >= 37 && i < 53)).toBe(true);
    expect(toHex(ex.request, 5, 4)).toBe('e15ffe65'); // the domain UUID, reversed
  });

  it('colours a slot with the host detail’s field ranges, cut to the slot and tiling its 64 bytes', () => {
    const request = slotExamples()[0].bytes;
    const ranges = slotRanges(request, 'inbox', 5, 3);
    expect(ranges.map((r) => [r.offset, r.length, r.tone])).toEqual([[0, 1, 0], [1, 4, 0], [5, 16, 1], [21, 16, 2], [37, 16, 3], [53, 11, 4]]);
    expect(ranges[4]).toMatchObject({ label: 'new size (MiB, hex)', value: '128' });
    expect(slotRanges(new Uint8Array(64), 'inbox')).toEqual([]);
  });
});
