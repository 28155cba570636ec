/** Tears across back-to-back writes that no read saw whole: proven with the rebuilt writes' checksums. */
import { describe, expect, it } from 'vitest';
import { proveChain } from '@/lib/analysis/chain-proof';
import { checksum, CLEAN, encodeMailbox, extend } from '@/lib/mailbox';
import { historyOf, readsOf, tornAfter } from '../support/history';

const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const HOST = 4;
const REQUEST = encodeMailbox({ 0: extend(DOMAIN, 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128) });
const ACKED = encodeMailbox({ 0: CLEAN });
const NEXT = encodeMailbox({ 1: extend(DOMAIN, '22d65513-62f4-4e9e-9b85-409182135432', 256) });
const inbox = (mailbox: Uint8Array) => ({ inbox: { [HOST]: mailbox } });

describe('tear across back-to-back writes', () => {
  it('proves request → CLEAN → next request torn when no read saw the CLEAN whole', () => {
    // The CLEAN write is caught after 1 sector; the next write starts before its last sector is read.
    const reads = [tornAfter(REQUEST, ACKED, 1), tornAfter(ACKED, NEXT, 1)];
    const [episode] = historyOf(readsOf([inbox(REQUEST), ...reads.map(inbox), inbox(NEXT)])).episodes.list();
    expect(episode.verdict).toBe('torn');
    expect(episode.chain).toEqual({ intermediates: 1, checksums: [checksum(ACKED)] });
    expect(episode.versions.map((v) => v.proof.sectors)).toEqual(['i======o', 'n======i']);
    expect(episode.versions[1].proof.summary).toBe('sectors 0 new, 1-6 unchanged, 7 from a write in between (torn across 2 back-to-back writes)');
  });

  it('rebuilds a write that completed before the first failed read from the old sectors of the reads and its neighbours', () => {
    // In between: a request added in slot 62 (sector 7 only), never read whole; then slot 0 acknowledged.
    const between = encodeMailbox({ 0: extend(DOMAIN, 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128), 62: extend(DOMAIN, '22d65513-62f4-4e9e-9b85-409182135432', 64) });
    const after = encodeMailbox({ 0: CLEAN, 62: extend(DOMAIN, '22d65513-62f4-4e9e-9b85-409182135432', 64) });
    expect(proveChain(REQUEST, [tornAfter(between, after, 1)], after)).toEqual({ intermediates: 1, checksums: [checksum(between)] });
    // A write in between whose changed sectors no read showed cannot be rebuilt: no proof, not a false one.
    expect(proveChain(REQUEST, [tornAfter(ACKED, NEXT, 1)], NEXT)).toBeNull();
  });

  it('still calls it corrupt when the rebuilt write in between has a bad checksum', () => {
    const bad = tornAfter(ACKED, NEXT, 1);
    bad[7 * 512 + 10] ^= 0x20; // the in-between write's sector 7 no longer sums right
    const [episode] = historyOf(readsOf([inbox(REQUEST), inbox(tornAfter(REQUEST, ACKED, 1)), inbox(bad), inbox(NEXT)])).episodes.list();
    expect(episode).toMatchObject({ verdict: 'corrupt', chain: null });
    expect(episode.versions.map((v) => v.proof.sectors)).toEqual(['x======o', 'n======x']);
  });

  it('finds no chain in a flipped byte that then goes away', () => {
    const flipped = REQUEST.slice();
    flipped[3000] ^= 0x01;
    expect(proveChain(REQUEST, [flipped], REQUEST)).toBeNull();
  });
});
