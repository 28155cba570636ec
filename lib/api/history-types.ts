/**
 * JSON shapes of the history, episodes and requests endpoints. Types only:
 * imported by route handlers and the browser. Times are ISO strings, and
 * durations are in milliseconds.
 */
import type { DroppedMessage } from '@/lib/analysis/dropped';
import type { RequestResult } from '@/lib/analysis/request-record';

export type EpisodeVerdict = 'torn' | 'corrupt' | 'pending' | 'unproven';

/** A changed mailbox in one read: mailbox 0 is the inbox's event block. */
export interface ChangedMailbox {
  host: number;
  /** inbox: empty | valid | checksum_missing | checksum_mismatch (mailbox 0: event | empty | other); outbox: empty | in_use */
  state: string;
}

export interface HistoryVolume {
  /** whole mailboxes read; 0 when the read failed */
  mailboxes: number;
  error: { code: string; message: string } | null;
  direct: boolean;
  readMs: number;
  changed: ChangedMailbox[];
}

export interface HistoryRead {
  seq: number;
  readAt: string;
  readMs: number;
  inbox: HistoryVolume | null;
  outbox: HistoryVolume | null;
  /** hosts whose inbox mailbox fails its checksum in this read (changed or not) */
  failing: number[];
  /** for the timeline: requests (▲) and replies (✓) first seen, checksum-failure episodes (✗) begun, in this read */
  marks: { requests: number; replies: number; failures: number };
}

export interface HistoryResponse {
  source: string;
  historyS: number;
  /** the oldest and newest reads kept; null when none yet */
  oldestSeq: number | null;
  latestSeq: number | null;
  /** true when reads after `since` have already left the history (the list starts later than asked) */
  gap: boolean;
  /** MAILBOX_HISTORY_MAX_MB in bytes, and the bytes the history accounts for now */
  maxBytes: number;
  bytes: number;
  /** the byte cap, not MAILBOX_HISTORY_S, sets how far back the history goes now: reads younger than the window were dropped */
  capped: boolean;
  reads: HistoryRead[];
}

/** A message the SPM dropped with its mailbox: already plain data. */
export type DroppedMessageJson = DroppedMessage;

export interface EpisodeReadJson {
  /** first and last read that saw this content */
  seq: number;
  lastSeq: number;
  readAt: string;
  reads: number;
  state: 'checksum_missing' | 'checksum_mismatch';
  stored: number;
  computed: number;
  spmChecks: boolean;
  staleChecksum: boolean;
  /** per 512-byte sector: n new, o old, = unchanged, x neither, ? unknown; null while pending */
  sectors: string | null;
  newSectors: number[];
  changedSectors: number[];
  verdict: EpisodeVerdict;
  summary: string;
}

export interface EpisodeJson {
  id: string;
  host: number;
  startSeq: number;
  endSeq: number;
  startedAt: string;
  endedAt: string;
  /** the first valid read after the failure; null while pending */
  resolvedSeq: number | null;
  resolvedAt: string | null;
  /** the last read that changed this episode (a failed read, or the valid read that resolved it): poll with ?since= */
  updatedSeq: number;
  /** from the first failed read to the first valid read after it (to the last failed read while pending) */
  durationMs: number;
  reads: number;
  verdict: EpisodeVerdict;
  /** sectors that held the new data in any read of the episode */
  newSectors: number[];
  /** the last failed read's sectors (see EpisodeReadJson.sectors) */
  sectors: string | null;
  summary: string;
  staleChecksum: boolean;
  /** the last failed read's checksums, and the valid one before the episode (null if none in history) */
  checksum: { stored: number; computed: number; before: number | null };
  /** the SPM checked this mailbox in some failed read (else it ignored it: no slot with a non-zero first byte) */
  spmChecks: boolean;
  /** reads in which the SPM would have logged "checksum failed" */
  spmFailures: number;
  beforeSeq: number | null;
  /** no valid read before the failure is in history: sectors cannot be called old */
  beforeMissing: boolean;
  droppedMessages: DroppedMessageJson[];
  versions: EpisodeReadJson[];
  versionsOmitted: number;
}

export type RequestResultJson = RequestResult;

export interface RequestJson {
  id: string;
  host: number;
  slot: number;
  msgId: number;
  domain: string;
  volume: string;
  sizeMiB: number | null;
  requestedSeq: number;
  /** the read that showed its latest step: poll with ?since= this to get only what changed */
  updatedSeq: number;
  requestedAt: string;
  repliedAt: string | null;
  replySizeMiB: number | null;
  hostAckedAt: string | null;
  spmAckedAt: string | null;
  freedAt: string | null;
  /** set when the slot got a new request before this one was freed */
  replacedAt: string | null;
  /** null: no reply yet */
  result: RequestResultJson | null;
  step: 'requested' | 'replied' | 'failed' | 'mismatched_reply' | 'host_acked' | 'spm_acked' | 'free';
  stuck: boolean;
  /** for a request with no reply: how long it has waited, at the latest read */
  waitingMs: number | null;
  latency: { replyMs: number | null; hostAckMs: number | null; spmAckMs: number | null; freeMs: number | null; totalMs: number | null };
  /** host ≥ maxHostId: the SPM never reads its mailbox, so no reply will come */
  outsideWindow: boolean;
  /** already under way when history began: requestedAt is when history began, not when it was sent */
  partial: boolean;
  /** steps seen only together with a later step */
  inferred: Array<'reply' | 'host_ack' | 'spm_ack' | 'free'>;
}
