import 'server-only';
/** Counts each read of a source, and what the history made of it, into the counters and histograms. */
import type { IngestResult } from '@/lib/history/source-history';
import type { ReadSample } from '@/lib/history/types';
import type { Metrics } from './metrics';
import type { TallySeries } from './tally-histogram';

const VERDICTS = ['torn', 'corrupt', 'unproven'] as const;
const STEPS = ['reply', 'host_ack', 'spm_ack', 'free', 'total'] as const;
const RESULTS = ['ok', 'failed', 'mismatched', 'unknown', 'abandoned'] as const;

/** Makes every series of a source exist from its start, at 0: "no torn writes" must read 0, not absent. */
export function initSourceMetrics(m: Metrics, source: string, now = Date.now()): void {
  m.startedAt.set(source, now);
  m.reads.inc({ source }, 0);
  m.requests.inc({ source }, 0);
  for (const verdict of VERDICTS) m.episodes.inc({ source, verdict }, 0);
  for (const result of RESULTS) m.requestResults.inc({ source, result }, 0);
  for (const step of STEPS) m.requestLatency.zero({ source, step });
}

export function recordRead(m: Metrics, source: string, read: ReadSample, result: IngestResult | null): void {
  m.reads.inc({ source });
  for (const volume of ['inbox', 'outbox'] as const) {
    const sample = read[volume];
    if (!sample) continue;
    if (sample.error) {
      m.readErrors.inc({ source, volume, code: sample.error.code });
      continue;
    }
    m.readDuration.observe({ source, volume }, (sample.readMs ?? 0) / 1000);
    m.directIo.set({ source, volume }, sample.direct ? 1 : 0);
  }
  if (!result) return;
  for (const host of result.episodes.spmFailing) m.checksumFailures.inc({ source, host: String(host) });
  for (const episode of result.episodes.resolved) m.episodes.inc({ source, verdict: episode.verdict });
  if (result.requests.started.length > 0) m.requests.inc({ source }, result.requests.started.length);
  // A busy pool has thousands of steps a read: each series' child is looked up once per read, not per step.
  const latency = new Map<string, TallySeries>();
  const results = new Map<string, number>();
  const observe = (step: string, ms: number) => {
    let series = latency.get(step);
    if (!series) latency.set(step, (series = m.requestLatency.series({ source, step })));
    series.observe(ms / 1000);
  };
  for (const { record, step, latencyMs } of result.requests.steps) {
    if (latencyMs !== null) observe(step, latencyMs);
    // A result is known at the reply (ok, failed, mismatched, or unknown when inferred), or at a free with no reply.
    if (step === 'reply' && record.result !== null) results.set(record.result, (results.get(record.result) ?? 0) + 1);
    if (step === 'free' && record.result === 'abandoned') results.set('abandoned', (results.get('abandoned') ?? 0) + 1);
    if (step === 'free' && record.freedAt !== null && !record.partial) observe('total', record.freedAt - record.requestedAt);
  }
  for (const [outcome, count] of results) m.requestResults.inc({ source, result: outcome }, count);
}
