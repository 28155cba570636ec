/**
 * A scrape of the metrics on a source reading real files: the gauges alerting
 * needs, computed from memory at scrape time. Scrapes never read storage, and
 * ages keep growing while no read arrives (a hung NFS read must go stale).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { metrics } from '@/lib/metrics/metrics';
import { scrape } from '@/lib/metrics/scrape';
import { LiveSource } from '@/lib/sources/live-source';
import { CLEAN, encodeMailbox, extend } from '@/lib/mailbox';
import { DOMAIN, makePool, volumeUuid, type TestPool } from '../support/pool';
import { parseExposition } from '../support/prom-text';
import { CORRUPT_HOST, corruptMailbox, UNANSWERED_HOST, unansweredRequest } from './fleet-pool';

let pool: TestPool | null = null;
let source: LiveSource | null = null;

afterEach(async () => {
  await source?.stop();
  pool?.remove();
  pool = source = null;
});

function watch(id: string, persistentReads: number): LiveSource {
  pool = makePool({ mailboxes: 11, inbox: { [CORRUPT_HOST]: corruptMailbox(), [UNANSWERED_HOST]: unansweredRequest() } });
  source = new LiveSource(
    { id, name: id, demo: false, inbox: pool.inbox, outbox: pool.outbox },
    { maxHostId: 10, pollMs: 60_000 },
    { ...DEFAULT_HISTORY_SETTINGS, stuckMs: 1000, persistentReads },
  );
  return source;
}

async function scrapeAt(s: LiveSource, now: number) {
  return parseExposition(await scrape(metrics(), [s], now));
}

describe('metrics at scrape time', () => {
  it('counts a mailbox failing with the same bytes as persistent only after more than MAILBOX_PERSISTENT_READS reads', async () => {
    const s = watch('persist', 3);
    const src = { source: 'persist' };
    for (let i = 0; i < 3; i++) await s.poller.poll();
    let m = await scrapeAt(s, Date.now());
    expect(m.value('mailbox_checksum_failing_mailboxes', src)).toBe(1);
    expect(m.value('mailbox_checksum_failing_reads', { ...src, host: String(CORRUPT_HOST) })).toBe(3);
    expect(m.value('mailbox_checksum_persistent_failures', src)).toBe(0);
    await s.poller.poll();
    m = await scrapeAt(s, Date.now());
    expect(m.value('mailbox_checksum_failing_reads', { ...src, host: String(CORRUPT_HOST) })).toBe(4);
    expect(m.value('mailbox_checksum_persistent_failures', src)).toBe(1);
    expect(m.value('mailbox_checksum_failures_total', { ...src, host: String(CORRUPT_HOST) })).toBe(4);
  });

  it('drops the per-host series once the mailbox is valid again', async () => {
    const s = watch('heals', 3);
    await s.poller.poll();
    expect((await scrapeAt(s, Date.now())).value('mailbox_checksum_failing_reads', { source: 'heals', host: String(CORRUPT_HOST) })).toBe(1);
    await pool!.writeMailbox('inbox', CORRUPT_HOST, new Uint8Array(4096));
    await s.poller.poll();
    const m = await scrapeAt(s, Date.now());
    expect(m.value('mailbox_checksum_failing_reads', { source: 'heals', host: String(CORRUPT_HOST) })).toBeUndefined();
    expect(m.value('mailbox_checksum_failing_mailboxes', { source: 'heals' })).toBe(0);
    // No valid read came before it, so no proof either way: unproven, but resolved.
    expect(m.value('mailbox_checksum_episodes_total', { source: 'heals', verdict: 'unproven' })).toBe(1);
  });

  it('ages the oldest unanswered request and the last successful read with the clock, without reading again', async () => {
    const s = watch('ages', 10);
    const src = { source: 'ages' };
    await s.poller.poll();
    // a byte changes after the first read: the pool is moving (a static dump calls nothing stuck)
    await pool!.writeMailbox('outbox', 9, encodeMailbox({ 3: CLEAN }, { kind: 'outbox' }));
    const read = await s.poller.poll();
    const readsBefore = s.poller.latest!.seq;
    const later = read.readAt + 90_000;
    let m = await scrapeAt(s, later);
    for (let i = 0; i < 50; i++) m = await scrapeAt(s, later);
    expect(s.poller.latest!.seq).toBe(readsBefore);
    expect(m.value('mailbox_reads_total', src)).toBe(readsBefore);
    expect(m.value('mailbox_requests_pending', src)).toBe(1);
    expect(m.value('mailbox_requests_stuck', src)).toBe(1);
    expect(m.value('mailbox_request_oldest_unanswered_age_seconds', src)).toBeCloseTo(90, 0);
    expect(m.value('mailbox_volume_last_success_age_seconds', { ...src, volume: 'inbox' })).toBeGreaterThan(89);
    expect(m.value('mailbox_volume_last_success_age_seconds', { ...src, volume: 'outbox' })).toBeGreaterThan(89);
    expect(m.value('mailbox_direct_io', { ...src, volume: 'inbox' })).toBe(1);
  });

  it('reports 0 for a request that got its reply, and a failed reply by its result', async () => {
    const s = watch('replied', 10);
    const src = { source: 'replied' };
    await s.poller.poll();
    await pool!.writeMailbox('outbox', UNANSWERED_HOST, encodeMailbox({ 2: extend(DOMAIN, volumeUuid(UNANSWERED_HOST, 2), 0) }, { kind: 'outbox' }));
    const read = await s.poller.poll();
    const m = await scrapeAt(s, read.readAt + 60_000);
    expect(m.value('mailbox_requests_pending', src)).toBe(0);
    expect(m.value('mailbox_request_oldest_unanswered_age_seconds', src)).toBe(0);
    expect(m.value('mailbox_request_results_total', { ...src, result: 'failed' })).toBe(1);
    expect(m.value('mailbox_requests_total', src)).toBeGreaterThanOrEqual(1);
  });
});
