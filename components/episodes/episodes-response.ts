/**
 * The /episodes and /requests answers: a top-level JSON array, with the
 * total in `X-Total-Count` and the request counts in `X-Requests-*` headers.
 */
import type { EpisodeJson, RequestJson } from '@/lib/api/history-types';
import { DEFAULT_STUCK_S } from '@/lib/history/defaults';

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
  const episodes = Array.isArray(body) ? (body as EpisodeJson[]) : [];
  return { episodes, total: totalOf(headers, episodes.length) };
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

/** The array with its counts in headers (X-Requests-Stuck, -Waiting, -Open, X-Stuck-After-S). */
export function requestList(body: unknown, headers: Headers): RequestList {
  const requests = Array.isArray(body) ? (body as RequestJson[]) : [];
  const [stuck, waiting, open] = ['x-requests-stuck', 'x-requests-waiting', 'x-requests-open'].map((h) => header(headers, h));
  return {
    requests,
    matched: totalOf(headers, requests.length),
    stuckS: header(headers, 'x-stuck-after-s') ?? DEFAULT_STUCK_S,
    asOf: headers.get('x-mailbox-read-at'),
    counts: stuck !== null && waiting !== null && open !== null ? { stuck, waiting, open } : null,
  };
}
