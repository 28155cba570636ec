/**
 * The history endpoints of the built server, polling real files every 100 ms
 * while the test writes to them: a torn write (512-byte sectors, as before
 * 2017) found and proven through the API, a whole handshake with its
 * latencies, a stuck request, and the metrics parsed back.
 */
import { open } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeJson, HistoryResponse, RequestJson } from '@/lib/api/history-types';
import type { Snapshot } from '@/lib/api/types';
import { checksum, CLEAN, encodeMailbox, extend, MAILBOX_SIZE_BYTES, SECTOR_SIZE_BYTES } from '@/lib/mailbox';
import { makePool, type TestPool } from '../support/pool';
import { parseExposition } from '../support/prom-text';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';

const POLL_MS = 100;
const DOMAIN = '8adbc85e-e554-4ae0-b318-8a5465fe5fe1';
const vol = (n: number) => `d772f1c6-3ebb-43c3-a42e-${n.toString(16).padStart(12, '0')}`;
const TORN_HOST = 3;
const HANDSHAKE_HOST = 2;
const STUCK_HOST = 5;
// Every sector differs between the two: 63 requests, then 63 CLEANs.
const OLD = encodeMailbox(Object.fromEntries(Array.from({ length: 63 }, (_, s) => [s, extend(DOMAIN, vol(s), 512 + s)])));
const NEW = encodeMailbox(Object.fromEntries(Array.from({ length: 63 }, (_, s) => [s, CLEAN])));

let pool: TestPool;
let server: RunningServer;

const get = <T>(path: string, init?: RequestInit) => fetchAnswer<T>(server, path, init);

const history = async (since?: number) => (await get<HistoryResponse>(`/api/sources/pool/history${since === undefined ? '' : `?since=${since}`}`)).body;

/** Waits until the server has made `count` more reads than now. */
async function reads(count: number): Promise<number> {
  const start = (await history(1e12)).latestSeq ?? 0;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const latest = (await history(1e12)).latestSeq ?? 0;
    if (latest >= start + count) return latest;
    await new Promise((r) => setTimeout(r, POLL_MS / 2));
  }
  throw new Error(`expected ${count} reads within 10 s, the server made fewer:\n${server.output()}`);
}

/** pwrite of `bytes` at `offset`, as one `dd` would. */
async function write(file: string, offset: number, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.write(bytes, 0, bytes.length, offset);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  pool = makePool({ mailboxes: 11, inbox: { [TORN_HOST]: OLD } });
  server = await startServer({
    MAILBOX_SOURCES: `pool=${pool.dir}`,
    MAILBOX_MAX_HOST_ID: '10',
    MAILBOX_POLL_MS: String(POLL_MS),
    MAILBOX_STUCK_S: '1',
  });
  await reads(2);
});

afterAll(async () => {
  await server?.stop();
  pool?.remove();
});

