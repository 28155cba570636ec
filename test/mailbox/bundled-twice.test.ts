/**
 * The built server loads the mailbox code twice: once with the pollers (the
 * instrumentation bundle) and once with the API routes, each copy with its
 * own classes. Objects made by one copy and read by the other must work as
 * they do within one copy, and as cheaply: pairing a poller's slots in a
 * route compares their bytes, and a route can take a poller's window.
 */
import { describe, expect, it, vi } from 'vitest';
import * as poller from '@/lib/mailbox';
import { encodeMailbox, extend, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';

/** Another instance of the same modules, as another bundle has. */
async function otherCopy(): Promise<typeof poller & { mailboxCrcs: typeof import('@/lib/history/crcs').mailboxCrcs }> {
  vi.resetModules(); // the imports below load every module again: new classes, as in another bundle
  const [mailbox, crcs] = await Promise.all([import('@/lib/mailbox'), import('@/lib/history/crcs')]);
  return { ...mailbox, mailboxCrcs: crcs.mailboxCrcs };
}

function volume(): Uint8Array {
  const bytes = new Uint8Array(3 * MAILBOX_SIZE_BYTES);
  bytes.set(encodeMailbox({ 0: extend(D, V, 5), 2: extend(D, V, 7) }), MAILBOX_SIZE_BYTES);
  bytes.set(encodeMailbox({ 0: extend(D, V, 5), 2: extend(D, V, 9) }, { kind: 'outbox' }), 2 * MAILBOX_SIZE_BYTES);
  return bytes;
}

describe('mailbox code loaded twice (the server\'s two bundles)', () => {
  it('is another copy here too: its classes are not ours', async () => {
    const other = await otherCopy();
    expect(other.MailboxWindow).not.toBe(poller.MailboxWindow);
  });

  it('pairs slots decoded by the other copy by their bytes, without making their hex', async () => {
    const other = await otherCopy();
    const inbox = poller.decodeVolume(volume(), 'inbox', { maxHostId: 3 });
    const outbox = poller.decodeVolume(volume().map((b, i) => (i < 2 * MAILBOX_SIZE_BYTES ? 0 : b)), 'outbox', { maxHostId: 3 });
    expect(other.pairMailboxes(inbox.hosts[0], inbox.hosts[0]).map((s) => s.step)).toEqual(['replied', 'replied']);
    expect(other.pairMailboxes(inbox.hosts[0], outbox.hosts[1])).toEqual(poller.pairMailboxes(inbox.hosts[0], outbox.hosts[1]));
    // compared byte by byte: no slot was turned into hex to compare it
    for (const slot of [...inbox.hosts[0].slots, ...outbox.hosts[1].slots]) expect((slot as unknown as { cachedHex?: string }).cachedHex).toBeUndefined();
  });

  it('decodes and fingerprints a window made by the other copy as it does its own', async () => {
    const other = await otherCopy();
    const window = poller.MailboxWindow.of(volume());
    const crcs = (await import('@/lib/history/crcs')).mailboxCrcs;
    expect(JSON.stringify(other.decodeVolume(window, 'inbox', { maxHostId: 3 }))).toBe(JSON.stringify(poller.decodeVolume(volume(), 'inbox', { maxHostId: 3 })));
    expect([...other.mailboxCrcs(window)]).toEqual([...crcs(volume())]);
  });
});
