/**
 * The reads of a source's history, kept in the browser for the timeline and
 * for stepping through time. Fetched once whole, then only the reads after
 * the last one held (`?since=`); reads the server no longer keeps are let go.
 */
import type { HistoryRead, HistoryResponse } from '@/lib/api/history-types';

/** One read, as small as the timeline needs it. */
export interface TimelineRead {
  seq: number;
  /** epoch ms */
  at: number;
  /** mailboxes that changed in this read, both volumes (the inbox's event block included) */
  changed: number;
  /** hosts whose inbox failed its checksum in this read */
  failing: readonly number[];
  requests: number;
  replies: number;
  /** checksum-failure episodes begun in this read */
  failures: number;
  /** a volume could not be read */
  error: boolean;
}

export interface HistoryBuffer {
  source: string;
  historyS: number;
  oldestSeq: number | null;
  latestSeq: number | null;
  /** MAILBOX_HISTORY_MAX_MB in bytes, and what the history holds now */
  maxBytes: number;
  bytes: number;
  /** the byte cap, not the window, sets how far back the reads go */
  capped: boolean;
  /** ascending seq */
  reads: readonly TimelineRead[];
}

export function timelineRead(r: HistoryRead): TimelineRead {
  return {
    seq: r.seq,
    at: Date.parse(r.readAt),
    changed: (r.inbox?.changed.length ?? 0) + (r.outbox?.changed.length ?? 0),
    failing: r.failing,
    requests: r.marks.requests,
    replies: r.marks.replies,
    failures: r.marks.failures,
    error: Boolean(r.inbox?.error || r.outbox?.error),
  };
}

/** True when `res` cannot continue `prev`: another source, or a server that restarted (seqs went back). */
export function mustRestart(prev: HistoryBuffer | null, res: HistoryResponse): boolean {
  if (!prev || prev.source !== res.source) return true;
  const last = prev.reads[prev.reads.length - 1]?.seq ?? null;
  return last !== null && res.latestSeq !== null && res.latestSeq < last;
}

/** `res` answered `?since=` the last read of `prev` (or everything, when prev is null). Keeps `prev` when nothing changed. */
export function mergeHistory(prev: HistoryBuffer | null, res: HistoryResponse): HistoryBuffer {
  const base = prev && !mustRestart(prev, res) ? prev.reads : [];
  const last = base[base.length - 1]?.seq ?? -1;
  const added = res.reads.filter((r) => r.seq > last).map(timelineRead);
  const oldest = res.oldestSeq;
  const drop = oldest === null ? 0 : countBelow(base, oldest);
  const unchanged = prev !== null && base === prev.reads && added.length === 0 && drop === 0
    && prev.oldestSeq === oldest && prev.latestSeq === res.latestSeq && prev.historyS === res.historyS && prev.capped === res.capped;
  if (unchanged) return prev;
  const reads = drop === 0 && added.length === 0 ? base : [...base.slice(drop), ...added];
  return {
    source: res.source, historyS: res.historyS, oldestSeq: oldest, latestSeq: res.latestSeq,
    maxBytes: res.maxBytes, bytes: res.bytes, capped: res.capped, reads,
  };
}

function countBelow(reads: readonly TimelineRead[], seq: number): number {
  let n = 0;
  while (n < reads.length && reads[n].seq < seq) n++;
  return n;
}
