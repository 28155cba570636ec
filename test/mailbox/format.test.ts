import { describe, expect, it } from 'vitest';
import {
  CLEAN, checksum, decodeMailbox, decodeSlot, decodeVolume, encodeEvent, encodeMailbox, encodeMessage, encodeVolume,
  EVENT_FIELD_LIST, EXTEND_FIELD_LIST, extend, fromHex, hexdumpC, MAILBOX_FIELD_LIST, MAILBOX_SIZE_BYTES, toHex,
  writeChecksum, type Field,
} from '@/lib/mailbox';

const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const VOLUME = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const ctx = (host = 1, maxHostId = 250) => ({ kind: 'inbox' as const, host, maxHostId });

function tiles(fields: readonly Field[], size: number) {
  let at = 0;
  for (const f of fields) {
    expect(f.offset, `${f.id} starts where the previous field ends`).toBe(at);
    at += f.length;
  }
  expect(at).toBe(size);
}

describe('the field table', () => {
  it('extend fields tile the 64-byte slot with no gap or overlap', () => tiles(EXTEND_FIELD_LIST, 64));
  it('mailbox fields tile the 4096-byte mailbox', () => tiles(MAILBOX_FIELD_LIST, MAILBOX_SIZE_BYTES));
  it('event fields tile mailbox 0', () => tiles(EVENT_FIELD_LIST, MAILBOX_SIZE_BYTES));
});

describe('checksum', () => {
  it("flags the bug report's case: data summing to 6457 with a zero checksum is checksum_missing", () => {
    const mailbox = new Uint8Array(MAILBOX_SIZE_BYTES);
    mailbox.set(encodeMessage(extend(DOMAIN, VOLUME, 100)), 64); // slot 1, as in the report
    expect(checksum(mailbox)).toBe(6457);
    const decoded = decodeMailbox(mailbox, 0, ctx(7));
    expect(decoded.state).toBe('checksum_missing');
    expect(decoded.checksum).toEqual({ stored: 0, computed: 6457 });
    // once the last sector lands, the checksum word reads 39 19 00 00: vdsm logged it as expected='9\x19\x00\x00'
    expect(toHex(encodeMailbox({ 1: extend(DOMAIN, VOLUME, 100) }).subarray(4092))).toBe('39190000');
    expect(decoded.findings[0]).toMatchObject({ id: 'mailbox.checksum.missing', severity: 'error', host: 7 });
    expect(decoded.findings[0].message).toBe('expected checksum 6457 (sum of bytes 0..4091), got 0');
  });

  it('stores the sum little-endian in bytes 4092..4095 and reads back valid', () => {
    const mailbox = encodeMailbox({ 0: extend(DOMAIN, VOLUME, 128) });
    expect(toHex(mailbox, 4092, 4)).toBe('37190000'); // 6455
    expect(decodeMailbox(mailbox, 0, ctx(3)).state).toBe('valid');
  });

  it('a stored checksum that is not 0 and not the sum is checksum_mismatch', () => {
    const mailbox = encodeMailbox({ 0: extend(DOMAIN, VOLUME, 128) });
    mailbox[100] ^= 0x10;
    expect(decodeMailbox(mailbox, 0, ctx()).state).toBe('checksum_mismatch');
  });

  it('the all-zero mailbox is valid but empty', () => {
    const decoded = decodeMailbox(new Uint8Array(MAILBOX_SIZE_BYTES), 0, ctx());
    expect(decoded).toMatchObject({ state: 'empty', checksum: { stored: 0, computed: 0 }, spmReads: false, slots: [], findings: [] });
  });

  it('sums a full mailbox the same whether or not its bytes are 4-byte aligned', () => {
    const mailbox = encodeMailbox(Object.fromEntries([...Array(63).keys()].map((i) => [i, extend(DOMAIN, VOLUME, 2 ** 40 + i)])));
    const shifted = new Uint8Array(MAILBOX_SIZE_BYTES + 1).subarray(1);
    shifted.set(mailbox);
    expect(decodeMailbox(shifted, 0, ctx()).checksum).toEqual(decodeMailbox(mailbox, 0, ctx()).checksum);
    expect(decodeMailbox(mailbox, 0, ctx()).state).toBe('valid');
  });
});

