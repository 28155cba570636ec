/** Episodes and requests as the API sends them, for UI unit tests: only what a test names differs from a plain case. */
import type { EpisodeJson, EpisodeReadJson, RequestJson } from '@/lib/api/history-types';

const at = (seq: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, 0, seq * 100)).toISOString();

export function versionOf(seq: number, lastSeq: number, sectors: string | null, extra: Partial<EpisodeReadJson> = {}): EpisodeReadJson {
  return {
    seq, lastSeq, readAt: at(seq), reads: lastSeq - seq + 1, state: 'checksum_mismatch', stored: 100, computed: 200,
    spmChecks: true, staleChecksum: true, sectors, newSectors: [], changedSectors: [], verdict: sectors ? 'torn' : 'pending',
    summary: sectors ? 'sectors 0 new, 1-7 old' : 'pending: no valid read after the failure yet', ...extra,
  };
}

export function episodeOf(host: number, versions: EpisodeReadJson[], extra: Partial<EpisodeJson> = {}): EpisodeJson {
  const first = versions[0];
  const last = versions[versions.length - 1];
  const resolved = last.sectors !== null;
  return {
    id: `${host}-${first.seq}`, host, startSeq: first.seq, endSeq: last.lastSeq, startedAt: at(first.seq), endedAt: at(last.lastSeq),
    resolvedSeq: resolved ? last.lastSeq + 1 : null, resolvedAt: resolved ? at(last.lastSeq + 1) : null, durationMs: 1000,
    updatedSeq: resolved ? last.lastSeq + 1 : last.lastSeq,
    reads: versions.reduce((n, v) => n + v.reads, 0), verdict: resolved ? 'torn' : 'pending', newSectors: [], sectors: last.sectors,
    summary: last.summary, staleChecksum: true, checksum: { stored: 100, computed: 200, before: 100 }, spmChecks: true, spmFailures: 1,
    beforeSeq: first.seq - 1, beforeMissing: false, droppedMessages: [], versions, versionsOmitted: 0, ...extra,
  };
}

export function requestOf(host: number, slot: number, extra: Partial<RequestJson> = {}): RequestJson {
  return {
    id: `${host}-${slot}-1`, host, slot, msgId: host * 64 + slot, domain: '8adbc85e-e554-4ae0-b318-8a5465fe5fe1',
    volume: `0000000${host}-000${slot}-4000-a000-000000000000`, sizeMiB: 1024, requestedSeq: 1, updatedSeq: 1,
    requestedAt: at(10), repliedAt: null, replySizeMiB: null, hostAckedAt: null, spmAckedAt: null, freedAt: null, replacedAt: null,
    result: null, step: 'requested', stuck: false, waitingMs: null,
    latency: { replyMs: null, hostAckMs: null, spmAckMs: null, freeMs: null, totalMs: null },
    outsideWindow: false, partial: false, inferred: [], ...extra,
  };
}

export { at as readAtOf };
