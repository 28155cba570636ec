import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/api/types';
import { CLEAN, extend, type Message } from '@/lib/mailbox';
import { snapshotOf, type PoolSpec } from '@/test/ui/snapshot-of';
import { applyGridDelta, buildGridModel, sameHost, type GridDelta } from './grid-model';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const req = (mib: number) => extend(D, V, mib);

/** The delta a server sends between two snapshots: the hosts that differ, the hosts gone, those hosts' findings. */
function deltaOf(before: Snapshot, after: Snapshot): GridDelta {
  const old = new Map(before.hosts.map((h) => [h.id, h]));
  const hosts = after.hosts.filter((h) => !old.has(h.id) || !sameHost(old.get(h.id)!, h));
  const ids = new Set(hosts.map((h) => h.id));
  const present = new Set(after.hosts.map((h) => h.id));
  const { hosts: _h, findings, ...header } = after;
  return {
    ...header, since: before.seq, full: false, hosts,
    removed: before.hosts.filter((h) => !present.has(h.id)).map((h) => h.id),
    findings: findings.filter((f) => f.host === undefined || ids.has(f.host)),
  };
}

describe('applyGridDelta', () => {
  it('touches only the hosts the delta names, keeping every other row object', () => {
    const a = snapshotOf({ inbox: { 2: { 0: req(1) }, 3: { 0: req(2) } } });
    const b = snapshotOf({ inbox: { 2: { 0: req(1) }, 3: { 0: req(2), 1: req(5) } }, outbox: { 3: { 0: req(2) } }, seq: 2 });
    const first = buildGridModel(null, a, 1);
    const delta = deltaOf(a, b);
    expect(delta.hosts.map((h) => h.id)).toEqual([3]);
    const next = applyGridDelta(first, delta, 2);
    expect(next.rows.filter((r, i) => r !== first.rows[i]).map((r) => r.id)).toEqual([3]);
    expect(next.rows[2].cells.map((c) => [c.slot, c.step, c.changes])).toEqual([[0, 'replied', 1], [1, 'requested', 1]]);
    expect(next.counts).toEqual({ hostsWithMail: 2, waiting: 2, waitingInFailing: 0, failingNow: 0, failingSeen: 0, problemSteps: {} });
    expect(next.lastRead.seq).toBe(2);
  });

  it('keeps the rows array itself when nothing changed, so the grid does not re-render', () => {
    const a = snapshotOf({ inbox: { 2: { 0: req(1) } } });
    const first = buildGridModel(null, a, 1);
    const next = applyGridDelta(first, deltaOf(a, { ...a, seq: 5 }), 2);
    expect(next.rows).toBe(first.rows);
    expect(next.lastRead.seq).toBe(5);
  });

  it('drops the rows of removed hosts and their share of the counts', () => {
    const a = snapshotOf({ maxHostId: 10, inbox: { 9: { 0: req(1) }, 10: { 0: req(1) } }, torn: [10] });
    const b = snapshotOf({ maxHostId: 8, inbox: {}, seq: 2 });
    const first = buildGridModel(null, a, 1);
    expect(first.counts.failingNow).toBe(1);
    const delta = deltaOf(a, b);
    expect(delta.removed).toEqual([9, 10]);
    const next = applyGridDelta(first, delta, 2);
    expect(next.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(next.counts).toMatchObject({ hostsWithMail: 0, waiting: 0, failingNow: 0, failingSeen: 1 });
  });

  it('gives the same rows and counts as rebuilding from the whole snapshot, for any change of any mailboxes', () => {
    const message = fc.constantFrom<Message>(req(0), req(1), req(2), CLEAN, extend(D, 'aaaaaaaa-3ebb-43c3-a42e-73fcd8255a5f', 1));
    const mailbox = fc.dictionary(fc.integer({ min: 0, max: 62 }).map(String), message, { maxKeys: 4 });
    const pool = fc.record({
      maxHostId: fc.integer({ min: 3, max: 8 }),
      inbox: fc.dictionary(fc.integer({ min: 1, max: 8 }).map(String), mailbox, { maxKeys: 5 }),
      outbox: fc.dictionary(fc.integer({ min: 1, max: 8 }).map(String), mailbox, { maxKeys: 5 }),
      torn: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }),
    });
    const clip = (spec: PoolSpec & { maxHostId: number }, seq: number): Snapshot => {
      const keep = <T>(r: Record<string, T> | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([h]) => Number(h) <= spec.maxHostId));
      return snapshotOf({ ...spec, inbox: keep(spec.inbox), outbox: keep(spec.outbox), seq } as PoolSpec);
    };
    fc.assert(fc.property(fc.array(pool, { minLength: 2, maxLength: 5 }), (specs) => {
      const snapshots = specs.map((s, i) => clip(s as never, i + 1));
      let whole = buildGridModel(null, snapshots[0], 0);
      let delta = whole;
      for (let i = 1; i < snapshots.length; i++) {
        whole = buildGridModel(whole, snapshots[i], i);
        delta = applyGridDelta(delta, deltaOf(snapshots[i - 1], snapshots[i]), i);
        expect(delta.rows).toEqual(whole.rows);
        expect(delta.counts).toEqual(whole.counts);
        expect([...delta.failing].sort()).toEqual([...whole.failing].sort());
      }
    }), { numRuns: 150 });
  });
});
