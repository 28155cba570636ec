/** The poller on real files: one read per interval, stable bytes, no overlap. */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeMailbox, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { Poller } from '@/lib/sources/poller';
import { makePool, request, type TestPool } from '../support/pool';
import { readBuffer, readVolume } from '@/lib/io';

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

  it('never runs two reads at once: a poll during a read waits for that read', async () => {
    const { poller } = start();
    const [a, b] = await Promise.all([poller.poll(), poller.poll()]);
    expect(a).toBe(b);
  });

  it('polls on its own, in order, and stops', async () => {
    const { poller } = start(25);
    const seqs: number[] = [];
    const fifth = new Promise<void>((resolve) => poller.onRead((read) => {
      seqs.push(read.seq);
      if (seqs.length === 5) resolve();
    }));
    poller.start();
    await fifth; // no timing asserted: it reads by itself, however slow the machine
    await poller.stop();
    const count = seqs.length;
    expect(seqs).toEqual([...Array(count).keys()].map((i) => i + 1));
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
