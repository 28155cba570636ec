/**
 * Ten minutes of a simulated pool (lib/simulator, seeded, on its virtual
 * clock) read every 500 ms: the simulator knows which hosts tear (pre-2017
 * sector writers) and which get a byte corrupted, and when each handshake
 * step reached the file; the analysis must find the same from the bytes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import { createSimulation } from '@/lib/simulator';

const READ_EVERY_MS = 500;
const READS = 1200;
const MAX_HOST_ID = 250;

describe('a simulated pool, 10 minutes', () => {
  const sim = createSimulation({ seed: 1426762, maxHostId: MAX_HOST_ID, hosts: 40, requestIntervalMs: 4000, sectorWriters: 6, corrupters: 3 });
  const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: MAX_HOST_ID });
  for (let seq = 1; seq <= READS; seq++) {
    sim.advanceTo(seq * READ_EVERY_MS);
    history.ingest({ seq, readAt: seq * READ_EVERY_MS, inbox: { bytes: sim.inbox.slice() }, outbox: { bytes: sim.outbox.slice() } });
  }
  const roles = new Map(sim.roles.map((r) => [r.host, r]));

  it("calls every sector writer's episode torn and every corrupter's corrupt", () => {
    const resolved = history.episodes.list().filter((e) => e.verdict !== 'pending');
    const verdicts = (f: (host: number) => boolean) => new Set(resolved.filter((e) => f(e.host)).map((e) => e.verdict));
    expect(resolved.length).toBeGreaterThan(50);
    expect(verdicts((h) => roles.get(h)!.writes === 'sectors')).toEqual(new Set(['torn']));
    expect(verdicts((h) => roles.get(h)!.corrupts)).toEqual(new Set(['corrupt']));
    expect(resolved.filter((e) => roles.get(e.host)!.writes === 'whole' && !roles.get(e.host)!.corrupts)).toEqual([]);
  });

  it('times each handshake step at the first read after the simulator wrote it (hosts writing whole mailboxes)', () => {
    const next = (t: number | undefined) => (t === undefined ? null : Math.ceil(t / READ_EVERY_MS) * READ_EVERY_MS);
    const records = history.requests.list();
    const checked = sim.requests.filter((r) => {
      const role = roles.get(r.host)!;
      return r.freed && r.request && role.writes === 'whole' && !role.corrupts && !role.outsideWindow && r.request.t > READ_EVERY_MS;
    });
    expect(checked.length).toBeGreaterThan(100);
    for (const r of checked) {
      const record = records.find((x) => x.host === r.host && x.slot === r.slot && x.volume === r.volume && x.requestedAt === next(r.request!.t));
      expect(record, `request ${r.id}: host ${r.host} slot ${r.slot}`).toBeDefined();
      expect(record).toMatchObject({
        repliedAt: next(r.replies[0]?.t), hostAckedAt: next(r.hostAck?.t), spmAckedAt: next(r.spmAck?.t), freedAt: next(r.freed?.t),
        // A reply the SPM acknowledged before any read showed it is known to exist, not what it said.
        result: record!.inferred.includes('reply') ? 'unknown' : r.replies[0].sizeMiB === 0 ? 'failed' : 'ok',
      });
    }
  });
});
