/**
 * The /episodes and /requests answers in either shape: the object the server
 * sends today (`{source, total, episodes}`, `{…, requests}`) or the top-level
 * array it is moving to, with the total in `X-Total-Count`.
 */
import type { EpisodeJson, RequestJson, RequestsResponse } from '@/lib/api/history-types';
import { DEFAULT_STUCK_S } from '@/lib/history/settings';

export interface EpisodeList {
  episodes: EpisodeJson[];
  /** episodes matching the query before its limit */
  total: number;
}

function totalOf(headers: Headers, fallback: number): number {
  const n = Number(headers.get('x-total-count'));
  return headers.has('x-total-count') && Number.isFinite(n) ? n : fallback;
}

export function episodeList(body: unknown, headers: Headers): EpisodeList {
  if (Array.isArray(body)) return { episodes: body as EpisodeJson[], total: totalOf(headers, body.length) };
  const object = body as { total?: number; episodes?: EpisodeJson[] };
  const episodes = object.episodes ?? [];
  return { episodes, total: object.total ?? totalOf(headers, episodes.length) };
}

export interface RequestCounts {
  stuck: number;
  waiting: number;
  open: number;
}

export interface RequestList {
  requests: RequestJson[];
  /** requests matching the query before its limit */
  matched: number;
  /** seconds without a reply that make a request stuck; the default when the answer does not say */
  stuckS: number;
  /** the latest read's time, what `stuck` is measured against; null when the answer does not say */
  asOf: string | null;
  /** over every request kept, whatever the query; null when the answer does not say */
  counts: RequestCounts | null;
}

function header(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** The array with its counts in headers (X-Requests-Stuck, -Waiting, -Open, X-Stuck-After-S), or the older object. */
export function requestList(body: unknown, headers: Headers): RequestList {
  if (Array.isArray(body)) {
    const [stuck, waiting, open] = ['x-requests-stuck', 'x-requests-waiting', 'x-requests-open'].map((h) => header(headers, h));
    return {
      requests: body as RequestJson[],
      matched: totalOf(headers, body.length),
      stuckS: header(headers, 'x-stuck-after-s') ?? DEFAULT_STUCK_S,
      asOf: headers.get('x-mailbox-read-at'),
      counts: stuck !== null && waiting !== null && open !== null ? { stuck, waiting, open } : null,
    };
  }
  const r = body as RequestsResponse;
  return {
    requests: r.requests ?? [], matched: r.matched ?? r.requests?.length ?? 0, stuckS: r.stuckS ?? DEFAULT_STUCK_S, asOf: r.asOf ?? null,
    counts: r.counts ? { stuck: r.counts.stuck, waiting: r.counts.waiting, open: r.counts.open } : null,
  };
}
