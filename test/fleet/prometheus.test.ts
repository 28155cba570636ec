/**
 * The rules and the dashboard on a real Prometheus: it scrapes the built
 * inspector, which watches real files into which this test writes a mailbox
 * whose checksum is wrong and never heals, a request no SPM answers, a reply
 * of size 0 and a whole handshake; a second source loses its inbox. The
 * alerts must fire from those metrics, and every panel's query must return data.
 *
 * Prometheus runs deploy/prometheus/rules.yml with time compressed (every
 * `for:` 1 s, age thresholds of 30 s down to 3 s) so the test takes seconds,
 * not minutes; the expressions are otherwise the real ones.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '@/lib/api/history-types';
import { CLEAN, encodeMailbox, extend } from '@/lib/mailbox';
import { DOMAIN, makePool, volumeUuid, type TestPool } from '../support/pool';
import { fetchAnswer, startServer, type RunningServer } from '../support/server';
import { CORRUPT_HOST, corruptMailbox, UNANSWERED_HOST, unansweredRequest } from './fleet-pool';
import { PROMETHEUS, startPrometheus, type PromAlert, type RunningPrometheus } from './prometheus-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RULES = readFileSync(path.join(ROOT, 'deploy/prometheus/rules.yml'), 'utf8');
const DASHBOARD = JSON.parse(readFileSync(path.join(ROOT, 'deploy/grafana/mailbox-inspector.json'), 'utf8')) as {
  panels: Array<{ type: string; title: string; targets?: Array<{ expr: string }> }>;
};
const HANDSHAKE_HOST = 2;
const FAILED_HOST = 3;

/** The real rules with every `for:` at 1 s and every age threshold of 30 s at 3 s. */
function compressTime(rules: string): string {
  const out = rules.replace(/^(\s+)for: \S+$/gm, '$1for: 1s').replace(/(_age_seconds > )30\b/g, '$13');
  if (out.includes('> 30\n') || !/for: 1s/.test(out)) throw new Error('compressTime: rules.yml changed shape; update the test');
  return out;
}

const skip = !existsSync(PROMETHEUS) ? `${PROMETHEUS} is missing (npm test installs Debian's prometheus)` : null;
if (skip) console.warn(`skipping the Prometheus integration test: ${skip}`);

let pool: TestPool;
let gone: TestPool;
let server: RunningServer;
let prometheus: RunningPrometheus;

const latestSeq = async () => (await fetchAnswer<HistoryResponse>(server, '/api/sources/pool/history?since=1000000000000')).body.latestSeq ?? 0;

/** Waits until the inspector made `count` more reads of the pool. */
async function reads(count: number): Promise<void> {
  const target = (await latestSeq()) + count;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    if ((await latestSeq()) >= target) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the inspector made fewer than ${count} reads in 10 s:\n${server.output()}`);
}

async function until<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  let last: unknown = null;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    try {
      const value = await fn();
      if (value !== null) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what} (${String(last)})\nprometheus:\n${prometheus.output().slice(-3000)}`);
}

const outbox = (host: number, sizeMiB: number) => encodeMailbox({ 0: extend(DOMAIN, volumeUuid(host, 0), sizeMiB) }, { kind: 'outbox' });
const request = (host: number, sizeMiB: number) => encodeMailbox({ 0: extend(DOMAIN, volumeUuid(host, 0), sizeMiB) });

