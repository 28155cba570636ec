/** The JSON API of the built server, on real files, on 127.0.0.1. */
import { spawnSync } from 'node:child_process';
import CRC32 from 'crc-32';
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodeResponse, MailboxResponse, Snapshot, SourcesResponse } from '@/lib/api/types';
import { checksum, MAILBOX_SIZE_BYTES, VOLUME_SIZE_BYTES } from '@/lib/mailbox';
import { fixture } from '../support/fixtures';
import { CLEAN, encodeMailbox, makePool, request, tornMailbox, type TestPool } from '../support/pool';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';

const POLL_MS = 100;
let pool: TestPool;
let server: RunningServer;

const get = <T>(path: string, init?: RequestInit) => fetchAnswer<T>(server, path, init);

async function until<T>(fn: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, POLL_MS / 2));
  }
}

beforeAll(async () => {
  pool = makePool({
    mailboxes: 11,
    event: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    inbox: { 3: encodeMailbox({ 0: request(3, 0, 128) }), 7: tornMailbox({ 1: request(7, 1, 100) }), 10: encodeMailbox({ 0: request(10, 0) }) },
    outbox: { 5: encodeMailbox({ 0: CLEAN }, { kind: 'outbox' }) },
  });
  server = await startServer({
    MAILBOX_SOURCES: `pool=${pool.dir};split=inbox:${pool.inbox}`,
    MAILBOX_MAX_HOST_ID: '10',
    MAILBOX_POLL_MS: String(POLL_MS),
    MAILBOX_HOST_NAMES: '3=hv-a, 7=hv-b.example.com',
  });
});

afterAll(async () => {
  await server?.stop();
  pool?.remove();
});

describe('GET /api/sources', () => {
  it('lists the configured sources with their volumes, and no demo', async () => {
    // It answers at once; the volumes' sizes come with the first read.
    const { status, body } = await until(() => get<SourcesResponse>('/api/sources'), (r) => r.body.sources.every((s) => !s.pending));
    expect(status).toBe(200);
    expect(body.sources.map((s) => [s.id, s.demo])).toEqual([['pool', false], ['split', false]]);
    const [poolSource, split] = body.sources;
    expect(poolSource.inbox).toMatchObject({ path: pool.inbox, size: 11 * MAILBOX_SIZE_BYTES, blockDevice: false, direct: true });
    expect(poolSource.outbox?.path).toBe(pool.outbox);
    expect(split.outbox).toBeNull();
  });

  it('gives every source the host names of MAILBOX_HOST_NAMES, keyed by host id', async () => {
    const { body } = await get<SourcesResponse>('/api/sources');
    expect(body.sources.map((s) => s.hostNames)).toEqual([{ 3: 'hv-a', 7: 'hv-b.example.com' }, { 3: 'hv-a', 7: 'hv-b.example.com' }]);
  });
});

