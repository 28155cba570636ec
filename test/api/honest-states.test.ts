/**
 * States said as they are, by the built server on real files: a source whose
 * bytes never changed is static; a volume whose read fails keeps its last
 * good read, said to be old; a reply of size 0 to a request of size 0 is not
 * a failed extend.
 */
import { renameSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestJson } from '@/lib/api/history-types';
import type { Snapshot } from '@/lib/api/types';
import { encodeMailbox, makePool, request, type TestPool } from '../support/pool';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';

let pool: TestPool;
let server: RunningServer;
const get = <T>(path: string) => fetchAnswer<T>(server, path);

async function until<T>(fn: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const snapshot = async () => (await get<Snapshot>('/api/sources/pool/snapshot?view=grid')).body;

beforeAll(async () => {
  pool = makePool({ mailboxes: 11, inbox: { 3: encodeMailbox({ 0: request(3, 0, 128) }) } });
  server = await startServer({ MAILBOX_SOURCES: `pool=${pool.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: '100', MAILBOX_STUCK_S: '0.2' });
});

afterAll(async () => {
  await server?.stop();
  pool?.remove();
});

describe('a static source (a dump)', () => {
  it('is static while no byte changes, calls no request stuck, and stops being static at the first change', async () => {
    const first = await until(snapshot, (s) => s.seq >= 4); // long past MAILBOX_STUCK_S
    expect(first.static).toBe(true);
    const requests = await get<RequestJson[]>('/api/sources/pool/requests');
    expect(requests.body.map((r) => [r.host, r.slot, r.partial, r.stuck])).toEqual([[3, 0, true, false]]);
    expect(requests.headers.get('x-requests-stuck')).toBe('0');

    await pool.writeMailbox('inbox', 5, encodeMailbox({ 1: request(5, 1, 64) }));
    const moved = await until(snapshot, (s) => !s.static);
    expect(moved.hosts.some((h) => h.id === 5)).toBe(true);
    // a read from before the change is still static when looked at later
    const past = await get<Snapshot>(`/api/sources/pool/snapshot?seq=${first.seq}`);
    expect(past.body.static).toBe(true);
  });
});

describe('a reply of size 0', () => {
  it('to a request of size 0 is "size_zero", not a failed extend; to any other size it is "failed"', async () => {
    await pool.writeMailbox('inbox', 6, encodeMailbox({ 0: request(6, 0, 0), 1: request(6, 1, 512) }));
    await until(async () => (await get<RequestJson[]>('/api/sources/pool/requests?host=6')).body, (list) => list.length === 2);
    await pool.writeMailbox('outbox', 6, encodeMailbox({ 0: request(6, 0, 0), 1: request(6, 1, 0) }, { kind: 'outbox' }));
    const replied = await until(async () => (await get<RequestJson[]>('/api/sources/pool/requests?host=6')).body,
      (list) => list.every((r) => r.result !== null));
    expect(Object.fromEntries(replied.map((r) => [r.slot, r.result]))).toEqual({ 0: 'size_zero', 1: 'failed' });
    const grid = await snapshot();
    expect(grid.hosts.find((h) => h.id === 6)!.lifecycle).toEqual([{ slot: 0, step: 'replied' }, { slot: 1, step: 'failed' }]);
  });
});

describe('a volume whose read fails', () => {
  it('keeps its last good read on screen, says which read that was, and shows the latest again when it comes back', async () => {
    const good = await until(snapshot, (s) => s.inbox?.error === null && s.hosts.some((h) => h.id === 3));
    renameSync(pool.inbox, `${pool.inbox}.away`);
    const failed = await until(snapshot, (s) => s.inbox?.error !== null);
    expect(failed.inbox!.error!.code).toBe('not_found');
    expect(failed.inbox!.lastGood!.seq).toBeGreaterThanOrEqual(good.seq);
    expect(failed.inbox!.lastGood!.seq).toBeLessThan(failed.seq);
    // the hosts of the last good read, not an empty inbox
    expect(failed.hosts.find((h) => h.id === 3)!.inbox!.state).toBe('valid');

    renameSync(`${pool.inbox}.away`, pool.inbox);
    const back = await until(snapshot, (s) => s.inbox?.error === null);
    expect(back.inbox!.lastGood).toBeUndefined();
  });
});
