/** Builds the JSON of the history, episodes and requests endpoints from a source's history. Pure. */
import { episodeNewSectors, type Episode, type FailedVersion } from '@/lib/analysis/episodes';
import { currentStep, isStuck, latencies, type RequestRecord } from '@/lib/analysis/request-record';
import type { HistoryStore } from '@/lib/history/store';
import type { ReadEntry, VolumeEntry } from '@/lib/history/types';
import type { VolumeKind } from '@/lib/mailbox';
import { iso, isoOrNull } from './iso';
import type { EpisodeJson, EpisodeReadJson, HistoryRead, HistoryVolume, RequestJson } from './history-types';


function volumeJson(store: HistoryStore, kind: VolumeKind, seq: number, volume: VolumeEntry | null): HistoryVolume | null {
  if (!volume) return null;
  return {
    mailboxes: volume.mailboxes,
    error: volume.error,
    direct: volume.direct,
    readMs: volume.readMs,
    changed: volume.changed.map((host) => ({ host, state: store.versionAt(kind, host, seq)?.state ?? 'unknown' })),
  };
}

export function historyReadJson(store: HistoryStore, entry: ReadEntry): HistoryRead {
  return {
    seq: entry.seq,
    readAt: iso(entry.readAt),
    readMs: entry.readMs,
    inbox: volumeJson(store, 'inbox', entry.seq, entry.inbox),
    outbox: volumeJson(store, 'outbox', entry.seq, entry.outbox),
    failing: entry.failing,
    marks: entry.marks,
  };
}

function versionJson(v: FailedVersion): EpisodeReadJson {
  return {
    seq: v.seq, lastSeq: v.lastSeq, readAt: iso(v.readAt), reads: v.reads,
    state: v.state, stored: v.stored, computed: v.computed, spmChecks: v.spmChecks, staleChecksum: v.staleChecksum,
    sectors: v.proof.sectors, newSectors: v.proof.newSectors, changedSectors: v.changedSectors,
    verdict: v.proof.verdict, summary: v.proof.summary,
  };
}

/** The last read that changed what is known of the episode: its last failed read, or the read that resolved it. */
export function episodeUpdatedSeq(e: Episode): number {
  return e.after?.seq ?? e.endSeq;
}

export function episodeJson(e: Episode): EpisodeJson {
  const last = e.versions[e.versions.length - 1];
  const spmFailures = e.versions.reduce((n, v) => n + (v.spmChecks ? v.reads : 0), 0);
  return {
    id: e.id,
    host: e.host,
    startSeq: e.startSeq,
    endSeq: e.endSeq,
    startedAt: iso(e.startedAt),
    endedAt: iso(e.endedAt),
    resolvedSeq: e.after?.seq ?? null,
    resolvedAt: isoOrNull(e.after?.readAt ?? null),
    updatedSeq: episodeUpdatedSeq(e),
    durationMs: (e.after?.readAt ?? e.endedAt) - e.startedAt,
    reads: e.reads,
    verdict: e.verdict,
    newSectors: episodeNewSectors(e),
    sectors: last.proof.sectors,
    summary: e.versionsOmitted > 0 ? `${last.proof.summary} (${e.versionsOmitted} intermediate states not kept)` : last.proof.summary,
    staleChecksum: last.staleChecksum,
    checksum: { stored: last.stored, computed: last.computed, before: e.before?.checksum ?? null },
    spmChecks: e.versions.some((v) => v.spmChecks),
    spmFailures,
    beforeSeq: e.before?.seq ?? null,
    beforeMissing: e.before === null,
    droppedMessages: e.dropped,
    versions: e.versions.map(versionJson),
    versionsOmitted: e.versionsOmitted,
  };
}

/** Stuck as the requests list shows it: waiting past `stuckMs` at `now`, unless the pool is still (nothing answers a dump). */
export function listedStuck(r: RequestRecord, now: number | null, stuckMs: number, still: boolean): boolean {
  return !still && now !== null && isStuck(r, now, stuckMs);
}

/** `still`: the source is static (nothing changed since the first read): nothing answers, so nothing is called stuck. */
export function requestJson(r: RequestRecord, now: number | null, stuckMs: number, still = false): RequestJson {
  const waiting = r.repliedAt === null && r.freedAt === null && r.replacedAt === null;
  return {
    id: r.id,
    host: r.host,
    slot: r.slot,
    msgId: r.msgId,
    domain: r.domain,
    volume: r.volume,
    sizeMiB: r.sizeMiB,
    requestedSeq: r.requestedSeq,
    updatedSeq: r.updatedSeq,
    requestedAt: iso(r.requestedAt),
    repliedAt: isoOrNull(r.repliedAt),
    replySizeMiB: r.replySizeMiB,
    hostAckedAt: isoOrNull(r.hostAckedAt),
    spmAckedAt: isoOrNull(r.spmAckedAt),
    freedAt: isoOrNull(r.freedAt),
    replacedAt: isoOrNull(r.replacedAt),
    result: r.result,
    step: currentStep(r),
    stuck: listedStuck(r, now, stuckMs, still),
    waitingMs: waiting && now !== null ? now - r.requestedAt : null,
    latency: latencies(r),
    outsideWindow: r.outsideWindow,
    partial: r.partial,
    inferred: r.inferred,
  };
}

const longestWaitingFirst = (a: RequestRecord, b: RequestRecord) => a.requestedAt - b.requestedAt || a.msgId - b.msgId;
const newestFirst = (a: RequestRecord, b: RequestRecord) => b.requestedAt - a.requestedAt || a.msgId - b.msgId;

/**
 * The requests list's order, on the records' numbers: the stuck ones first (longest waiting first), then
 * the rest newest first, the message id breaking ties. Sorts both lists in place; at most `limit` records.
 */
export function inListOrder(stuck: RequestRecord[], rest: RequestRecord[], limit = Infinity): RequestRecord[] {
  const out = stuck.sort(longestWaitingFirst).slice(0, limit);
  if (out.length < limit) out.push(...rest.sort(newestFirst).slice(0, limit - out.length));
  return out;
}
