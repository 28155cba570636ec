import 'server-only';
/**
 * The Prometheus metrics of this server: one prom-client Registry, kept on
 * globalThis because Next bundles the instrumentation hook (which starts the
 * pollers) and each route handler separately, and all must share it.
 *
 * Counters and histograms grow at each read (record.ts); gauges are set at
 * scrape time from what the sources already hold (scrape.ts), so ages keep
 * growing while a read hangs. Labels: `source` (configured, a handful),
 * `volume` (inbox, outbox), `code` (the reader's error codes), `verdict`,
 * `step`, `result` (fixed sets), and `host` (0..maxHostId, at most 2001 per
 * source, only on hosts that failed their checksum).
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { TallyHistogram } from './tally-histogram';

type G<L extends string> = Gauge<L>;

export interface Metrics {
  registry: Registry;
  /** epoch ms each source was created: the age of a volume never read successfully counts from here */
  startedAt: Map<string, number>;
  reads: Counter<'source'>;
  readDuration: Histogram<'source' | 'volume'>;
  readErrors: Counter<'source' | 'volume' | 'code'>;
  directIo: G<'source' | 'volume'>;
  lastSuccessAge: G<'source' | 'volume'>;
  checksumFailures: Counter<'source' | 'host'>;
  episodes: Counter<'source' | 'verdict'>;
  failingMailboxes: G<'source'>;
  persistentFailures: G<'source'>;
  failingReads: G<'source' | 'host'>;
  requests: Counter<'source'>;
  requestResults: Counter<'source' | 'result'>;
  requestsPending: G<'source'>;
  requestsStuck: G<'source'>;
  oldestUnansweredAge: G<'source'>;
  /** thousands of observations a read on a busy pool: tallied, not prom-client's Histogram (tally-histogram.ts) */
  requestLatency: TallyHistogram<'source' | 'step'>;
  historyReads: G<'source'>;
  historyBytes: G<'source'>;
}

function create(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const gauge = <L extends string>(name: string, help: string, labelNames: L[]) => new Gauge<L>({ name, help, labelNames, registers });
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) => new Counter<L>({ name, help, labelNames, registers });
  return {
    registry,
    startedAt: new Map(),
    reads: counter('mailbox_reads_total', 'Polls of a source (both volumes read once).', ['source']),
    readDuration: new Histogram({
      name: 'mailbox_read_duration_seconds', help: 'Time to read one volume (the SPM window plus one mailbox).',
      labelNames: ['source', 'volume'], registers,
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
    readErrors: counter('mailbox_read_errors_total', 'Volume reads that failed, by error code.', ['source', 'volume', 'code']),
    directIo: gauge('mailbox_direct_io', '1 when the last successful read of the volume used O_DIRECT (no page cache), 0 when it fell back to a buffered read.', ['source', 'volume']),
    lastSuccessAge: gauge(
      'mailbox_volume_last_success_age_seconds',
      'Seconds since the last successful read of the volume (since the server started when none succeeded), at scrape time.',
      ['source', 'volume'],
    ),
    checksumFailures: counter(
      'mailbox_checksum_failures_total',
      "Reads in which a host's inbox mailbox failed its checksum while holding mail the SPM checks (vdsm logs 'checksum failed' and drops that mail).",
      ['source', 'host'],
    ),
    episodes: counter(
      'mailbox_checksum_episodes_total',
      'Checksum-failure episodes resolved by a valid read, by verdict (torn: every sector old or new; corrupt: not a tear; unproven).',
      ['source', 'verdict'],
    ),
    failingMailboxes: gauge('mailbox_checksum_failing_mailboxes', 'Inbox mailboxes failing their checksum at the latest read.', ['source']),
    persistentFailures: gauge(
      'mailbox_checksum_persistent_failures',
      'Inbox mailboxes failing their checksum with the same bytes for more than MAILBOX_PERSISTENT_READS reads: garbage or corruption, not a tear that heals.',
      ['source'],
    ),
    failingReads: gauge(
      'mailbox_checksum_failing_reads',
      "Consecutive reads that saw this host's failing inbox mailbox with the same bytes; present only while it fails.",
      ['source', 'host'],
    ),
    requests: counter('mailbox_requests_total', 'Extend requests seen (a new message in an inbox slot).', ['source']),
    requestResults: counter(
      'mailbox_request_results_total',
      'Extend requests by outcome, counted when known: ok, failed (reply of size 0), mismatched, unknown (acknowledged reply no read showed), abandoned (freed unanswered).',
      ['source', 'result'],
    ),
    requestsPending: gauge('mailbox_requests_pending', 'Extend requests waiting for a reply (stuck ones included).', ['source']),
    requestsStuck: gauge('mailbox_requests_stuck', 'Extend requests with no reply after MAILBOX_STUCK_S.', ['source']),
    oldestUnansweredAge: gauge(
      'mailbox_request_oldest_unanswered_age_seconds',
      'Seconds the oldest extend request still waiting for a reply has waited, at scrape time (0 when none waits).',
      ['source'],
    ),
    requestLatency: new TallyHistogram(
      'mailbox_request_latency_seconds',
      'Time of each handshake step from the previous one (reply: from the request), and end to end (total: request to free).',
      ['source', 'step'], [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300], registers,
    ),
    historyReads: gauge('mailbox_history_reads', 'Reads kept in the history.', ['source']),
    historyBytes: gauge('mailbox_history_bytes', 'Bytes the history accounts for (bounded by MAILBOX_HISTORY_MAX_MB).', ['source']),
  };
}

const KEY = Symbol.for('mailbox-inspector.metrics');
type Global = typeof globalThis & { [KEY]?: Metrics };

export function metrics(): Metrics {
  const g = globalThis as Global;
  g[KEY] ??= create();
  return g[KEY];
}
