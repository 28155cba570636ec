/** The bounded history: only changed mailboxes stored, every kept read rebuilt byte for byte, the bounds held. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import { compact, expand } from '@/lib/history/compact';
import { READ_OVERHEAD_BYTES, VERSION_OVERHEAD_BYTES } from '@/lib/history/store';
import type { ReadSample } from '@/lib/history/types';
import { encodeMailbox, extend, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { loadTrace, readsAfterEachWrite } from '../support/vdsm-trace';

const MAILBOXES = 11;

function newHistory(over: Partial<{ historyMs: number; maxBytes: number }> = {}): SourceHistory {
  return new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, ...over, maxHostId: MAILBOXES - 1 });
}

describe('history store', () => {
  it('rebuilds every read of the busy trace byte for byte', () => {
    const reads = readsAfterEachWrite(loadTrace('busy'));
    const history = newHistory();
    for (const read of reads) history.ingest(read);
    expect(history.store.size).toBe(reads.length);
    for (const read of reads) {
      expect(Buffer.from(history.store.volumeAt('inbox', read.seq)!).equals(Buffer.from(read.inbox!.bytes!))).toBe(true);
      expect(Buffer.from(history.store.volumeAt('outbox', read.seq)!).equals(Buffer.from(read.outbox!.bytes!))).toBe(true);
    }
  });

  it('stores a mailbox again only when its crc-32 changed, and lists what changed per read', () => {
    const reads = readsAfterEachWrite(loadTrace('roundtrip-ok'));
    const history = newHistory();
    const changed = reads.map((read) => history.ingest(read).entry);
    // The first read stores every mailbox; then a vdsm write changes one mailbox or none (start-up and stop clears of zeros).
    expect(changed[0].inbox!.changed).toHaveLength(10);
    expect(changed.slice(1).map((e) => [...e.inbox!.changed.map((h) => `i${h}`), ...e.outbox!.changed.map((h) => `o${h}`)]))
      .toEqual([[], ['i3'], ['i0'], ['o3'], ['i3'], ['i0'], ['o3'], ['i3'], ['i0'], []]);
  });

  it('keeps mailboxes without their zeros: a quiet 250-host pool costs overheads, not 2 MB', () => {
    const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: 250 });
    const empty = new Uint8Array(251 * MAILBOX_SIZE_BYTES);
    history.ingest({ seq: 1, readAt: 0, inbox: { bytes: empty }, outbox: { bytes: empty } });
    const first = history.store.bytes;
    expect(first).toBeLessThan(empty.length / 4); // not a copy of the 2 × 1 MB read
    expect(history.store.mailboxAt('inbox', 7, 1)).toEqual(new Uint8Array(MAILBOX_SIZE_BYTES));
    // an unchanged read stores no mailbox again: only the read's own entry
    history.ingest({ seq: 2, readAt: 500, inbox: { bytes: empty }, outbox: { bytes: empty } });
    expect(history.store.bytes - first).toBe(READ_OVERHEAD_BYTES);
  });

  it('rebuilds any mailbox exactly from its compact form', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: MAILBOX_SIZE_BYTES, maxLength: MAILBOX_SIZE_BYTES }), fc.nat(MAILBOX_SIZE_BYTES), (bytes, zeros) => {
      bytes.fill(0, MAILBOX_SIZE_BYTES - zeros); // a zero tail of any length, checksum included
      expect(Buffer.from(expand(compact(bytes))).equals(Buffer.from(bytes))).toBe(true);
    }));
    // in a browser (no Buffer) the head is made from char codes: the same string
    fc.assert(fc.property(fc.uint8Array({ minLength: MAILBOX_SIZE_BYTES, maxLength: MAILBOX_SIZE_BYTES }), (bytes) => {
      const withBuffer = compact(bytes);
      vi.stubGlobal('Buffer', undefined);
      try {
        expect(compact(bytes)).toEqual(withBuffer);
      } finally {
        vi.unstubAllGlobals();
      }
    }), { numRuns: 50 });
    const request = encodeMailbox({ 0: extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128) });
    expect(compact(request).head.length).toBe(64);
  });

  it('drops reads older than MAILBOX_HISTORY_S, and answers undefined for them', () => {
    const reads = readsAfterEachWrite(loadTrace('busy'));
    const history = newHistory({ historyMs: 1000 });
    for (const read of reads) history.ingest(read);
    const last = reads[reads.length - 1];
    expect(history.store.entry(history.store.oldestSeq!)!.readAt).toBeGreaterThanOrEqual(last.readAt - 1000);
    expect(history.store.volumeAt('inbox', 1)).toBeUndefined();
    for (const read of reads.filter((r) => r.seq >= history.store.oldestSeq!)) {
      expect(Buffer.from(history.store.volumeAt('inbox', read.seq)!).equals(Buffer.from(read.inbox!.bytes!))).toBe(true);
    }
  });

  it('keeps the accounted bytes under MAILBOX_HISTORY_MAX_MB, or down to the newest read alone', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ volume: fc.constantFrom('inbox', 'outbox'), mailbox: fc.integer({ min: 0, max: MAILBOXES - 1 }), byte: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 120 }),
      fc.integer({ min: 2_000, max: 60_000 }),
      (writes, maxBytes) => {
        const history = newHistory({ maxBytes });
        const volumes = { inbox: new Uint8Array(MAILBOXES * MAILBOX_SIZE_BYTES), outbox: new Uint8Array(MAILBOXES * MAILBOX_SIZE_BYTES) };
        const truth: ReadSample[] = [];
        writes.forEach((w, i) => {
          volumes[w.volume as 'inbox' | 'outbox'].fill(w.byte, w.mailbox * MAILBOX_SIZE_BYTES + (i % 7) * 512, w.mailbox * MAILBOX_SIZE_BYTES + 600 + (i % 7) * 512);
          const read = { seq: i + 1, readAt: i * 100, inbox: { bytes: volumes.inbox.slice() }, outbox: { bytes: volumes.outbox.slice() } };
          truth.push(read);
          history.ingest(read);
          const { store } = history;
          expect(store.bytes <= maxBytes || store.size === 1).toBe(true);
        });
        const { store } = history;
        for (const read of truth) {
          const inbox = store.volumeAt('inbox', read.seq);
          if (read.seq < store.oldestSeq!) expect(inbox).toBeUndefined();
          else expect(Buffer.from(inbox!).equals(Buffer.from(read.inbox!.bytes!))).toBe(true);
        }
      },
    ), { numRuns: 60 });
  });

  it('keeps nothing of a volume that could not be read, and rebuilds the next read from the last good one', () => {
    const history = newHistory();
    const bytes = new Uint8Array(MAILBOXES * MAILBOX_SIZE_BYTES);
    bytes[3 * MAILBOX_SIZE_BYTES] = 0x31;
    history.ingest({ seq: 1, readAt: 0, inbox: { bytes }, outbox: null });
    const error = { code: 'EIO', message: 'input/output error' };
    const failed = history.ingest({ seq: 2, readAt: 500, inbox: { bytes: null, error }, outbox: null });
    expect(failed.entry.inbox).toMatchObject({ mailboxes: 0, changed: [], error });
    expect(history.store.volumeAt('inbox', 2)).toBeNull();
    const next = history.ingest({ seq: 3, readAt: 1000, inbox: { bytes: bytes.slice() }, outbox: null });
    expect(next.entry.inbox!.changed).toEqual([]);
    expect(Buffer.from(history.store.volumeAt('inbox', 3)!).equals(Buffer.from(bytes))).toBe(true);
  });
});