beforeAll(async () => {
  if (skip) return;
  pool = makePool({ mailboxes: 11, inbox: { [CORRUPT_HOST]: corruptMailbox(), [UNANSWERED_HOST]: unansweredRequest() } });
  gone = makePool({ mailboxes: 11 });
  server = await startServer({
    MAILBOX_SOURCES: `pool=${pool.dir};gone=${gone.dir}`,
    MAILBOX_MAX_HOST_ID: '10',
    MAILBOX_POLL_MS: '100',
    MAILBOX_STUCK_S: '1',
    MAILBOX_PERSISTENT_READS: '5',
  });
  prometheus = await startPrometheus(new URL(server.url).host, compressTime(RULES));
  // Requests answered before Prometheus first scraped would leave no rate to see.
  await until('the first scrape', async () => ((await prometheus.query('up{job="mailbox-inspector"} == 1')).length > 0 ? true : null));

  rmSync(gone.inbox); // the source's inbox goes away: reads fail from now on
  await pool.writeMailbox('inbox', HANDSHAKE_HOST, request(HANDSHAKE_HOST, 1024));
  await pool.writeMailbox('inbox', FAILED_HOST, request(FAILED_HOST, 2048));
  await reads(3);
  await pool.writeMailbox('outbox', HANDSHAKE_HOST, outbox(HANDSHAKE_HOST, 1024));
  await pool.writeMailbox('outbox', FAILED_HOST, outbox(FAILED_HOST, 0)); // size 0: the SPM could not extend
  await reads(3);
  await pool.writeMailbox('inbox', HANDSHAKE_HOST, encodeMailbox({ 0: CLEAN }));
  await reads(3);
  await pool.writeMailbox('outbox', HANDSHAKE_HOST, encodeMailbox({ 0: CLEAN }, { kind: 'outbox' }));
  await reads(3);
  await pool.writeMailbox('inbox', HANDSHAKE_HOST, encodeMailbox({}));
  await reads(3);
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  await server?.stop();
  pool?.remove();
  gone?.remove();
});

const firing = (alerts: PromAlert[], name: string, labels: Record<string, string>) =>
  alerts.find((a) => a.state === 'firing' && a.labels.alertname === name && Object.entries(labels).every(([k, v]) => a.labels[k] === v));

describe.skipIf(skip)('a real Prometheus scraping the inspector', () => {
  it('fires the alerts for persistent corruption, an unanswered request, a failed extend, and a volume that cannot be read', async () => {
    const expected: Array<[string, Record<string, string>]> = [
      ['MailboxChecksumPersistentFailure', { source: 'pool', severity: 'critical' }],
      ['MailboxExtendRequestUnanswered', { source: 'pool', severity: 'critical' }],
      ['MailboxExtendRequestsFailing', { source: 'pool', result: 'failed' }],
      ['MailboxReadErrors', { source: 'gone', volume: 'inbox', code: 'not_found' }],
      ['MailboxReadsStale', { source: 'gone', volume: 'inbox' }],
    ];
    let seen: PromAlert[] = [];
    const alerts = await until('the alerts to fire', async () => {
      seen = await prometheus.alerts();
      return expected.every(([name, labels]) => firing(seen, name, labels)) ? seen : null;
    }, 90_000).catch((err: Error) => {
      throw new Error(`${err.message.split('\n')[0]}; alerts: ${JSON.stringify(seen.map((a) => [a.state, a.labels]))}`);
    });
    const persistent = firing(alerts, 'MailboxChecksumPersistentFailure', { source: 'pool' })!;
    expect(persistent.annotations.description).toContain(`(hosts failing now: ${CORRUPT_HOST})`);
    expect(persistent.annotations.runbook).toContain('/api/sources/pool/export?volume=inbox');
    expect(firing(alerts, 'MailboxExtendRequestUnanswered', { source: 'pool' })!.annotations.summary).toMatch(/^pool: an extend request has waited \d/);
    // Nothing fires that the files do not show.
    for (const name of ['MailboxTornWritesFrequent', 'MailboxReadsNotDirect', 'MailboxInspectorDown']) {
      expect(alerts.filter((a) => a.labels.alertname === name)).toEqual([]);
    }
    expect(firing(alerts, 'MailboxReadsStale', { source: 'pool' })).toBeUndefined();
    expect(firing(alerts, 'MailboxChecksumPersistentFailure', { source: 'gone' })).toBeUndefined();
  }, 120_000);

  it('answers every dashboard panel query with data', async () => {
    const targets = DASHBOARD.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr.replaceAll('$source', '.*') })));
    expect(targets.length).toBeGreaterThanOrEqual(14);
    const empty: string[] = [];
    for (const { panel, expr } of targets) {
      // Recording rules need a few evaluations; allow them time, then require a finite number.
      const ok = await until(`"${panel}"`, async () => {
        const result = await prometheus.query(expr);
        return result.some((s) => Number.isFinite(Number(s.value[1]))) ? true : null;
      }, 30_000).catch(() => false);
      if (!ok) empty.push(`${panel}: ${expr}`);
    }
    expect(empty).toEqual([]);
    const [latency] = await prometheus.query('source_step:mailbox_request_latency_seconds:quantile5m{source="pool",step="total",quantile="0.5"}');
    expect(Number(latency.value[1])).toBeGreaterThan(0);
  }, 180_000);
});