describe('extend messages', () => {
  it('stores UUIDs as little-endian 128-bit integers (the reverse of the usual bytes)', () => {
    const slot = encodeMessage(extend(DOMAIN, VOLUME, 128));
    expect(toHex(slot, 5, 16)).toBe('e15ffe65548a18b3e04a54e55ec8db8a');
    expect(decodeSlot(slot, 0, 0).domain).toBe(DOMAIN);
  });

  it('stores the size as 16 hex digits in MiB, then 11 ASCII zeros of padding', () => {
    const slot = encodeMessage(extend(DOMAIN, VOLUME, 4294967295));
    expect(new TextDecoder().decode(slot.subarray(37, 64))).toBe('00000000ffffffff00000000000');
    expect(decodeSlot(slot, 0, 0).sizeMiB).toBe(4294967295);
  });

  it('a bad version byte is a finding, and the slot is still an extend (the SPM dispatches on the opcode)', () => {
    const slot = encodeMessage(extend(DOMAIN, VOLUME, 128));
    slot[0] = 0x32;
    const decoded = decodeSlot(slot, 0, 4, 9);
    expect(decoded.kind).toBe('extend');
    expect(decoded.findings).toEqual([
      { id: 'slot.extend.bad-version', severity: 'warning', span: { offset: 0, length: 1 }, message: "expected version '1' (0x31), got 0x32", host: 9, slot: 4 },
    ]);
  });

  it('a size that is not 16 hex digits is a finding with a null size', () => {
    const slot = encodeMessage(extend(DOMAIN, VOLUME, 128));
    slot[40] = 'X'.charCodeAt(0);
    const decoded = decodeSlot(slot, 0, 0);
    expect(decoded).toMatchObject({ kind: 'extend', sizeMiB: null });
    expect(decoded.findings.map((f) => f.id)).toEqual(['slot.extend.bad-size']);
    expect(decoded.findings[0].message).toBe("expected 16 lower-case hex digits, got '000X000000000080'");
  });

  it("padding that is not ASCII '0' is a finding", () => {
    const slot = encodeMessage(extend(DOMAIN, VOLUME, 128));
    slot[63] = 0;
    const decoded = decodeSlot(slot, 0, 0);
    expect(decoded.findings.map((f) => f.id)).toEqual(['slot.extend.bad-padding']);
    expect(decoded.findings[0].span).toEqual({ offset: 53, length: 11 });
  });
});

describe('CLEAN, empty and unknown slots', () => {
  it('64 bytes of 0x01 are a CLEAN message', () => {
    expect(decodeSlot(encodeMessage(CLEAN), 0, 0)).toMatchObject({ kind: 'clean', findings: [] });
  });

  it('an empty slot with leftover bytes behind its 0 first byte is empty, with a finding', () => {
    const slot = encodeMessage(extend(DOMAIN, VOLUME, 128));
    slot[0] = 0;
    const decoded = decodeSlot(slot, 0, 0);
    expect(decoded.kind).toBe('empty');
    expect(decoded.findings.map((f) => f.id)).toEqual(['slot.empty.leftover-bytes']);
  });

  it.each([
    ['first byte 0x01 without all 64 bytes 0x01', () => { const s = encodeMessage(CLEAN); s[10] = 0; return s; },
      'first byte 0x01 (CLEAN) but not all 64 bytes are 0x01', 'slot.clean.partial'],
    ['version 1 with an unknown opcode', () => { const s = encodeMessage(extend(DOMAIN, VOLUME, 1)); s.set([0x66, 0x6f, 0x6f, 0x21], 1); return s; },
      "unknown opcode 'foo!'", 'slot.unknown-opcode'],
    ['an unknown first byte', () => { const s = new Uint8Array(64); s[0] = 0xff; return s; },
      'unknown first byte 0xff', 'slot.unknown-first-byte'],
  ])('%s is unknown, with its reason', (_name, make, reason, id) => {
    const decoded = decodeSlot(make(), 0, 0);
    expect(decoded).toMatchObject({ kind: 'unknown', reason });
    expect(decoded.findings.map((f) => f.id)).toEqual([id]);
  });
});

