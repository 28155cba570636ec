/** The poller on real files: one read per interval, stable bytes, no overlap. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeVolume, encodeMailbox, MAILBOX_SIZE_BYTES, MailboxWindow } from '@/lib/mailbox';
import { LiveSource } from '@/lib/sources/live-source';
import { Poller } from '@/lib/sources/poller';
import { makePool, request, type TestPool } from '../support/pool';
import { readBuffer, readVolume } from '@/lib/io';
import { HangFs, hangFsSupport } from '../support/hang-fs';

let pool: TestPool | null = null;
let poller: Poller | null = null;

afterEach(async () => {
  await poller?.stop();
  pool?.remove();
  pool = poller = null;
});

function start(pollMs = 20) {
  pool = makePool({ mailboxes: 11, inbox: { 3: encodeMailbox({ 0: request(3, 0) }) } });
  poller = new Poller({ id: 't', name: 't', demo: false, inbox: pool.inbox, outbox: pool.outbox }, { maxHostId: 10, pollMs });
  return { pool, poller };
}

describe('readVolume into a caller buffer', () => {
  it('reads into the buffer it is given, and into fresh memory when that is too small', async () => {
    const { pool } = start();
    const buffer = readBuffer(11);
    const into = await readVolume(pool.inbox, { mailboxes: 11, buffer });
    expect(into.ok && into.bytes.buffer === buffer.buffer).toBe(true);
    const small = readBuffer(2);
    const fresh = await readVolume(pool.inbox, { mailboxes: 11, buffer: small });
    expect(fresh.ok && fresh.bytes.buffer !== small.buffer && fresh.bytes.length === 11 * MAILBOX_SIZE_BYTES).toBe(true);
  });
});

describe('Poller', () => {
  it('hands out the same bytes while nothing changes, and new bytes (leaving the old intact) when it does', async () => {
    const { pool, poller } = start();
    const first = await poller.poll();
    const second = await poller.poll();
    expect(second.seq).toBe(first.seq + 1);
    expect(second.inbox!.bytes).toBe(first.inbox!.bytes);
    expect(second.inbox!.crcs).toBe(first.inbox!.crcs);
    const before = first.inbox!.bytes!.slice();

    await pool.writeMailbox('inbox', 5, encodeMailbox({ 1: request(5, 1) }));
    const third = await poller.poll();
    expect(third.inbox!.bytes).not.toBe(first.inbox!.bytes);
    expect(Buffer.compare(first.inbox!.bytes!, before)).toBe(0); // what listeners held is untouched
    const changed = [...third.inbox!.crcs!].map((crc, i) => (crc !== first.inbox!.crcs![i] ? i : -1)).filter((i) => i >= 0);
    expect(changed).toEqual([5]);

    const fourth = await poller.poll(); // the next read must not overwrite the bytes handed out at the third
    expect(Buffer.compare(third.inbox!.bytes!, fourth.inbox!.bytes!)).toBe(0);
  });

  it('decodes, fingerprints and remembers a changed read from its changed mailboxes, never joining the window into one buffer', async () => {
    pool = makePool({ mailboxes: 11, inbox: { 3: encodeMailbox({ 0: request(3, 0) }) } });
    const source = new LiveSource({ id: 'live', name: 'live', demo: false, inbox: pool.inbox, outbox: pool.outbox }, { maxHostId: 10, pollMs: 20 });
    poller = source.poller;
    await poller.poll();
    const joined = MailboxWindow.joined;
    for (let round = 1; round <= 4; round++) {
      await pool.writeMailbox('inbox', 2 + round, encodeMailbox({ [round]: request(2 + round, round) }));
      await pool.writeMailbox('outbox', 4, encodeMailbox({ 0: request(3, round) }, { kind: 'outbox' }));
      const read = await poller.poll();
      expect(read.inbox!.window!.mailbox(2 + round)[round * 64]).not.toBe(0);
      expect(source.history.store.latest?.seq).toBe(read.seq);
      expect(source.history.store.latest?.inbox?.changed).toEqual([2 + round]);
    }
    expect(MailboxWindow.joined).toBe(joined);
    // what was decoded from the patched windows is what a whole decode of the files says
    const latest = source.latestDecoded()!;
    expect(JSON.stringify(latest.inbox)).toBe(JSON.stringify(decodeVolume(new Uint8Array(readFileSync(pool.inbox)), 'inbox', { maxHostId: 10 })));
    expect(JSON.stringify(latest.outbox)).toBe(JSON.stringify(decodeVolume(new Uint8Array(readFileSync(pool.outbox)), 'outbox', { maxHostId: 10 })));
  });

  it('never runs two reads at once: a poll during a read waits for that read', async () => {
    const { poller } = start();
    const [a, b] = await Promise.all([poller.poll(), poller.poll()]);
    expect(a).toBe(b);
  });

  it('polls on its own, in order, and stops', async () => {
    const { poller } = start(25);
    await poller.poll(); // the reader threads start with the first read
    const seqs: number[] = [];
    const fifth = new Promise<void>((resolve) => poller.onRead((read) => {
      seqs.push(read.seq);
      if (seqs.length === 5) resolve();
    }));
    poller.start();
    await fifth; // no timing asserted: it reads by itself, however slow the machine
    await poller.stop();
    const count = seqs.length;
    // the first read was made by hand above, so the poller's own reads start at seq 2
    expect(seqs).toEqual([...Array(count).keys()].map((i) => i + 2));
    // after stop, several intervals pass with no read
    await new Promise((r) => setTimeout(r, 8 * 25));
    expect(seqs.length).toBe(count);
  });

  it('reports a missing volume as a read error and keeps polling the other', async () => {
    const { pool, poller } = start();
    pool.remove();
    const read = await poller.poll();
    expect(read.inbox!.error).toMatchObject({ code: 'not_found' });
    expect(read.inbox!.error!.message).toContain(pool.inbox);
    expect(read.outbox!.error).toMatchObject({ code: 'not_found' });
  });
});

const fuse = hangFsSupport();
if (!fuse.ok) console.warn(`skipping the poller's hanging-storage test: ${fuse.reason}`);

describe.skipIf(!fuse.ok)('Poller on storage that stops answering', () => {
  it('keeps its interval, reports the volume as hanging, keeps reading the other, and resumes when it answers', async () => {
    pool = makePool({ mailboxes: 11, inbox: { 3: encodeMailbox({ 0: request(3, 0) }) } });
    const fs = await HangFs.mount({ inbox: new Uint8Array(11 * MAILBOX_SIZE_BYTES) });
    try {
      poller = new Poller(
        { id: 't', name: 't', demo: false, inbox: fs.path('inbox'), outbox: pool.outbox },
        { maxHostId: 10, pollMs: 50, readTimeoutMs: 300 },
      );
      const reads: Awaited<ReturnType<Poller['poll']>>[] = [];
      poller.onRead((read) => reads.push(read));
      poller.start();
      while (reads.length < 2) await new Promise((r) => setTimeout(r, 20));
      expect(reads.at(-1)!.inbox!.error).toBeNull();

      fs.hang();
      const fuseReads = fs.reads();
      const since = reads.length;
      await new Promise((r) => setTimeout(r, 2_000));
      const during = reads.slice(since + 1);
      // 2 s at a 300 ms deadline: the interval goes on instead of waiting on the storage
      expect(during.length).toBeGreaterThanOrEqual(4);
      for (const read of during) {
        expect(read.inbox!.error?.code).toBe('hanging');
        expect(read.outbox!.error).toBeNull();
        expect(read.outbox!.bytes!.length).toBe(11 * MAILBOX_SIZE_BYTES);
      }
      expect(fs.reads() - fuseReads).toBeLessThanOrEqual(1); // nothing stacked on the hung read

      fs.answer();
      const resumed = reads.length;
      while (reads.length < resumed + 3) await new Promise((r) => setTimeout(r, 20));
      expect(reads.at(-1)!.inbox!.error).toBeNull();
      expect(reads.at(-1)!.inbox!.bytes!.length).toBe(11 * MAILBOX_SIZE_BYTES);
    } finally {
      await poller?.stop();
      await fs.unmount();
    }
  });
});
