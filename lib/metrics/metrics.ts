import 'server-only';
/**
 * The Prometheus metrics of this server: one prom-client Registry, kept on
 * globalThis because Next bundles the instrumentation hook (which starts the
 * pollers) and each route handler separately, and all must share it.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  reads: Counter<'source'>;
  readDuration: Histogram<'source' | 'volume'>;
  readErrors: Counter<'source' | 'volume' | 'code'>;
  directIo: Gauge<'source' | 'volume'>;
  checksumFailures: Counter<'source' | 'host'>;
  episodes: Counter<'source' | 'verdict'>;
  episodesPending: Gauge<'source'>;
  requestsPending: Gauge<'source'>;
  requestsStuck: Gauge<'source'>;
  requestLatency: Histogram<'source' | 'step'>;
  historyReads: Gauge<'source'>;
  historyBytes: Gauge<'source'>;
}

function create(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    reads: new Counter({ name: 'mailbox_reads_total', help: 'Polls of a source (both volumes read once).', labelNames: ['source'], registers }),
    readDuration: new Histogram({
      name: 'mailbox_read_duration_seconds', help: 'Time to read one volume (the SPM window plus one mailbox).',
      labelNames: ['source', 'volume'], registers,
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
    readErrors: new Counter({
      name: 'mailbox_read_errors_total', help: 'Volume reads that failed, by error code.', labelNames: ['source', 'volume', 'code'], registers,
    }),
    directIo: new Gauge({
      name: 'mailbox_direct_io', help: '1 when the last read of the volume used O_DIRECT (no page cache), 0 when it fell back.',
      labelNames: ['source', 'volume'], registers,
    }),
    checksumFailures: new Counter({
      name: 'mailbox_checksum_failures_total',
      help: "Reads in which a host's inbox mailbox failed its checksum while holding mail the SPM checks (vdsm logs 'checksum failed').",
      labelNames: ['source', 'host'], registers,
    }),
    episodes: new Counter({
      name: 'mailbox_checksum_episodes_total',
      help: 'Checksum-failure episodes resolved by a valid read, by verdict (torn: every sector old or new; corrupt: not a tear).',
      labelNames: ['source', 'verdict'], registers,
    }),
    episodesPending: new Gauge({
      name: 'mailbox_checksum_episodes_pending', help: 'Mailboxes failing their checksum now, waiting for a valid read.', labelNames: ['source'], registers,
    }),
    requestsPending: new Gauge({
      name: 'mailbox_requests_pending', help: 'Extend requests waiting for a reply (stuck ones included).', labelNames: ['source'], registers,
    }),
    requestsStuck: new Gauge({
      name: 'mailbox_requests_stuck', help: 'Extend requests with no reply after MAILBOX_STUCK_S.', labelNames: ['source'], registers,
    }),
    requestLatency: new Histogram({
      name: 'mailbox_request_latency_seconds',
      help: 'Time of each handshake step from the previous one (reply: from the request), and end to end (total: request to free).',
      labelNames: ['source', 'step'], registers,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    }),
    historyReads: new Gauge({ name: 'mailbox_history_reads', help: 'Reads kept in the history.', labelNames: ['source'], registers }),
    historyBytes: new Gauge({
      name: 'mailbox_history_bytes', help: 'Bytes the history accounts for (bounded by MAILBOX_HISTORY_MAX_MB).', labelNames: ['source'], registers,
    }),
  };
}

const KEY = Symbol.for('mailbox-inspector.metrics');
type Global = typeof globalThis & { [KEY]?: Metrics };

export function metrics(): Metrics {
  const g = globalThis as Global;
  g[KEY] ??= create();
  return g[KEY];
}