describe('mailboxes and volumes', () => {
  it('a mailbox can hold 63 messages, slot 63 being metadata', () => {
    const messages = Object.fromEntries([...Array(63).keys()].map((i) => [i, extend(DOMAIN, VOLUME, i + 1)]));
    const decoded = decodeMailbox(encodeMailbox(messages), 0, ctx());
    expect(decoded.slots.map((s) => s.sizeMiB)).toEqual([...Array(63).keys()].map((i) => i + 1));
    expect(() => encodeMailbox({ 63: CLEAN })).toThrow(RangeError);
  });

  it('outbox mailboxes carry no checksum: empty or in_use', () => {
    const outbox = encodeMailbox({ 0: extend(DOMAIN, VOLUME, 128) }, { kind: 'outbox' });
    expect(toHex(outbox, 4092, 4)).toBe('00000000');
    const decoded = decodeMailbox(outbox, 0, { kind: 'outbox', host: 3, maxHostId: 250 });
    expect(decoded).toMatchObject({ state: 'in_use', checksum: null, findings: [] });
  });

  it('reads the event block UUID in the usual big-endian order', () => {
    const uuid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const event = encodeEvent(uuid);
    expect(toHex(event, 0, 20)).toBe('006576743f2504e04f8941d39a0c0305e82c3301');
    expect(decodeVolume(encodeVolume({ mailboxes: 2, event }), 'inbox').event).toEqual({ state: 'event', uuid });
  });

  it('says when mailbox 0 holds something other than an event block', () => {
    const volume = encodeVolume({ mailboxes: 2, event: encodeMailbox({ 0: CLEAN }) });
    const decoded = decodeVolume(volume, 'inbox');
    expect(decoded.event).toEqual({ state: 'other', uuid: null });
    expect(decoded.findings.map((f) => f.id)).toEqual(['event.foreign-content']);
  });

  it('flags mail in the mailbox of host maxHostId: outside the SPM read window', () => {
    const volume = encodeVolume({ mailboxes: 11, hosts: { 10: encodeMailbox({ 0: extend(DOMAIN, VOLUME, 1) }), 9: encodeMailbox({ 0: CLEAN }) } });
    const decoded = decodeVolume(volume, 'inbox', { maxHostId: 10 });
    expect(decoded.hosts[9]).toMatchObject({ host: 10, outsideWindow: true, state: 'valid' });
    expect(decoded.hosts[8]).toMatchObject({ host: 9, outsideWindow: false });
    expect(decoded.findings.map((f) => [f.id, f.host])).toEqual([['mailbox.outside-window', 10]]);
  });

  it('reports a trailing partial mailbox as a warning and decodes the whole ones', () => {
    const volume = new Uint8Array(3 * MAILBOX_SIZE_BYTES + 100);
    volume.set(encodeMailbox({ 0: CLEAN }), MAILBOX_SIZE_BYTES);
    const decoded = decodeVolume(volume, 'inbox');
    expect(decoded.mailboxCount).toBe(3);
    expect(decoded.hosts.map((h) => h.state)).toEqual(['valid', 'empty']);
    expect(decoded.warnings).toEqual([
      'expected a whole number of 4096-byte mailboxes, got 12388 bytes: the last 100 bytes (a partial mailbox at offset 12288) were not decoded',
    ]);
    expect(decoded.findings.map((f) => f.id)).toEqual(['volume.trailing-partial-mailbox']);
  });

  it('decodes less than one mailbox to nothing, with a finding', () => {
    const decoded = decodeVolume(new Uint8Array(100), 'outbox');
    expect(decoded).toMatchObject({ mailboxCount: 0, hosts: [], event: null });
    expect(decoded.findings.map((f) => f.id)).toEqual(['volume.empty']);
  });

  it('keeps finding spans as offsets in the volume', () => {
    const mailbox = encodeMailbox({ 2: extend(DOMAIN, VOLUME, 1) });
    mailbox[2 * 64 + 63] = 0x41;
    writeChecksum(mailbox);
    const decoded = decodeVolume(encodeVolume({ mailboxes: 6, hosts: { 5: mailbox } }), 'inbox');
    expect(decoded.findings[0]).toMatchObject({ id: 'slot.extend.bad-padding', host: 5, slot: 2, span: { offset: 5 * 4096 + 2 * 64 + 53, length: 11 } });
  });
});

describe('hexdump -C', () => {
  it('prints offsets, two groups of 8 bytes and ASCII, collapsing repeated lines', () => {
    const bytes = fromHex('3178746e64' + '00'.repeat(59));
    expect(hexdumpC(bytes, 0x3000)).toBe([
      '00003000  31 78 74 6e 64 00 00 00  00 00 00 00 00 00 00 00  |1xtnd...........|',
      '00003010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|',
      '*',
      '00003040',
    ].join('\n'));
  });
});
