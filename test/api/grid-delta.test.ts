/**
 * `?view=grid&since=SEQ` on the built server over real files: only the hosts
 * whose mailboxes changed after SEQ, the hosts gone, and the whole grid
 * (`full:true`) once SEQ has left the history.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridDelta, Snapshot } from '@/lib/api/types';
import { encodeMailbox, makePool, request, type TestPool } from '../support/pool';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';

const POLL_MS = 100;
const HISTORY_S = 2;
let pool: TestPool;
let server: RunningServer;

type GridAnswer = (Snapshot & { since?: number; full?: boolean }) | GridDelta;
const grid = (query = '') => fetchAnswer<GridAnswer>(server, `/api/sources/pool/snapshot?view=grid${query}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The next answer whose read is after `seq`. */
async function after(seq: number, query = ''): Promise<GridAnswer> {
  for (;;) {
    const { body } = await grid(query);
    if (body.seq > seq) return body;
    await sleep(POLL_MS / 2);
  }
}

beforeAll(async () => {
  pool = makePool({
    mailboxes: 11,
    inbox: { 3: encodeMailbox({ 0: request(3, 0, 128) }), 7: encodeMailbox({ 1: request(7, 1, 100) }) },
  });
  server = await startServer({
    MAILBOX_SOURCES: `pool=${pool.dir}`, MAILBOX_MAX_HOST_ID: '10', MAILBOX_POLL_MS: String(POLL_MS), MAILBOX_HISTORY_S: String(HISTORY_S),
  });
});

afterAll(async () => {
  await server?.stop();
  pool?.remove();
});

