/** Gathers a source's incident summary for a window of reads: episodes, requests, mailboxes to dump. */
import type { RequestRecord } from '@/lib/analysis/request-record';
import { incidentSummary, VERDICT_LABEL, type IncidentInput, type IncidentMailbox } from '@/lib/report/incident-markdown';
import { mergeHostNames } from '@/lib/sources/host-names';
import type { SourceView } from '@/lib/sources/source-view';
import type { OpenedContext } from './endpoints/source-request';
import { episodeJson, inListOrder, listedStuck, requestJson } from './history-json';

/** Dumps are ~20 lines each with hexdump's `*`; more would bury the tables. */
const MAX_DUMPED_EPISODES = 6;
const MAX_DUMPED_STUCK_HOSTS = 4;

export interface IncidentWindow {
  /** reads after this seq; null: from the oldest kept */
  sinceSeq: number | null;
  /** reads at or after this time (epoch ms); null: no bound */
  sinceMs: number | null;
  /** reads up to this seq; null: to the latest */
  untilSeq: number | null;
}

export function gatherIncident(source: SourceView, window: IncidentWindow, opened: OpenedContext | null = null): IncidentInput {
  const { store, episodes, requests } = source.history;
  const entries = store.since(window.sinceSeq ?? -1)
    .filter((e) => (window.sinceMs === null || e.readAt >= window.sinceMs) && (window.untilSeq === null || e.seq <= window.untilSeq));
  const first = entries[0] ?? null;
  const last = entries[entries.length - 1] ?? null;
  const now = store.latest?.readAt ?? null;
  const still = store.latest !== null && source.history.staticAt(store.latest.seq);
  const { stuckMs } = source.historySettings;

  const inWindow = first && last
    ? episodes.list().filter((e) => e.endSeq >= first.seq && e.startSeq <= last.seq).sort((a, b) => a.startSeq - b.startSeq || a.host - b.host)
    : [];
  const stuck: RequestRecord[] = [];
  const rest: RequestRecord[] = [];
  if (first && last) {
    for (const r of requests.list()) {
      if (r.requestedAt > last.readAt || (r.freedAt ?? r.replacedAt ?? Infinity) < first.readAt) continue;
      (listedStuck(r, now, stuckMs, still) ? stuck : rest).push(r);
    }
  }
  const requestList = inListOrder(stuck, rest).map((r) => requestJson(r, now, stuckMs, still));

  const mailboxes: IncidentMailbox[] = [];
  for (const e of inWindow.slice(-MAX_DUMPED_EPISODES)) {
    const v = e.versions[e.versions.length - 1];
    const why = v.proof.verdict === 'pending' ? `stored checksum ${v.stored}, computed ${v.computed}` : v.proof.summary;
    const bytes = store.mailboxAt('inbox', e.host, v.seq);
    if (bytes) mailboxes.push({ host: e.host, volume: 'inbox', seq: v.seq, bytes, note: `${VERDICT_LABEL[e.verdict]}, ${why}` });
  }
  const latest = store.latest;
  const stuckHosts = [...new Set(requestList.filter((r) => r.stuck).map((r) => r.host))].slice(0, MAX_DUMPED_STUCK_HOSTS);
  for (const host of latest ? stuckHosts : []) {
    for (const volume of ['inbox', 'outbox'] as const) {
      const bytes = store.mailboxAt(volume, host, latest!.seq);
      if (bytes) mailboxes.push({ host, volume, seq: latest!.seq, bytes, note: '⏱ stuck request(s), latest read' });
    }
  }

  return {
    source: { id: source.id, name: source.config.name, inbox: source.config.inbox, outbox: source.config.outbox },
    window: {
      fromSeq: first?.seq ?? null, toSeq: last?.seq ?? null,
      from: first ? new Date(first.readAt).toISOString() : null, to: last ? new Date(last.readAt).toISOString() : null,
      reads: entries.length,
      gap: window.sinceSeq !== null && store.oldestSeq !== null && store.oldestSeq > window.sinceSeq + 1,
    },
    stuckS: stuckMs / 1000,
    episodes: inWindow.map(episodeJson),
    requests: requestList,
    mailboxes,
    generatedAt: new Date().toISOString(),
    hostNames: mergeHostNames(source.config.hostNames ?? new Map(), opened?.hostNames ?? new Map()),
    logs: opened?.logs ?? null,
  };
}

export function incidentMarkdown(source: SourceView, window: IncidentWindow, opened: OpenedContext | null = null): string {
  return incidentSummary(gatherIncident(source, window, opened));
}
