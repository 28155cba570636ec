import { describe, expect, it } from 'vitest';
import { decodeMailbox, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES, SECTORS_PER_MAILBOX, type InboxState } from '@/lib/mailbox';
import { createSimulation, type SimWrite } from '@/lib/simulator';
import { Replay } from './replay';

const SEED = 1426762;
const MAX_HOST_ID = 64;

function sameSector(a: Uint8Array, b: Uint8Array, sector: number): boolean {
  for (let i = sector * SECTOR_SIZE_BYTES; i < (sector + 1) * SECTOR_SIZE_BYTES; i++) if (a[i] !== b[i]) return false;
  return true;
}

function stateOf(replay: Replay, host: number): InboxState {
  const mailbox = decodeMailbox(replay.inbox, host * MAILBOX_SIZE_BYTES, { kind: 'inbox', host, maxHostId: MAX_HOST_ID });
  return mailbox.state as InboxState;
}

describe('torn and corrupted mailboxes', () => {
  const sim = createSimulation({ seed: SEED, maxHostId: MAX_HOST_ID });
  const writes = sim.advance(180_000);
  const sectorHosts = sim.roles.filter((r) => r.writes === 'sectors').map((r) => r.host);
  /** first sector's seq → the 8 writes of one pre-2017 mailbox write */
  const groups = new Map<number, SimWrite[]>();
  for (const w of writes) if (w.part) groups.set(w.part.firstSeq, [...(groups.get(w.part.firstSeq) ?? []), w]);

  it('writes pre-2017 mailboxes as 8 sectors in order, 60-250 ms apart, from 2 hosts only', () => {
    const parts = writes.filter((w) => w.part);
    expect(new Set(parts.map((w) => w.by))).toEqual(new Set(sectorHosts.map((h) => `hsm:${h}`)));
    for (const [, group] of groups) {
      expect(group.map((w) => w.part!.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      group.forEach((w, i) => {
        const host = Number(w.by.slice(4));
        expect(w.offset).toBe(host * MAILBOX_SIZE_BYTES + i * SECTOR_SIZE_BYTES);
        if (i > 0) expect(w.t - group[i - 1].t).toBeGreaterThanOrEqual(60);
        if (i > 0) expect(w.t - group[i - 1].t).toBeLessThanOrEqual(250);
      });
    }
  });

  it('shows torn mailboxes between the sectors, each sector equal to the state before or after the write', () => {
    const replay = new Replay(writes, MAX_HOST_ID + 1);
    const torn = new Set<InboxState>();
    let tears = 0;
    for (;;) {
      const next = writes[replay.applied];
      if (!next) break;
      if (next.part?.index !== 0) {
        replay.step();
        continue;
      }
      const host = Number(next.by.slice(4));
      const before = replay.mailbox('inbox', host);
      const after = before.slice();
      const group = groups.get(next.seq)!;
      for (const w of group) after.set(w.bytes, w.offset - host * MAILBOX_SIZE_BYTES);
      const intermediate: Uint8Array[] = [];
      while (replay.applied <= group[SECTORS_PER_MAILBOX - 1].seq) {
        const w = replay.step()!;
        if (w.seq === group[SECTORS_PER_MAILBOX - 1].seq) break;
        // Other hosts' writes land meanwhile; this host's mailbox is what a reader would see now.
        intermediate.push(replay.mailbox('inbox', host));
        const state = stateOf(replay, host);
        if (state === 'checksum_missing' || state === 'checksum_mismatch') {
          torn.add(state);
          tears++;
        }
      }
      expect(replay.mailbox('inbox', host)).toEqual(after);
      for (const mailbox of intermediate) {
        for (let sector = 0; sector < SECTORS_PER_MAILBOX; sector++) {
          expect(sameSector(mailbox, before, sector) || sameSector(mailbox, after, sector)).toBe(true);
        }
      }
    }
    expect([...torn].sort()).toEqual(['checksum_mismatch', 'checksum_missing']);
    expect(tears).toBeGreaterThan(50);
  });

  it('corrupts one byte now and then: a mismatch that is not a tear and heals on the next write', () => {
    expect(sim.corruptions.length).toBeGreaterThanOrEqual(3);
    const replay = new Replay(writes, MAX_HOST_ID + 1);
    for (const c of sim.corruptions) {
      replay.until(c.seq);
      const host = c.host;
      const before = replay.mailbox('inbox', host);
      replay.step();
      const after = replay.mailbox('inbox', host);
      const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
      expect(changed).toEqual([c.offset - host * MAILBOX_SIZE_BYTES]);
      expect(stateOf(replay, host)).toBe('checksum_mismatch');
      expect(sim.roles.find((r) => r.host === host)).toMatchObject({ corrupts: true, writes: 'whole' });
      const heal = writes.find((w) => w.seq > c.seq && w.by === `hsm:${host}` && w.what === 'mail');
      if (!heal) continue; // the run ended first
      replay.until(heal.seq + 1);
      expect(['valid', 'empty']).toContain(stateOf(replay, host));
    }
  });

  it('makes the SPM drop torn and corrupted mailboxes in its reads', () => {
    const failedHosts = new Set(sim.reads.flatMap((read) => read.failed));
    for (const host of sectorHosts) expect(failedHosts).toContain(host);
    expect(failedHosts).toContain(sim.roles.find((r) => r.corrupts)!.host);
  });
});
