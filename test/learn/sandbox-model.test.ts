import { describe, expect, it } from 'vitest';
import { checksum, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { mailboxWith, REQUEST, VOLUME } from '@/components/learn/examples';
import { decodeSandbox, dumpName, setByte, typeDigit, withChecksum, writeFields } from '@/components/learn/sandbox-model';

const inbox = (bytes: Uint8Array, host = 3) => decodeSandbox({ kind: 'inbox', host, bytes });
const ids = (bytes: Uint8Array, host = 3) => inbox(bytes, host).findings.map((f) => f.id);

describe('the sandbox', () => {
  it('writes a byte from two typed hex digits, holding the first', () => {
    const start = mailboxWith(0, REQUEST);
    const first = typeDigit(start, 50, null, 0xf);
    expect(first).toMatchObject({ held: 15, advance: false });
    expect(first.bytes).toBe(start);
    const second = typeDigit(first.bytes, 50, first.held, 0x3);
    expect(second).toMatchObject({ held: null, advance: true });
    expect(second.bytes[50]).toBe(0xf3);
    expect(start[50]).toBe(0x30); // the old mailbox is untouched
  });

  it('changes the computed checksum and reports a mismatch when a size digit changes, until the checksum is stored', () => {
    const start = mailboxWith(0, REQUEST);
    expect(inbox(start).mailbox.checksum).toEqual({ stored: 6455, computed: 6455 });
    const edited = setByte(start, 51, 0x39); // '8' → '9' in "…0080": 0x90 = 144 MiB
    const decoded = inbox(edited);
    expect(decoded.mailbox.checksum).toEqual({ stored: 6455, computed: 6456 });
    expect(decoded.mailbox.slots[0].sizeMiB).toBe(144);
    expect(decoded.findings).toEqual([expect.objectContaining({
      id: 'mailbox.checksum.mismatch', severity: 'error', group: 'mailbox', offset: 4092, message: 'expected checksum 6456 (sum of bytes 0..4091), got 6455',
    })]);
    expect(inbox(withChecksum(edited)).mailbox.state).toBe('valid');
  });

  it('shows the torn look of bug 1426762 when the checksum bytes are zeroed under mail', () => {
    let bytes = mailboxWith(1, REQUEST);
    for (let i = 4092; i < MAILBOX_SIZE_BYTES; i++) bytes = setByte(bytes, i, 0);
    expect(inbox(bytes).mailbox.state).toBe('checksum_missing');
    expect(ids(bytes)).toEqual(['mailbox.checksum.missing']);
  });

  it('builds a message from fields, refusing bad ones with a message instead of throwing', () => {
    const empty = new Uint8Array(MAILBOX_SIZE_BYTES);
    const failed = writeFields(empty, 9, { kind: 'extend', domain: REQUEST.domain, volume: VOLUME, sizeMiB: '0' }, true);
    if (!('bytes' in failed)) throw new Error(failed.error);
    expect(inbox(failed.bytes).mailbox.slots).toEqual([expect.objectContaining({ index: 9, kind: 'extend', sizeMiB: 0, volume: VOLUME })]);
    expect(inbox(failed.bytes).mailbox.state).toBe('valid');
    const unfixed = writeFields(empty, 2, { kind: 'clean' }, false);
    expect('bytes' in unfixed && inbox(unfixed.bytes).mailbox.checksum).toEqual({ stored: 0, computed: 64 });
    expect(writeFields(empty, 0, { kind: 'extend', domain: 'nope', volume: VOLUME, sizeMiB: '1' }, true)).toEqual({ error: expect.stringMatching(/^domain must be a UUID/) });
    expect(writeFields(empty, 0, { kind: 'extend', domain: REQUEST.domain, volume: VOLUME, sizeMiB: '1.5' }, true)).toEqual({ error: expect.stringMatching(/^size must be a whole number/) });
    expect(writeFields(empty, 63, { kind: 'clean' }, true)).toEqual({ error: 'slot must be 0..62, got 63' });
  });

  it('flags mail of host 250 as outside the SPM’s window, and an outbox has no checksum', () => {
    const bytes = mailboxWith(0, REQUEST);
    expect(ids(bytes, 250)).toEqual(['mailbox.outside-window']);
    expect(ids(bytes, 249)).toEqual([]);
    const outbox = decodeSandbox({ kind: 'outbox', host: 3, bytes: mailboxWith(0, REQUEST, 'outbox') });
    expect(outbox.mailbox).toMatchObject({ state: 'in_use', checksum: null });
    expect(dumpName({ kind: 'outbox', host: 3, bytes })).toBe('outbox-host3-mailbox.dump');
    expect(checksum(bytes)).toBe(6455);
  });
});
