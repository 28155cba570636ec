import { describe, expect, it, vi } from 'vitest';
import { CLEAN, extend } from '@/lib/mailbox';
import { snapshotOf, type PoolSpec } from '@/test/ui/snapshot-of';
import { cellsHost, hostFromCells } from '@/lib/api/cells';
import { buildGridModel, rowSeverity } from './grid-model';

const D = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const V = 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f';
const req = (mib: number) => extend(D, V, mib);

describe('buildGridModel', () => {
  it('gives one row per host mailbox with the lifecycle step of every non-empty slot', () => {
    const model = buildGridModel(null, snapshotOf({ inbox: { 3: { 0: req(128), 1: req(256) } }, outbox: { 3: { 0: req(128) } } }), 1000);
    expect(model.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const row = model.rows[2];
    expect(row.cells.map((c) => [c.slot, c.step])).toEqual([[0, 'replied'], [1, 'requested']]);
    expect(row.state).toBe('valid');
    expect(row.hasMail).toBe(true);
    expect(row.problem).toBe(false);
    expect(model.counts).toEqual({ hostsWithMail: 1, waiting: 1, waitingInFailing: 0, failingNow: 0, failingSeen: 0, problemSteps: {} });
  });

  it('marks a mailbox failing its checksum as a problem and counts it failing now and since the page opened', () => {
    const model = buildGridModel(null, snapshotOf({ inbox: { 7: { 1: req(100) } }, torn: [7] }), 1000);
    const row = model.rows[6];
    expect(row.state).toBe('checksum_missing');
    expect(row.problem).toBe(true);
    expect(row.badges[0]).toMatchObject({ tone: 'failing', word: 'FAILING' });
    expect(rowSeverity(row)).toBe('error');
    expect(model.counts.failingNow).toBe(1);
    expect(model.counts.failingSeen).toBe(1);
    // its request is not followed (the SPM drops the mail), and is counted apart
    expect(model.counts.waitingInFailing).toBe(1);
  });

  it('keeps the row objects of unchanged hosts, so memoized rows skip rendering', () => {
    const first = buildGridModel(null, snapshotOf({ inbox: { 1: { 0: req(1) }, 2: { 0: req(2) } } }), 1000);
    const again = buildGridModel(first, snapshotOf({ inbox: { 1: { 0: req(1) }, 2: { 0: req(2) } }, seq: 2 }), 2000);
    expect(again.rows).toBe(first.rows);
    const changed = buildGridModel(again, snapshotOf({ inbox: { 1: { 0: req(1) }, 2: { 0: req(2), 5: req(3) } }, seq: 3 }), 3000);
    expect(changed.rows[0]).toBe(first.rows[0]);
    expect(changed.rows[1]).not.toBe(first.rows[1]);
  });

  it('counts a change on the cells that changed only, and not on the first snapshot', () => {
    const first = buildGridModel(null, snapshotOf({ inbox: { 2: { 0: req(2) } } }), 1000);
    expect(first.rows[1].cells[0]).toMatchObject({ changes: 0, changedAt: 0 });
    const replied = buildGridModel(first, snapshotOf({ inbox: { 2: { 0: req(2), 4: req(9) } }, outbox: { 2: { 0: req(2) } } }), 2000);
    const [slot0, slot4] = replied.rows[1].cells;
    expect(slot0).toMatchObject({ slot: 0, step: 'replied', changes: 1, changedAt: 2000 });
    expect(slot4).toMatchObject({ slot: 4, step: 'requested', changes: 1, changedAt: 2000 });
    const acked = buildGridModel(replied, snapshotOf({ inbox: { 2: { 0: CLEAN, 4: req(9) } }, outbox: { 2: { 0: req(2) } } }), 3000);
    expect(acked.rows[1].cells[0]).toMatchObject({ step: 'host_acked', changes: 2 });
    expect(acked.rows[1].cells[1]).toBe(slot4);
  });

  it('counts each new checksum failure once while it lasts', () => {
    const torn = { inbox: { 4: { 0: req(1) } }, torn: [4] };
    const a = buildGridModel(null, snapshotOf(torn), 1);
    const b = buildGridModel(a, snapshotOf({ ...torn, seq: 2 }), 2);
    const healed = buildGridModel(b, snapshotOf({ inbox: { 4: { 0: req(1) } } }), 3);
    const again = buildGridModel(healed, snapshotOf(torn), 4);
    expect([a, b, healed, again].map((m) => [m.counts.failingNow, m.counts.failingSeen])).toEqual([[1, 1], [1, 1], [0, 1], [1, 2]]);
    expect(again.watchingSince).toBe(1);
  });

  it('flags mail in the mailbox of host maxHostId, outside the SPM read window', () => {
    const model = buildGridModel(null, snapshotOf({ inbox: { 10: { 0: req(4096) } } }), 1);
    const row = model.rows[9];
    expect(row.host.outsideWindow).toBe(true);
    expect(row.problem).toBe(true);
    expect(row.badges.map((b) => b.word)).toContain('OUTSIDE WINDOW');
  });

  it('counts failed extends and mismatched replies', () => {
    const other = extend(D, 'aaaaaaaa-3ebb-43c3-a42e-73fcd8255a5f', 128);
    const model = buildGridModel(null, snapshotOf({ inbox: { 2: { 0: req(1), 1: req(1) } }, outbox: { 2: { 0: req(0), 1: other } } }), 1);
    expect(model.counts.problemSteps).toEqual({ failed: 1, mismatched_reply: 1 });
    expect(model.rows[1].problem).toBe(true);
  });

  it('does not count free slots (a CLEAN left in the outbox) as mail', () => {
    const model = buildGridModel(null, snapshotOf({ outbox: { 5: { 0: CLEAN } } }), 1);
    expect(model.rows[4].cells.map((c) => c.step)).toEqual(['free']);
    expect(model.rows[4].hasMail).toBe(false);
    expect(model.counts.hostsWithMail).toBe(0);
  });
});

describe('sameHost', () => {
  it('agrees with a deep comparison on hosts decoded from the same or different bytes', async () => {
    const { sameHost } = await import('./grid-model');
    const { deepEqual } = await import('./deep-equal');
    const specs: PoolSpec[] = [
      { inbox: { 1: { 0: req(1) } } },
      { inbox: { 1: { 0: req(2) } } },
      { inbox: { 1: { 0: req(1) } }, torn: [1] },
      { inbox: { 1: { 0: req(1) } }, outbox: { 1: { 0: req(1) } } },
      { inbox: { 1: { 0: CLEAN } }, outbox: { 1: { 0: req(1) } } },
      { outbox: { 1: { 3: CLEAN } } },
    ];
    const hosts = specs.map((s) => snapshotOf(s).hosts[0]);
    for (const a of hosts) for (const b of hosts) expect(sameHost(a, b)).toBe(deepEqual(a, b));
  });
});

describe('the grid view of the snapshot (no slot bytes, a crc per mailbox)', () => {
  /** What `?view=grid` sends: slots without hex or findings, and the mailbox crc when the server has it. */
  const gridView = (spec: PoolSpec, crcs: Record<number, number> = {}) => {
    const snapshot = snapshotOf(spec);
    for (const h of snapshot.hosts) {
      for (const box of [h.inbox, h.outbox]) {
        if (!box) continue;
        box.slots = box.slots.map(({ index, kind, domain, volume, sizeMiB, reason }) => ({ index, kind, domain, volume, sizeMiB, reason }) as never);
        if (crcs[h.id] !== undefined) box.crc = crcs[h.id];
      }
    }
    return snapshot;
  };

  it('compares hosts by crc when the server sends one', () => {
    const a = buildGridModel(null, gridView({ inbox: { 2: { 0: req(2) } } }, { 2: 11 }), 1);
    expect(buildGridModel(a, gridView({ inbox: { 2: { 0: req(2) } } }, { 2: 11 }), 2).rows[1]).toBe(a.rows[1]);
    // the same decoded fields but other bytes (a crc the fields do not show) make a new row
    expect(buildGridModel(a, gridView({ inbox: { 2: { 0: req(2) } } }, { 2: 12 }), 2).rows[1]).not.toBe(a.rows[1]);
  });

  it('falls back to the decoded fields of each slot without a crc', () => {
    const a = buildGridModel(null, gridView({ inbox: { 2: { 0: req(2) } } }), 1);
    expect(buildGridModel(a, gridView({ inbox: { 2: { 0: req(2) } } }), 2).rows[1]).toBe(a.rows[1]);
    const bigger = buildGridModel(a, gridView({ inbox: { 2: { 0: req(3) } } }), 2);
    expect(bigger.rows[1]).not.toBe(a.rows[1]);
    expect(bigger.rows[1].cells[0]).toMatchObject({ step: 'requested', changes: 1 });
  });

  it('builds a row\'s cells only when they are read, and counts without them', () => {
    // hosts as the page gets them (`view=cells`, a crc per mailbox), whose packed slots (JSON text) count being parsed
    const reads = { n: 0 };
    let crc = 0;
    const parse = JSON.parse;
    // and whose lifecycles count being unpacked
    const unpacked = { n: 0 };
    const watched = (snapshot: ReturnType<typeof snapshotOf>) => {
      crc++;
      const hosts = snapshot.hosts.map((h) => {
        const host = hostFromCells(cellsHost({ ...h, inbox: h.inbox && { ...h.inbox, crc }, outbox: h.outbox && { ...h.outbox, crc } }));
        const unpack = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(host), 'lifecycle')!.get!;
        Object.defineProperty(host, 'lifecycle', { enumerable: true, get: () => (unpacked.n++, unpack.call(host)) });
        return host;
      });
      return { ...snapshot, hosts };
    };
    const firstSnapshot = watched(snapshotOf({ inbox: { 2: { 0: req(2) } } }));
    const secondSnapshot = watched(snapshotOf({ inbox: { 2: { 0: req(2), 4: req(9) } }, outbox: { 2: { 0: req(2) } } }));
    vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      reads.n++;
      return parse(text, reviver);
    });
    try {
      const first = buildGridModel(null, firstSnapshot, 1000);
      const second = buildGridModel(first, secondSnapshot, 2000);
      expect(reads.n).toBe(0);
      expect(unpacked.n).toBe(0);
      expect(second.counts).toMatchObject({ hostsWithMail: 1, waiting: 1 });
      expect(second.rows[1].hasMail).toBe(true);
      // drawn: compared with the row it replaced, which is drawn for it
      expect(second.rows[1].cells.map((c) => [c.slot, c.step, c.changes])).toEqual([[0, 'replied', 1], [4, 'requested', 1]]);
      expect(reads.n).toBeGreaterThan(0);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('lets a row never drawn forget the row before it: two rows at most are kept for a host off screen', () => {
    const first = buildGridModel(null, snapshotOf({ inbox: { 2: { 0: req(2) } } }), 1000);
    const second = buildGridModel(first, snapshotOf({ inbox: { 2: { 0: req(3) } } }), 2000);
    const third = buildGridModel(second, snapshotOf({ inbox: { 2: { 0: req(4) } } }), 3000);
    // the second row was never drawn: it is drawn without the first, and the third counts one change against it
    expect(third.rows[1].cells[0]).toMatchObject({ step: 'requested', changes: 1, changedAt: 3000 });
    expect(second.rows[1].cells[0]).toMatchObject({ changes: 0, changedAt: 0 });
  });
});
