import { describe, expect, it } from 'vitest';
import { extend } from '@/lib/mailbox';
import { snapshotOf } from '@/test/ui/snapshot-of';
import { buildGridModel } from './grid-model';
import { createSnapshotFetcher } from './snapshot-fetcher';

const req = extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 128);

describe('createSnapshotFetcher', () => {
  it('sends the ETag back and keeps the rows on 304, taking the read time from the headers', async () => {
    const sent: Array<Record<string, string>> = [];
    const snapshot = snapshotOf({ inbox: { 2: { 0: req } } });
    const replies = [
      new Response(JSON.stringify(snapshot), { status: 200, headers: { ETag: '"abc"' } }),
      new Response(null, { status: 304, headers: { ETag: '"abc"', 'X-Mailbox-Seq': '9', 'X-Mailbox-Read-At': '2026-01-01T00:00:05.000Z' } }),
    ];
    let now = 100;
    const fetchSnapshot = createSnapshotFetcher(async (_url, init) => {
      sent.push(init.headers as Record<string, string>);
      return replies.shift()!;
    }, () => now);
    const first = await fetchSnapshot('/s');
    now = 200;
    const second = await fetchSnapshot('/s');
    expect(sent).toEqual([{}, { 'If-None-Match': '"abc"' }]);
    expect(second.rows).toBe(first.rows);
    expect(second.confirmedAt).toBe(200);
    expect(second.lastRead).toEqual({ seq: 9, readAt: '2026-01-01T00:00:05.000Z' });
    expect(second.readSeenAt).toBe(200);
  });

  it('notices when the server answers but its reads stop advancing', async () => {
    const unchanged = () => new Response(null, { status: 304, headers: { ETag: '"e"', 'X-Mailbox-Seq': '1', 'X-Mailbox-Read-At': 'x' } });
    const replies = [new Response(JSON.stringify(snapshotOf({})), { status: 200, headers: { ETag: '"e"' } }), unchanged(), unchanged()];
    let now = 100;
    const fetchSnapshot = createSnapshotFetcher(async () => replies.shift()!, () => now);
    await fetchSnapshot('/s');
    now = 5000;
    await fetchSnapshot('/s');
    now = 9000;
    const last = await fetchSnapshot('/s');
    expect(last.confirmedAt).toBe(9000);
    expect(last.readSeenAt).toBe(100);
  });

  it('asks for what changed since its read and applies a delta to the changed hosts only', async () => {
    const first = snapshotOf({ inbox: { 2: { 0: req }, 3: { 0: req } } });
    const changed = snapshotOf({ inbox: { 2: { 0: req }, 3: { 0: req, 4: req } }, seq: 7 });
    const { hosts: _hosts, findings: _findings, ...header } = changed;
    const delta = { ...header, since: 1, full: false, hosts: [changed.hosts[2]], removed: [], findings: [] };
    const whole = { ...snapshotOf({ inbox: { 2: { 0: req } }, seq: 30 }), since: 7, full: true };
    const urls: string[] = [];
    const replies = [first, delta, whole].map((body, i) => new Response(JSON.stringify(body), { status: 200, headers: { ETag: `"${i}"` } }));
    const fetchSnapshot = createSnapshotFetcher(async (url) => {
      urls.push(url);
      return replies.shift()!;
    });
    const a = await fetchSnapshot('/s?view=grid&wait=2000');
    const b = await fetchSnapshot('/s?view=grid&wait=2000');
    expect(b.rows.filter((r, i) => r !== a.rows[i]).map((r) => r.id)).toEqual([3]);
    expect(b.rows[2].cells.map((c) => c.slot)).toEqual([0, 4]);
    // the read asked for had left the history: the whole grid comes back and replaces the rows
    const c = await fetchSnapshot('/s?view=grid&wait=2000');
    // the first ask has nothing to wait for; the next ones are held by the server until something changed
    expect(urls).toEqual(['/s?view=grid', '/s?view=grid&wait=2000&since=1', '/s?view=grid&wait=2000&since=7']);
    expect(c.rows[2].cells).toEqual([]);
    expect(c.lastRead.seq).toBe(30);
  });

  it('builds its first whole answer from the first screen the page came with: rows of unchanged hosts are kept', async () => {
    const pool = snapshotOf({ inbox: { 2: { 0: req }, 3: { 0: req } } });
    const screen = { ...pool, hosts: pool.hosts.filter((h) => h.id === 2 || h.id === 3) }; // the rows drawn first
    const seed = { ...buildGridModel(null, screen, 50), partial: { hosts: 4 } };
    const whole = snapshotOf({ inbox: { 2: { 0: req }, 3: { 0: req, 4: req }, 4: { 0: req } } });
    const fetchSnapshot = createSnapshotFetcher(async () => new Response(JSON.stringify(whole), { status: 200 }), () => 100, seed);
    const model = await fetchSnapshot('/s');
    expect(model.partial).toBeUndefined();
    expect(model.watchingSince).toBe(50); // the page has watched since its first screen
    const byId = (id: number) => model.rows.find((r) => r.id === id)!;
    expect(byId(2)).toBe(seed.rows.find((r) => r.id === 2)); // unchanged: the same row, not drawn again
    expect(byId(3)).not.toBe(seed.rows.find((r) => r.id === 3));
    expect(byId(3).cells.map((c) => [c.slot, c.changes])).toEqual([[0, 0], [4, 1]]); // what changed since the first screen flashes
    expect(byId(4).cells.map((c) => c.changes)).toEqual([0]); // beyond the first screen: new to the page, nothing to flash
  });

  it('uses a first screen only for its own source', async () => {
    const seed = { ...buildGridModel(null, snapshotOf({ inbox: { 2: { 0: req } } }), 50), partial: { hosts: 2 } };
    const other = { ...snapshotOf({ inbox: { 2: { 0: req } } }), source: 'other' };
    const fetchSnapshot = createSnapshotFetcher(async () => new Response(JSON.stringify(other), { status: 200 }), () => 100, seed);
    const model = await fetchSnapshot('/s');
    expect(model.watchingSince).toBe(100);
    expect(model.rows[0]).not.toBe(seed.rows[0]);
  });

  it('turns an API error into a sentence', async () => {
    const fetchSnapshot = createSnapshotFetcher(async () =>
      new Response(JSON.stringify({ error: { code: 'unknown_source', message: 'no source "x"' } }), { status: 404 }));
    await expect(fetchSnapshot('/s')).rejects.toThrow('snapshot: no source "x" (HTTP 404)');
  });
});
