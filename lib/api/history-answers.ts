/** The answers of the history, episodes and requests endpoints for one source. */
import type { RequestRecord } from '@/lib/analysis/request-record';
import type { SourceView } from '@/lib/sources/source-view';
import { episodeJson, episodeUpdatedSeq, historyReadJson, inListOrder, listedStuck, requestJson } from './history-json';
import type { EpisodeJson, HistoryResponse, RequestJson } from './history-types';

/** Most reads one answer lists: an hour at 0.5 s is 7,200, so a whole default history fits. */
export const MAX_HISTORY_READS = 10_000;

export function historyResponse(source: SourceView, since: number | null, limit = MAX_HISTORY_READS): HistoryResponse {
  const { store } = source.history;
  const after = since ?? -1;
  const oldestSeq = store.oldestSeq;
  const entries = store.since(after).slice(0, limit);
  return {
    source: source.id,
    historyS: source.historySettings.historyMs / 1000,
    oldestSeq,
    latestSeq: store.latest?.seq ?? null,
    gap: since !== null && oldestSeq !== null && oldestSeq > since + 1,
    maxBytes: source.historySettings.maxBytes,
    bytes: store.bytes,
    capped: store.capped,
    reads: entries.map((e) => historyReadJson(store, e)),
  };
}

/** What the episodes route sends: the list as a JSON array, `total` as X-Total-Count. */
export interface EpisodesView {
  source: string;
  /** episodes matching the filter, before `limit` */
  total: number;
  episodes: EpisodeJson[];
}

/** What the requests route sends: the list as a JSON array, the counts as headers. */
export interface RequestsView {
  source: string;
  stuckS: number;
  /** the latest read's time: what `stuck` and `waitingMs` are measured against */
  asOf: string | null;
  /** over all requests kept, whatever the filter */
  counts: { total: number; stuck: number; waiting: number; open: number };
  /** requests matching the filter, before `limit` */
  matched: number;
  requests: RequestJson[];
}

export const DEFAULT_EPISODES = 500;
export const DEFAULT_REQUESTS = 1000;

export interface EpisodeFilter {
  /** only episodes updated after this seq (a failed read, or resolved), and those still pending */
  since?: number | null;
  host?: number | null;
  limit?: number | null;
}

/** Newest first. */
export function episodesResponse(source: SourceView, filter: EpisodeFilter = {}): EpisodesView {
  const matching = source.history.episodes.list()
    .filter((e) => (filter.since == null || episodeUpdatedSeq(e) > filter.since || e.after === null) && (filter.host == null || e.host === filter.host))
    .sort((a, b) => b.startSeq - a.startSeq || a.host - b.host);
  return { source: source.id, total: matching.length, episodes: matching.slice(0, filter.limit ?? DEFAULT_EPISODES).map(episodeJson) };
}

export interface RequestFilter {
  /** only requests with a step seen after this seq, and every stuck one */
  since?: number | null;
  host?: number | null;
  limit?: number | null;
}

/**
 * Stuck first, then newest first; `stuck` and `waitingMs` are measured at the latest read.
 * Filters and counts the records first and turns only the ones sent into JSON: viewers ask every
 * second with `?since=`, and a busy pool keeps many thousands of requests.
 */
export function requestsResponse(source: SourceView, filter: RequestFilter = {}): RequestsView {
  const latest = source.history.store.latest;
  const now = latest?.readAt ?? null;
  const { stuckMs } = source.historySettings;
  const still = latest !== null && source.history.staticAt(latest.seq);
  const records = source.history.requests.list();
  let stuck = 0;
  let waiting = 0;
  let open = 0;
  // Matching records, stuck ones apart: sorted on their numbers, and only the ones sent become JSON.
  const late: RequestRecord[] = [];
  const rest: RequestRecord[] = [];
  for (const r of records) {
    const isLate = listedStuck(r, now, stuckMs, still);
    if (isLate) stuck++;
    if (r.freedAt === null && r.replacedAt === null) {
      open++;
      if (r.repliedAt === null) waiting++;
    }
    if ((filter.since == null || r.updatedSeq > filter.since || isLate) && (filter.host == null || r.host === filter.host)) {
      (isLate ? late : rest).push(r);
    }
  }
  const sent = inListOrder(late, rest, filter.limit ?? DEFAULT_REQUESTS);
  return {
    source: source.id,
    stuckS: stuckMs / 1000,
    asOf: now === null ? null : new Date(now).toISOString(),
    counts: { total: records.length, stuck, waiting, open },
    matched: late.length + rest.length,
    requests: sent.map((r) => requestJson(r, now, stuckMs, still)),
  };
}
