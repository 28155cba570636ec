import 'server-only';
/**
 * One scrape of /api/metrics: sets every source's gauges from what it holds
 * in memory (never reading storage), then renders the registry.
 */
import type { LiveSource } from '@/lib/sources/live-source';
import type { Metrics } from './metrics';
import { sourceGauges, type SourceState } from './source-gauges';

export function sourceState(source: LiveSource, startedAt: number): SourceState {
  const latest = source.poller.latest;
  const lastOkAt: SourceState['lastOkAt'] = {};
  if (source.config.inbox !== null) lastOkAt.inbox = latest?.inbox?.lastOkAt ?? null;
  if (source.config.outbox !== null) lastOkAt.outbox = latest?.outbox?.lastOkAt ?? null;
  const { history, historySettings } = source;
  return {
    id: source.id, startedAt, lastOkAt,
    openRequests: history.requests.open(),
    openEpisodes: history.episodes.openEpisodes(),
    stuckMs: historySettings.stuckMs,
    static: history.store.latest !== null && history.staticAt(history.store.latest.seq),
    persistentReads: historySettings.persistentReads,
    historyReads: history.store.size,
    historyBytes: history.store.bytes,
  };
}

/** Sets the gauges of every source at `now`. Per-host series of mailboxes no longer failing go. */
export function setGauges(m: Metrics, states: SourceState[], now = Date.now()): void {
  m.failingReads.reset();
  for (const state of states) {
    const source = state.id;
    const g = sourceGauges(state, now);
    for (const [volume, age] of Object.entries(g.lastSuccessAgeS)) m.lastSuccessAge.set({ source, volume }, age);
    m.failingMailboxes.set({ source }, g.failingMailboxes);
    m.persistentFailures.set({ source }, g.persistentFailures);
    for (const [host, reads] of g.failingReads) m.failingReads.set({ source, host: String(host) }, reads);
    m.requestsPending.set({ source }, g.requestsPending);
    m.requestsStuck.set({ source }, g.requestsStuck);
    m.oldestUnansweredAge.set({ source }, g.oldestUnansweredAgeS);
    m.historyReads.set({ source }, g.historyReads);
    m.historyBytes.set({ source }, g.historyBytes);
  }
}

/** The Prometheus text of every source, with gauges as of now. */
export async function scrape(m: Metrics, sources: readonly LiveSource[], now = Date.now()): Promise<string> {
  setGauges(m, sources.map((s) => sourceState(s, m.startedAt.get(s.id) ?? now)), now);
  return m.registry.metrics();
}