/** GETs `path` asking for gzip (or what `accept` says), with the bytes as sent. */
function gzipped(path: string, accept = 'gzip'): Promise<{ status: number; encoding: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${server.url}${path}`, { headers: { 'Accept-Encoding': accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the grid delta', () => {
  it('answers only the hosts whose inbox or outbox changed after SEQ, with their findings', async () => {
    const { body: first } = await grid();
    expect(first.hosts).toHaveLength(10);
    const quiet = await after(first.seq, `&since=${first.seq}`);
    expect(quiet).toMatchObject({ since: first.seq, full: false, hosts: [], removed: [] });

    await pool.writeMailbox('inbox', 4, encodeMailbox({ 2: request(4, 2, 512) }));
    await pool.writeMailbox('outbox', 7, encodeMailbox({ 1: request(7, 1, 100) }, { kind: 'outbox' }));
    let delta: GridAnswer;
    do delta = await after(first.seq, `&since=${first.seq}`); while (delta.hosts.length < 2);
    expect(delta).toMatchObject({ since: first.seq, full: false, removed: [] });
    expect(delta.hosts.map((h) => h.id)).toEqual([4, 7]);
    expect(delta.hosts[0].lifecycle).toEqual([{ slot: 2, step: 'requested' }]);
    expect(delta.hosts[1].lifecycle).toEqual([{ slot: 1, step: 'replied' }]);

    // the same hosts as a whole grid answer of that read, rebuilt from the history
    const whole = await fetchAnswer<Snapshot>(server, `/api/sources/pool/snapshot?view=grid&seq=${delta.seq}`);
    expect(delta.hosts).toEqual([whole.body.hosts[3], whole.body.hosts[6]]);

    // a torn write's finding comes with its host
    const torn = encodeMailbox({ 5: request(2, 5, 64) });
    torn.fill(0, 4092);
    await pool.writeMailbox('inbox', 2, torn);
    let tornDelta: GridAnswer;
    do tornDelta = await after(delta.seq, `&since=${delta.seq}`); while (tornDelta.hosts.length === 0);
    expect(tornDelta.hosts.map((h) => h.id)).toEqual([2]);
    expect(tornDelta.findings.map((f) => [f.host, f.id])).toEqual([[2, 'mailbox.checksum.missing']]);
  });

  it('keeps the hosts of the last good read while the volumes cannot be read (said in the header), and sends the news when they can', async () => {
    const { body: before } = await grid();
    const saved = { inbox: readFileSync(pool.inbox), outbox: readFileSync(pool.outbox) };
    truncateSync(pool.inbox, 100);
    truncateSync(pool.outbox, 100);
    try {
      let failed: GridAnswer;
      do failed = await after(before.seq, `&since=${before.seq}`); while (!(failed as unknown as { inbox: { error: unknown } }).inbox?.error);
      const header = failed as unknown as { inbox: { lastGood: { seq: number } | null }; removed?: number[] };
      // unknown bytes are not zeros: the grid keeps what it last read well, and says which read that was
      expect(header.inbox.lastGood!.seq).toBeGreaterThanOrEqual(before.seq);
      expect(header.removed ?? []).toEqual([]);
    } finally {
      writeFileSync(pool.inbox, saved.inbox);
      writeFileSync(pool.outbox, saved.outbox);
    }
    await pool.writeMailbox('inbox', 8, encodeMailbox({ 2: request(8, 2, 640) }));
    let back: GridAnswer;
    do back = await after(before.seq, `&since=${before.seq}`); while (!back.hosts.some((h) => h.id === 8 && h.inbox?.slots.length));
    expect(back).toMatchObject({ full: false, removed: [] });
  });

  it('sends the whole grid, marked full, for a SEQ that has left the history (or was never made)', async () => {
    const { body: first } = await grid();
    await sleep((HISTORY_S + 1) * 1000);
    const answer = await grid(`&since=${first.seq}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ since: first.seq, full: true });
    expect(answer.body.hosts).toHaveLength(10);
    expect((await grid('&since=999999999')).body).toMatchObject({ full: true });
  });

  it('answers 304 to a viewer whose ETag is current, and refuses since without view=grid', async () => {
    const { headers, body } = await grid();
    const again = await fetchAnswer(server, `/api/sources/pool/snapshot?view=grid&since=${body.seq}`, { headers: { 'If-None-Match': headers.get('etag')! } });
    expect(again.status).toBe(304);
    const bad = await fetchAnswer<{ error: { code: string } }>(server, `/api/sources/pool/snapshot?since=${body.seq}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_since');
  });

  it('holds a since=…&wait= request until a read changes what the viewer has, then answers the change', async () => {
    const { headers, body } = await grid();
    const held = fetchAnswer<GridAnswer>(server, `/api/sources/pool/snapshot?view=grid&since=${body.seq}&wait=8000`,
      { headers: { 'If-None-Match': headers.get('etag')! } });
    await sleep(5 * POLL_MS); // several reads that change nothing: still held
    await pool.writeMailbox('inbox', 9, encodeMailbox({ 4: request(9, 4, 4096) }));
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ since: body.seq, full: false });
    expect(answer.body.hosts.map((h) => h.id)).toEqual([9]);
  });

  it('is compressed when the client accepts gzip: the delta, and the whole grid, byte for byte the plain answer', async () => {
    const delta = await gzipped('/api/sources/pool/snapshot?view=grid&since=1');
    expect(delta.status).toBe(200);
    expect(delta.encoding).toBe('gzip');
    // gunzip checks the stream's CRC-32 and length too
    expect(JSON.parse(gunzipSync(delta.bytes).toString()).since).toBe(1);

    const whole = await gzipped('/api/sources/pool/snapshot?view=grid');
    expect(whole.encoding).toBe('gzip');
    const unzipped = JSON.parse(gunzipSync(whole.bytes).toString()) as Snapshot;
    const plain = await grid(`&seq=${unzipped.seq}`);
    expect(unzipped.hosts.map((h) => h.id)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(unzipped.hosts).toEqual(plain.body.hosts);

    // a client that takes brotli gets it: the full snapshot, and the whole grid (its pieces joined, then compressed)
    const full = await gzipped('/api/sources/pool/snapshot', 'gzip, deflate, br');
    expect(full.encoding).toBe('br');
    expect((JSON.parse(brotliDecompressSync(full.bytes).toString()) as Snapshot).hosts).toHaveLength(10);
    const wholeBr = await gzipped('/api/sources/pool/snapshot?view=grid', 'gzip, deflate, br');
    expect(wholeBr.encoding).toBe('br');
    expect((JSON.parse(brotliDecompressSync(wholeBr.bytes).toString()) as Snapshot).hosts).toEqual(plain.body.hosts);
  });
});
