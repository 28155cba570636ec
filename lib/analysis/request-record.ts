/**
 * One extend request followed through its life (docs/format.md, "A request's
 * life"), with the time each step was first seen, and the latencies derived
 * from them. Times are epoch ms of the read that first showed the step.
 */
import type { DecodedSlot } from '@/lib/mailbox';

/**
 * ok / failed (size 0) / mismatched reply; unknown: the host acknowledged a
 * reply that no read showed (reads too far apart); abandoned: the host freed
 * the slot with no reply; size_zero: size 0 was asked for and size 0 replied,
 * which tells neither success nor failure (a reply of 0 otherwise means failed).
 */
export type RequestResult = 'ok' | 'failed' | 'mismatched' | 'unknown' | 'abandoned' | 'size_zero';

export type RequestStep = 'reply' | 'host_ack' | 'spm_ack' | 'free';

export interface RequestRecord {
  /** stable within a server run: host, slot and the read that first showed the request */
  id: string;
  host: number;
  slot: number;
  msgId: number;
  domain: string;
  volume: string;
  sizeMiB: number | null;
  /** the request's slot while the record is open: different bytes in the slot mean a new request (null once closed) */
  request: DecodedSlot | null;
  /** the outbox slot when the request appeared: a different reply must be newer than this (null once closed) */
  baselineReply: DecodedSlot | null;
  requestedSeq: number;
  /** the read that showed its latest step */
  updatedSeq: number;
  requestedAt: number;
  repliedAt: number | null;
  replySizeMiB: number | null;
  hostAckedAt: number | null;
  spmAckedAt: number | null;
  freedAt: number | null;
  /** set when the slot got a new request before this one was freed */
  replacedAt: number | null;
  result: RequestResult | null;
  /** host ≥ maxHostId: the SPM never reads this mailbox, so no reply will come */
  outsideWindow: boolean;
  /** already under way at the first read of history: the request is older than requestedAt */
  partial: boolean;
  /** steps not seen on their own, only together with a later one (reads were too far apart) */
  inferred: RequestStep[];
}

export interface Latencies {
  /** request → reply */
  replyMs: number | null;
  /** reply → host CLEAN */
  hostAckMs: number | null;
  /** host CLEAN → SPM CLEAN */
  spmAckMs: number | null;
  /** SPM CLEAN → slot freed */
  freeMs: number | null;
  /** request → slot freed, end to end */
  totalMs: number | null;
}

const between = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);

/**
 * Latencies between the steps seen. A step's time is when a read first
 * showed it, so a latency *to* a step is an upper bound; a latency *from* a
 * step whose real time is unknown (a partial record's request, an inferred
 * step) would be meaningless, and is null.
 */
export function latencies(r: RequestRecord): Latencies {
  const requestedAt = r.partial ? null : r.requestedAt;
  const known = (step: RequestStep, at: number | null) => (r.inferred.includes(step) || (r.partial && at === r.requestedAt) ? null : at);
  return {
    replyMs: between(requestedAt, r.repliedAt),
    hostAckMs: between(known('reply', r.repliedAt), r.hostAckedAt),
    spmAckMs: between(known('host_ack', r.hostAckedAt), r.spmAckedAt),
    freeMs: between(known('spm_ack', r.spmAckedAt), r.freedAt),
    totalMs: between(requestedAt, r.freedAt),
  };
}

/** Waiting for a reply for at least `stuckMs` at time `now`. */
export function isStuck(r: RequestRecord, now: number, stuckMs: number): boolean {
  return r.repliedAt === null && r.freedAt === null && r.replacedAt === null && now - r.requestedAt >= stuckMs;
}

/** The furthest step reached, in the vocabulary of lib/mailbox's lifecycle. */
export function currentStep(r: RequestRecord): 'requested' | 'replied' | 'failed' | 'mismatched_reply' | 'host_acked' | 'spm_acked' | 'free' {
  if (r.freedAt !== null) return 'free';
  if (r.spmAckedAt !== null) return 'spm_acked';
  if (r.hostAckedAt !== null) return 'host_acked';
  if (r.result === 'failed') return 'failed';
  if (r.result === 'mismatched') return 'mismatched_reply';
  if (r.repliedAt !== null) return 'replied';
  return 'requested';
}
