/**
 * The gauges of one source at scrape time, from what it already holds in
 * memory: the open requests and episodes, when each volume last read well,
 * the history's size. Pure and cheap (one pass over open records), so a
 * scrape never touches storage.
 */
import type { Episode } from '@/lib/analysis/episodes';
import { isStuck, type RequestRecord } from '@/lib/analysis/request-record';

export interface SourceState {
  id: string;
  /** epoch ms the source was created: the age of a volume never read well counts from here */
  startedAt: number;
  /** per configured volume: epoch ms of the start of its last successful read, null if none */
  lastOkAt: Partial<Record<'inbox' | 'outbox', number | null>>;
  openRequests: Iterable<RequestRecord>;
  openEpisodes: Iterable<Episode>;
  stuckMs: number;
  /** no byte changed since the first read (a dump): nothing answers, so nothing is called stuck (the oldest unanswered age still grows) */
  static?: boolean;
  /** a mailbox failing with the same bytes for more reads than this is a persistent failure */
  persistentReads: number;
  historyReads: number;
  historyBytes: number;
}

export interface SourceGauges {
  lastSuccessAgeS: Partial<Record<'inbox' | 'outbox', number>>;
  failingMailboxes: number;
  persistentFailures: number;
  /** host → consecutive reads of the same failing bytes */
  failingReads: Map<number, number>;
  requestsPending: number;
  requestsStuck: number;
  oldestUnansweredAgeS: number;
  historyReads: number;
  historyBytes: number;
}

const seconds = (ms: number) => Math.max(0, ms) / 1000;

export function sourceGauges(state: SourceState, now: number): SourceGauges {
  const lastSuccessAgeS: SourceGauges['lastSuccessAgeS'] = {};
  for (const volume of ['inbox', 'outbox'] as const) {
    if (!(volume in state.lastOkAt)) continue;
    lastSuccessAgeS[volume] = seconds(now - (state.lastOkAt[volume] ?? state.startedAt));
  }

  let requestsPending = 0;
  let requestsStuck = 0;
  let oldest = now;
  for (const record of state.openRequests) {
    if (record.repliedAt !== null) continue;
    requestsPending++;
    if (!state.static && isStuck(record, now, state.stuckMs)) requestsStuck++;
    if (record.freedAt === null && record.replacedAt === null) oldest = Math.min(oldest, record.requestedAt);
  }

  const failingReads = new Map<number, number>();
  let persistentFailures = 0;
  for (const episode of state.openEpisodes) {
    const latest = episode.versions[episode.versions.length - 1];
    const reads = latest?.reads ?? 0;
    failingReads.set(episode.host, reads);
    if (reads > state.persistentReads) persistentFailures++;
  }

  return {
    lastSuccessAgeS, failingMailboxes: failingReads.size, persistentFailures, failingReads,
    requestsPending, requestsStuck, oldestUnansweredAgeS: seconds(now - oldest),
    historyReads: state.historyReads, historyBytes: state.historyBytes,
  };
}
