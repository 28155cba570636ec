import 'server-only';
/** Updates the metrics from each read of a source and what the history made of it. */
import type { IngestResult } from '@/lib/history/source-history';
import type { ReadSample } from '@/lib/history/types';
import type { Metrics } from './metrics';

export interface SourceGauges {
  requestsPending: number;
  requestsStuck: number;
  episodesPending: number;
  historyReads: number;
  historyBytes: number;
}

const VERDICTS = ['torn', 'corrupt', 'unproven'] as const;
const STEPS = ['reply', 'host_ack', 'spm_ack', 'free', 'total'] as const;

/** Makes every series of a source exist from its start, at 0: "no torn writes" must read 0, not absent. */
export function initSourceMetrics(m: Metrics, source: string): void {
  m.reads.inc({ source }, 0);
  for (const verdict of VERDICTS) m.episodes.inc({ source, verdict }, 0);
  for (const g of [m.episodesPending, m.requestsPending, m.requestsStuck, m.historyReads, m.historyBytes]) g.set({ source }, 0);
  for (const step of STEPS) m.requestLatency.zero({ source, step });
}

export function recordRead(m: Metrics, source: string, read: ReadSample, result: IngestResult | null, gauges: SourceGauges | null): void {
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
  if (result) {
    for (const host of result.episodes.spmFailing) m.checksumFailures.inc({ source, host: String(host) });
    for (const episode of result.episodes.resolved) m.episodes.inc({ source, verdict: episode.verdict });
    for (const { record, step, latencyMs } of result.requests.steps) {
      if (latencyMs !== null) m.requestLatency.observe({ source, step }, latencyMs / 1000);
      if (step === 'free' && record.freedAt !== null && !record.partial) {
        m.requestLatency.observe({ source, step: 'total' }, (record.freedAt - record.requestedAt) / 1000);
      }
    }
  }
  if (gauges) {
    m.requestsPending.set({ source }, gauges.requestsPending);
    m.requestsStuck.set({ source }, gauges.requestsStuck);
    m.episodesPending.set({ source }, gauges.episodesPending);
    m.historyReads.set({ source }, gauges.historyReads);
    m.historyBytes.set({ source }, gauges.historyBytes);
  }
}
