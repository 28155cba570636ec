import { describe, expect, it } from 'vitest';
import { CLEAN, encodeMailbox, extend } from '@/lib/mailbox';
import { decodeDetail } from './decode-detail';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('decodeDetail', () => {
  it('decodes both mailboxes and pairs every non-empty slot with its step', () => {
    const inbox = encodeMailbox({ 0: extend(D, V, 128), 2: CLEAN });
    const outbox = encodeMailbox({ 0: extend(D, V, 128), 5: CLEAN }, { kind: 'outbox' });
    const data = decodeDetail({
      source: 's', host: 3,
      current: { seq: 4, readAt: 't4', inbox: b64(inbox), outbox: b64(outbox) },
      previous: { seq: 2, readAt: 't2', inbox: b64(new Uint8Array(4096)), outbox: null },
    }, 250);
    expect(data.slots.map((s) => [s.index, s.step])).toEqual([[0, 'replied'], [2, 'host_acked'], [5, 'free']]);
    expect(data.decodedInbox?.state).toBe('valid');
    expect(data.previous?.inbox?.length).toBe(4096);
    expect(data.previous?.outbox).toBeNull();
  });

  it('shows nothing for a mailbox that was not read', () => {
    const data = decodeDetail({ source: 's', host: 3, current: { seq: 1, readAt: 't', inbox: null, outbox: null }, previous: null }, 250);
    expect(data.inbox).toBeNull();
    expect(data.slots).toEqual([]);
  });
});