describe('GET /api/sources/{id}/snapshot', () => {
  it('decodes every host: a valid request, a torn mailbox, mail outside the window', async () => {
    const { status, body } = await get<Snapshot>('/api/sources/pool/snapshot');
    expect(status).toBe(200);
    expect(body).toMatchObject({ source: 'pool', maxHostId: 10, event: { state: 'event', uuid: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' } });
    expect(body.inbox).toMatchObject({ path: pool.inbox, direct: true, error: null });
    expect(body.hosts.map((h) => h.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const host = (id: number) => body.hosts[id - 1];
    const sum = checksum(encodeMailbox({ 0: request(3, 0, 128) }));
    expect(host(3).inbox).toMatchObject({ state: 'valid', checksum: { stored: sum, computed: sum } });
    expect(host(3).inbox!.slots[0]).toMatchObject({ index: 0, kind: 'extend', sizeMiB: 128 });
    expect(host(3).lifecycle).toEqual([{ slot: 0, step: 'requested' }]);
    expect(host(7).inbox).toMatchObject({ state: 'checksum_missing', checksum: { stored: 0, computed: checksum(tornMailbox({ 1: request(7, 1, 100) })) } });
    expect(host(5).lifecycle).toEqual([{ slot: 0, step: 'free' }]);
    expect(host(10).outsideWindow).toBe(true);
    expect(body.findings.map((f) => [f.id, f.host])).toEqual(expect.arrayContaining([
      ['mailbox.checksum.missing', 7], ['mailbox.outside-window', 10],
    ]));
  });

  it('answers 304 to a matching ETag, and a new ETag once the bytes change', async () => {
    const first = await fetch(`${server.url}/api/sources/pool/snapshot`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{8}"$/);
    const again = await fetch(`${server.url}/api/sources/pool/snapshot`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(Number(again.headers.get('x-mailbox-seq'))).toBeGreaterThanOrEqual(Number(first.headers.get('x-mailbox-seq')));

    await pool.writeMailbox('outbox', 3, encodeMailbox({ 0: request(3, 0, 128) }, { kind: 'outbox' }));
    const changed = await until(
      () => fetch(`${server.url}/api/sources/pool/snapshot`, { headers: { 'If-None-Match': etag } }),
      (res) => res.status === 200,
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const body = (await changed.json()) as Snapshot;
    expect(body.hosts[2].lifecycle).toEqual([{ slot: 0, step: 'replied' }]);
  });

  it('reports a volume that disappears as a read error naming its path, and recovers', async () => {
    const bytes = readFileSync(pool.outbox);
    unlinkSync(pool.outbox);
    const broken = await until(() => get<Snapshot>('/api/sources/pool/snapshot'), (r) => r.body.outbox?.error !== null);
    expect(broken.body.outbox!.error).toMatchObject({ code: 'not_found' });
    expect(broken.body.outbox!.error!.message).toContain(pool.outbox);
    expect(broken.body.inbox!.error).toBeNull();
    writeFileSync(pool.outbox, bytes);
    const healed = await until(() => get<Snapshot>('/api/sources/pool/snapshot'), (r) => r.body.outbox?.error === null);
    expect(healed.body.outbox!.error).toBeNull();
  });

  it('gives each host mailbox a crc-32 that follows its bytes', async () => {
    const { body } = await get<Snapshot>('/api/sources/pool/snapshot');
    const onDisk = readFileSync(pool.inbox);
    const crc7 = CRC32.buf(onDisk.subarray(7 * MAILBOX_SIZE_BYTES, 8 * MAILBOX_SIZE_BYTES)) >>> 0;
    expect(body.hosts[6].inbox!.crc).toBe(crc7);
    expect(body.hosts[0].inbox!.crc).toBe(CRC32.buf(new Uint8Array(MAILBOX_SIZE_BYTES)) >>> 0);
  });

  it('?view=grid sends the same hosts without hex, UUIDs and per-slot findings, with its own ETag', async () => {
    const full = await fetch(`${server.url}/api/sources/pool/snapshot`);
    const grid = await fetch(`${server.url}/api/sources/pool/snapshot?view=grid`);
    const [a, b] = [(await full.json()) as Snapshot, (await grid.json()) as Snapshot];
    expect(grid.headers.get('etag')).toBe(full.headers.get('etag')!.replace(/"$/, '-grid"'));
    expect(b.hosts.map((h) => [h.id, h.inbox?.state, h.lifecycle])).toEqual(a.hosts.map((h) => [h.id, h.inbox?.state, h.lifecycle]));
    expect(b.findings).toEqual(a.findings);
    // what a cell shows: kind and size (its UUIDs and hex are in the full view)
    expect(b.hosts[2].inbox!.slots).toEqual([{ index: 0, kind: 'extend', sizeMiB: 128 }]);
    expect(a.hosts[2].inbox!.slots[0].volume).toMatch(/^[0-9a-f-]{36}$/);
    const again = await fetch(`${server.url}/api/sources/pool/snapshot?view=grid`, { headers: { 'If-None-Match': grid.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await get('/api/sources/pool/snapshot?view=tiny')).status).toBe(400);
  });

  it('answers 404 with a JSON error for an unknown source, whatever it looks like', async () => {
    for (const id of ['nope', '..%2F..%2Fetc%2Fpasswd', '%2Fetc%2Fpasswd']) {
      const { status, body } = await get<{ error: { code: string } }>(`/api/sources/${id}/snapshot`);
      expect(status).toBe(404);
      expect(body.error.code).toBe('unknown_source');
    }
  });
});

describe('GET /api/sources/{id}/mailbox/{host}', () => {
  it("returns the host's 4096-byte mailboxes as they are on disk", async () => {
    const { status, body } = await get<MailboxResponse>('/api/sources/pool/mailbox/7');
    expect(status).toBe(200);
    const inbox = Buffer.from(body.current.inbox!, 'base64');
    expect(inbox.length).toBe(MAILBOX_SIZE_BYTES);
    expect(Buffer.compare(inbox, tornMailbox({ 1: request(7, 1, 100) }))).toBe(0);
    expect((await get('/api/sources/pool/mailbox/11')).status).toBe(400);
  });

  it('returns the mailboxes as they were at a past read (?seq=), and 404 for a read not kept', async () => {
    const then = (await get<Snapshot>('/api/sources/pool/snapshot')).body.seq;
    const before = (await get<MailboxResponse>('/api/sources/pool/mailbox/9')).body.current.inbox;
    await pool.writeMailbox('inbox', 9, encodeMailbox({ 4: request(9, 4) }));
    const changed = await until(() => get<MailboxResponse>('/api/sources/pool/mailbox/9'), (r) => r.body.current.inbox !== before);
    expect(changed.body.previous!.inbox).toBe(before);
    const past = await get<MailboxResponse>(`/api/sources/pool/mailbox/9?seq=${then}`);
    expect(past.status).toBe(200);
    expect(past.body.current).toMatchObject({ seq: then, inbox: before });
    expect((await get('/api/sources/pool/mailbox/9?seq=999999999')).status).toBe(404);
  });
});

describe('POST /api/decode', () => {
  it('decodes a dump sent with curl --data-binary', async () => {
    const res = await fetch(`${server.url}/api/decode?kind=inbox`, { method: 'POST', body: Buffer.from(fixture('torn/torn-1426762', 'inbox')) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as DecodeResponse;
    expect(body).toMatchObject({ kind: 'inbox', size: 40960, warnings: [], event: { state: 'empty' } });
    expect(body.hosts).toHaveLength(9);
    expect(body.hosts[6]).toMatchObject({ id: 7, state: 'checksum_missing', checksum: { stored: 0, computed: 6457 } });
    expect(body.findings.map((f) => f.id)).toEqual(['mailbox.checksum.missing']);
  });

  it('answers 400 without a valid kind and 413 over 32 MiB', async () => {
    for (const query of ['', '?kind=', '?kind=spool']) {
      const res = await fetch(`${server.url}/api/decode${query}`, { method: 'POST', body: new Uint8Array(4096) });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('bad_kind');
    }
    const big = await fetch(`${server.url}/api/decode?kind=outbox`, { method: 'POST', body: new Uint8Array(2 * VOLUME_SIZE_BYTES + 1) });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('too_large');
  });

  it('decodes a whole 16 MiB volume with a trailing partial mailbox and says so', async () => {
    const bytes = new Uint8Array(VOLUME_SIZE_BYTES + 10);
    const res = await fetch(`${server.url}/api/decode?kind=outbox`, { method: 'POST', body: bytes });
    const body = (await res.json()) as DecodeResponse;
    expect(body.hosts).toHaveLength(4095);
    expect(body.warnings[0]).toContain('the last 10 bytes');
  });
});

describe('the rules of the house', () => {
  it('never writes to a source: bytes and mtime unchanged after many polls', async () => {
    const mtime = statSync(pool.inbox).mtimeMs;
    const bytes = readFileSync(pool.inbox);
    const seq = (await get<Snapshot>('/api/sources/pool/snapshot')).body.seq;
    const later = await until(() => get<Snapshot>('/api/sources/pool/snapshot'), (r) => r.body.seq >= seq + 10);
    expect(later.body.seq).toBeGreaterThanOrEqual(seq + 10);
    expect(statSync(pool.inbox).mtimeMs).toBe(mtime);
    expect(Buffer.compare(readFileSync(pool.inbox), bytes)).toBe(0);
  });
});

describe('configuration', () => {
  it.each([
    ['a directory that does not exist', 'lost=/nonexistent/dom_md', 'lost=/nonexistent/dom_md'],
    ['an entry without a name', '/some/dir', 'expected name=DIR'],
    ['a relative path', 'rel=inbox:relative/inbox', 'is not absolute'],
  ])('stops the server at start on %s, naming the entry', (_what, sources, message) => {
    const result = spawnSync(path.resolve('node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', '0'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', MAILBOX_SOURCES: sources }, encoding: 'utf8', timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('stops the server at start on a bad MAILBOX_HOST_NAMES, with the parser\'s message', () => {
    const result = spawnSync(path.resolve('node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', '0'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', MAILBOX_SOURCES: 'none', MAILBOX_HOST_NAMES: '1=hv-a,x=hv-b' }, encoding: 'utf8', timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`MAILBOX_HOST_NAMES: entry "x=hv-b": expected a host id 0..2000 before '=', got "x"`);
  });

  it('stops the server on a bad MAILBOX_POLL_MS', () => {
    const result = spawnSync(path.resolve('node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', '0'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', MAILBOX_POLL_MS: 'fast' }, encoding: 'utf8', timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MAILBOX_POLL_MS="fast": expected a whole number');
  });
});