describe('a torn write, through the API', () => {
  let episodeStart = 0;

  it('finds the episode of a mailbox rewritten in 512-byte sectors, and proves it torn with sectors 0-2 new', async () => {
    const base = TORN_HOST * MAILBOX_SIZE_BYTES;
    for (let s = 0; s < 3; s++) {
      await write(pool.inbox, base + s * SECTOR_SIZE_BYTES, NEW.subarray(s * SECTOR_SIZE_BYTES, (s + 1) * SECTOR_SIZE_BYTES));
      await reads(2);
    }
    const during = (await get<EpisodeJson[]>(`/api/sources/pool/episodes?host=${TORN_HOST}`)).body;
    expect(during).toHaveLength(1);
    expect(during[0]).toMatchObject({ host: TORN_HOST, verdict: 'pending', resolvedSeq: null, beforeMissing: false });
    await write(pool.inbox, base + 3 * SECTOR_SIZE_BYTES, NEW.subarray(3 * SECTOR_SIZE_BYTES)); // sectors 3-7 in one write
    await reads(2);

    const { status, body, headers } = await get<EpisodeJson[]>(`/api/sources/pool/episodes?host=${TORN_HOST}`);
    expect(status).toBe(200);
    expect(headers.get('x-total-count')).toBe('1');
    const [episode] = body;
    expect(episode).toMatchObject({
      host: TORN_HOST, verdict: 'torn', newSectors: [0, 1, 2], sectors: 'nnnooooo', summary: 'sectors 0-2 new, 3-7 old',
      staleChecksum: true, spmChecks: true, beforeMissing: false,
    });
    const torn = OLD.slice();
    torn.set(NEW.subarray(0, 3 * SECTOR_SIZE_BYTES));
    expect(episode.checksum).toEqual({ stored: checksum(OLD), computed: checksum(torn), before: checksum(OLD) });
    expect(episode.reads).toBeGreaterThanOrEqual(6);
    expect(episode.durationMs).toBeGreaterThan(0);
    // One version per sector write the server saw, k = 1, 2, 3 sectors new.
    expect(episode.versions.map((v) => v.sectors)).toEqual(['nooooooo', 'nnoooooo', 'nnnooooo']);
    expect(episode.droppedMessages.map((m) => [m.slot, m.kind])).toEqual(Array.from({ length: 24 }, (_, s) => [s, 'clean']));
    // Resolving is an update: polling with ?since= its last failed read still finds it.
    expect(episode.updatedSeq).toBe(episode.resolvedSeq);
    const polled = await get<EpisodeJson[]>(`/api/sources/pool/episodes?since=${episode.endSeq}`);
    expect(polled.body.map((e) => e.id)).toContain(episode.id);
    episodeStart = episode.startSeq;
  });

  it('shows the failing reads in the history, with the mailbox that changed and its state', async () => {
    const { reads: list, oldestSeq } = await history(episodeStart - 1);
    expect(oldestSeq).toBe(1);
    expect(list[0]).toMatchObject({ seq: episodeStart, failing: [TORN_HOST], marks: { failures: 1 } });
    expect(list[0].inbox!.changed).toEqual([{ host: TORN_HOST, state: 'checksum_mismatch' }]);
    expect(list[list.length - 1].failing).toEqual([]);
  });

  it('serves the snapshot as it was at a past read, and 404 once a read is not in the history', async () => {
    const past = await get<Snapshot>(`/api/sources/pool/snapshot?seq=${episodeStart}`);
    expect(past.status).toBe(200);
    expect(past.body.seq).toBe(episodeStart);
    expect(past.body.hosts[TORN_HOST - 1].inbox).toMatchObject({ state: 'checksum_mismatch' });
    expect((await get(`/api/sources/pool/snapshot?seq=999999999`)).status).toBe(404);
    expect((await get(`/api/sources/pool/snapshot?seq=abc`)).status).toBe(400);

    // The latest read rebuilt from the history equals the snapshot served live.
    const live = await get<Snapshot>('/api/sources/pool/snapshot');
    const rebuilt = await get<Snapshot>(`/api/sources/pool/snapshot?seq=${live.body.seq}`);
    expect(rebuilt.body).toEqual(live.body);
    // ...and the live snapshot keeps its ETag and 304.
    const again = await get('/api/sources/pool/snapshot', { headers: { 'If-None-Match': live.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('exports a past read as the raw window and as JSON', async () => {
    const res = await fetch(`${server.url}/api/sources/pool/export?volume=inbox&seq=${episodeStart}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="pool-inbox-seq${episodeStart}.bin"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(11 * MAILBOX_SIZE_BYTES);
    const torn = OLD.slice();
    torn.set(NEW.subarray(0, SECTOR_SIZE_BYTES));
    expect(Buffer.from(bytes.subarray(TORN_HOST * MAILBOX_SIZE_BYTES, (TORN_HOST + 1) * MAILBOX_SIZE_BYTES)).equals(Buffer.from(torn))).toBe(true);

    const json = await get<{ seq: number; inbox: { base64: string; decoded: { hosts: Array<{ id: number; state: string }> } }; outbox: unknown }>(
      `/api/sources/pool/export?format=json&volume=inbox&seq=${episodeStart}`);
    expect(json.body.seq).toBe(episodeStart);
    expect(Buffer.from(json.body.inbox.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(json.body.inbox.decoded.hosts[TORN_HOST - 1]).toMatchObject({ id: TORN_HOST, state: 'checksum_mismatch' });
    expect(json.body.outbox).toBeNull();
    expect((await get('/api/sources/pool/export?volume=inbox&seq=999999999')).status).toBe(404);
    expect((await get('/api/sources/pool/export')).status).toBe(400);
  });

  it('writes an incident summary in Markdown with the verdict and the torn mailbox in hexdump -C', async () => {
    const res = await get<null>(`/api/sources/pool/incident?since=${episodeStart - 1}`);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.text).toContain('## Mailbox incident: pool');
    expect(res.text).toMatch(new RegExp(`\\| ${TORN_HOST} \\| ✗ TORN \\| \\d+ \\(${episodeStart}–\\d+\\) \\|`));
    expect(res.text).toContain('sectors 0-2 new, 3-7 old');
    expect(res.text).toContain('00003000  01 01 01 01 01 01 01 01  01 01 01 01 01 01 01 01  |................|');
    expect((await get('/api/sources/pool/incident?since=soon')).status).toBe(400);
  });
});

describe('requests over time, through the API', () => {
  it('follows a handshake step by step, each step at the first read that showed it', async () => {
    const request = extend(DOMAIN, vol(100), 2048);
    const steps: Array<['inbox' | 'outbox', Uint8Array]> = [
      ['inbox', encodeMailbox({ 0: request })],
      ['outbox', encodeMailbox({ 0: request }, { kind: 'outbox' })],
      ['inbox', encodeMailbox({ 0: CLEAN })],
      ['outbox', encodeMailbox({ 0: CLEAN }, { kind: 'outbox' })],
      ['inbox', new Uint8Array(MAILBOX_SIZE_BYTES)],
    ];
    const from = (await history(1e12)).latestSeq!;
    for (const [volume, bytes] of steps) {
      await pool.writeMailbox(volume, HANDSHAKE_HOST, bytes);
      await reads(3);
    }
    // When each step was seen: the reads in which the host's mailbox changed.
    const seen = (await history(from)).reads
      .flatMap((r) => (['inbox', 'outbox'] as const).filter((v) => r[v]!.changed.some((c) => c.host === HANDSHAKE_HOST)).map(() => r.readAt));
    expect(seen).toHaveLength(5);

    const { body } = await get<RequestJson[]>('/api/sources/pool/requests');
    const record = body.find((r) => r.host === HANDSHAKE_HOST)!;
    expect(record).toMatchObject({
      slot: 0, domain: DOMAIN, volume: vol(100), sizeMiB: 2048, result: 'ok', replySizeMiB: 2048, step: 'free', stuck: false,
      requestedAt: seen[0], repliedAt: seen[1], hostAckedAt: seen[2], spmAckedAt: seen[3], freedAt: seen[4], partial: false, inferred: [],
    });
    const ms = seen.map((t) => Date.parse(t));
    expect(record.latency).toEqual({
      replyMs: ms[1] - ms[0], hostAckMs: ms[2] - ms[1], spmAckMs: ms[3] - ms[2], freeMs: ms[4] - ms[3], totalMs: ms[4] - ms[0],
    });
    expect(record.latency.replyMs).toBeGreaterThan(0);
  });

  it('calls a request with no reply after MAILBOX_STUCK_S stuck, and lists it first', async () => {
    await pool.writeMailbox('inbox', STUCK_HOST, encodeMailbox({ 7: extend(DOMAIN, vol(200), 4096) }));
    await reads(2);
    const early = (await get<RequestJson[]>('/api/sources/pool/requests')).body;
    expect(early.find((r) => r.host === STUCK_HOST)).toMatchObject({ stuck: false, step: 'requested' });
    await new Promise((r) => setTimeout(r, 1200));
    await reads(2);
    const { body, headers } = await get<RequestJson[]>('/api/sources/pool/requests');
    expect(Array.isArray(body)).toBe(true);
    expect(headers.get('x-stuck-after-s')).toBe('1');
    expect([headers.get('x-requests-stuck'), headers.get('x-requests-waiting')]).toEqual(['1', '1']);
    expect(body[0]).toMatchObject({ host: STUCK_HOST, slot: 7, stuck: true, repliedAt: null, result: null });
    expect(body[0].waitingMs).toBeGreaterThanOrEqual(1000);
    // Polling with ?since= the latest seq returns nothing new but what is stuck.
    const polled = (await get<RequestJson[]>(`/api/sources/pool/requests?since=${(await history(1e12)).latestSeq}`)).body;
    expect(polled.map((r) => r.host)).toEqual([STUCK_HOST]);
    const first = await get<RequestJson[]>('/api/sources/pool/requests?limit=1');
    expect(first.body).toMatchObject([{ host: STUCK_HOST }]);
    expect(first.headers.get('x-total-count')).toBe(headers.get('x-total-count'));
    const incident = await get<null>('/api/sources/pool/incident');
    expect(incident.text).toContain('### ⏱ Stuck requests (no reply after 1 s)');
  });
});

describe('GET /api/metrics', () => {
  it('exposes reads, checksum failures, episodes, stuck requests and latencies, in the text format', async () => {
    const res = await fetch(`${server.url}/api/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const m = parseExposition(await res.text());
    const pool = { source: 'pool' };
    expect(m.types).toMatchObject({
      mailbox_reads_total: 'counter', mailbox_read_duration_seconds: 'histogram', mailbox_checksum_episodes_total: 'counter',
      mailbox_requests_stuck: 'gauge', mailbox_request_latency_seconds: 'histogram', mailbox_direct_io: 'gauge',
    });
    expect(m.value('mailbox_reads_total', pool)).toBeGreaterThan(20);
    expect(m.value('mailbox_read_duration_seconds_count', { ...pool, volume: 'inbox' })).toBe(m.value('mailbox_reads_total', pool));
    expect(m.value('mailbox_read_errors_total', pool)).toBeUndefined();
    expect(m.value('mailbox_direct_io', { ...pool, volume: 'inbox' })).toBe(1);
    expect(m.value('mailbox_checksum_failures_total', { ...pool, host: String(TORN_HOST) })).toBeGreaterThanOrEqual(6);
    expect(m.value('mailbox_checksum_episodes_total', { ...pool, verdict: 'torn' })).toBe(1);
    expect(m.value('mailbox_checksum_episodes_total', { ...pool, verdict: 'corrupt' })).toBe(0);
    expect(m.value('mailbox_checksum_failing_mailboxes', pool)).toBe(0);
    expect(m.value('mailbox_checksum_persistent_failures', pool)).toBe(0);
    expect(m.value('mailbox_checksum_failing_reads', pool)).toBeUndefined();
    expect(m.value('mailbox_requests_stuck', pool)).toBe(1);
    expect(m.value('mailbox_requests_pending', pool)).toBe(1);
    expect(m.value('mailbox_request_oldest_unanswered_age_seconds', pool)).toBeGreaterThanOrEqual(1);
    expect(m.value('mailbox_requests_total', pool)).toBeGreaterThanOrEqual(2);
    expect(m.value('mailbox_request_results_total', { ...pool, result: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(m.value('mailbox_request_results_total', { ...pool, result: 'failed' })).toBe(0);
    expect(m.value('mailbox_volume_last_success_age_seconds', { ...pool, volume: 'inbox' })).toBeLessThan(5);
    expect(m.value('mailbox_request_latency_seconds_count', { ...pool, step: 'total' })).toBe(1);
    expect(m.value('mailbox_request_latency_seconds_count', { ...pool, step: 'reply' })).toBe(1);
    expect(m.value('mailbox_history_bytes', pool)).toBeGreaterThan(0);
  });
});
