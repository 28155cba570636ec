/** The torn-write proof over reads built with the encoders (docs/format.md, end). */
import { describe, expect, it } from 'vitest';
import { episodeNewSectors } from '@/lib/analysis/episodes';
import { describeSectors } from '@/lib/analysis/sectors';
import { proveTorn } from '@/lib/analysis/torn-proof';
import { CLEAN, encodeMailbox, extend, MAILBOX_SIZE_BYTES, type Message } from '@/lib/mailbox';
import { fixture } from '../support/fixtures';
import { historyOf, readsOf, tornAfter } from '../support/history';

const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const HOST = 3;
const slots = (n: number, message: (slot: number) => Message) => Object.fromEntries(Array.from({ length: n }, (_, s) => [s, message(s)]));
const volumeOf = (s: number) => `d772f1c6-3ebb-43c3-a42e-${s.toString(16).padStart(12, '0')}`;
// Every sector differs between these two: 63 requests, then 63 CLEANs (and their checksums).
const OLD = encodeMailbox(slots(63, (s) => extend(DOMAIN, volumeOf(s), 1024 + s)));
const NEW = encodeMailbox(slots(63, () => CLEAN));
const EMPTY = new Uint8Array(MAILBOX_SIZE_BYTES);

const inbox = (mailbox: Uint8Array) => ({ inbox: { [HOST]: mailbox } });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('torn-write proof', () => {
  for (const k of [1, 2, 3, 4, 5, 6, 7]) {
    it(`proves a torn write when sectors 0-${k - 1} match the next read and ${k}-7 the previous (k = ${k})`, () => {
      const history = historyOf(readsOf([inbox(OLD), inbox(tornAfter(OLD, NEW, k)), inbox(NEW)]));
      const [episode] = history.episodes.list();
      expect(history.episodes.list()).toHaveLength(1);
      expect(episode).toMatchObject({ host: HOST, startSeq: 2, endSeq: 2, reads: 1, verdict: 'torn' });
      expect(episodeNewSectors(episode)).toEqual(range(k));
      const [read] = episode.versions;
      expect(read.proof.sectors).toBe('n'.repeat(k) + 'o'.repeat(8 - k));
      expect(read.proof.summary).toBe(`sectors ${k === 1 ? '0' : `0-${k - 1}`} new, ${k === 7 ? '7' : `${k}-7`} old`);
      // Sector 7 (the checksum) is still the old one: the old content's checksum.
      expect(read).toMatchObject({ state: 'checksum_mismatch', staleChecksum: true, spmChecks: true });
    });
  }

  it('follows a mailbox rewritten as 8 sector writes read after each: one episode, each read torn with its own new sectors', () => {
    const pools = [inbox(OLD), ...range(7).map((i) => inbox(tornAfter(OLD, NEW, i + 1))), inbox(NEW)];
    const [episode, ...others] = historyOf(readsOf(pools)).episodes.list();
    expect(others).toEqual([]);
    expect(episode).toMatchObject({ startSeq: 2, endSeq: 8, reads: 7, verdict: 'torn', before: { seq: 1 }, after: { seq: 9 } });
    expect(episode.versions.map((v) => v.proof.sectors)).toEqual(range(7).map((i) => 'n'.repeat(i + 1) + 'o'.repeat(7 - i)));
    expect(episodeNewSectors(episode)).toEqual(range(7));
  });

  it('calls a read corrupt when one sector matches neither the read before nor the read after', () => {
    const torn = tornAfter(OLD, NEW, 3);
    torn[5 * 512 + 100] ^= 0x01; // a sector that should still be old
    const [episode] = historyOf(readsOf([inbox(OLD), inbox(torn), inbox(NEW)])).episodes.list();
    expect(episode.verdict).toBe('corrupt');
    expect(episode.versions[0].proof.sectors).toBe('nnnooxoo');
    expect(episode.versions[0].proof.summary).toContain('5 neither old nor new');
  });

  it('calls a flipped byte in a mailbox that then comes back corrupt', () => {
    const flipped = OLD.slice();
    flipped[100] ^= 0x40;
    const [episode] = historyOf(readsOf([inbox(OLD), inbox(flipped), inbox(OLD)])).episodes.list();
    expect(episode.verdict).toBe('corrupt');
    expect(episode.versions[0].proof.sectors).toBe('x=======');
    expect(episodeNewSectors(episode)).toEqual([]);
  });

  it('proves the first write to an empty mailbox (checksum 0) torn, not corrupt', () => {
    const first = encodeMailbox(slots(24, (s) => extend(DOMAIN, volumeOf(s), 128))); // slots 0..23 = sectors 0..2
    const [episode] = historyOf(readsOf([inbox(EMPTY), inbox(tornAfter(EMPTY, first, 3)), inbox(first)])).episodes.list();
    expect(episode.verdict).toBe('torn');
    expect(episode.versions[0]).toMatchObject({ state: 'checksum_missing', stored: 0, staleChecksum: true });
    expect(episode.versions[0].proof.sectors).toBe('nnn====o');
    expect(episodeNewSectors(episode)).toEqual([0, 1, 2]);
  });

  it('counts a sector equal before and after as unchanged, not new', () => {
    expect(describeSectors('n======o')).toBe('sectors 0 new, 1-6 unchanged, 7 old');
    expect(proveTorn(tornAfter(EMPTY, NEW, 1), EMPTY, EMPTY).sectors).toBe('x=======');
  });

  it('stays pending while no valid read has come, and says which sectors changed so far', () => {
    const history = historyOf(readsOf([inbox(OLD), inbox(tornAfter(OLD, NEW, 2)), inbox(tornAfter(OLD, NEW, 2))]));
    const [episode] = history.episodes.list();
    expect(episode).toMatchObject({ verdict: 'pending', reads: 2, endSeq: 3, after: null });
    expect(episode.versions[0]).toMatchObject({ reads: 2, lastSeq: 3, changedSectors: [0, 1], proof: { sectors: null, verdict: 'pending' } });
    expect(episode.versions[0].proof.summary).toBe('pending: sectors 0-1 differ from the last valid read; no valid read after the failure yet');
  });

  it('says unproven, not torn, when history starts mid-episode (no valid read before)', () => {
    const [episode] = historyOf(readsOf([inbox(tornAfter(OLD, NEW, 4)), inbox(NEW)])).episodes.list();
    expect(episode).toMatchObject({ verdict: 'unproven', before: null });
    expect(episode.versions[0].proof.sectors).toBe('nnnn????');
    expect(episode.versions[0].proof.summary).toContain('no valid read before the failure in history');
  });

  it('lists the messages the SPM dropped: the slots that changed since the last valid read', () => {
    const before = encodeMailbox({ 0: extend(DOMAIN, volumeOf(0), 100) });
    const after = encodeMailbox({ 0: extend(DOMAIN, volumeOf(0), 100), 1: extend(DOMAIN, volumeOf(1), 200), 2: CLEAN });
    const [episode] = historyOf(readsOf([inbox(before), inbox(tornAfter(before, after, 1)), inbox(after)])).episodes.list();
    expect(episode.dropped).toEqual([
      { slot: 1, kind: 'extend', domain: DOMAIN, volume: volumeOf(1), sizeMiB: 200, seq: 2 },
      { slot: 2, kind: 'clean', seq: 2 },
    ]);
  });

  const TORN_FIXTURES = [['torn-1426762', 7, 1], ['torn-missing-k3', 3, 3], ['torn-stale-k5', 5, 5]] as const;
  for (const [name, host, k] of TORN_FIXTURES) {
    it(`proves ${name} (written by real dd bs=512) torn with sectors 0-${k - 1} new or unchanged`, () => {
      const at = (file: string) => fixture('torn', name, file).slice(host * MAILBOX_SIZE_BYTES, (host + 1) * MAILBOX_SIZE_BYTES);
      const proof = proveTorn(at('inbox'), at('inbox.before'), at('inbox.after'));
      expect(proof.verdict).toBe('torn');
      expect(proof.sectors!.slice(k)).toMatch(/^[o=]+$/);
      expect(proof.sectors!.slice(0, k)).toMatch(/^[n=]+$/);
      expect(proof.newSectors.every((s) => s < k)).toBe(true);
    });
  }
});
