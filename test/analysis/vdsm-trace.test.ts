/**
 * Real vdsm traffic (test/fixtures/vdsm-trace) replayed through the
 * history: the verdicts and sectors of the SPM's 16 checksum failures, and
 * every request's steps, checked against expected.json.
 */
import { describe, expect, it } from 'vitest';
import type { Episode } from '@/lib/analysis/episodes';
import { latencies } from '@/lib/analysis/request-record';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import type { ReadSample } from '@/lib/history/types';
import { loadTrace, readsAfterEachWrite, traceExpected } from '../support/vdsm-trace';

interface Step { t: number; write: number; complete?: { t: number; write: number } }
interface ExpectedRequest {
  host: number; slot: number; domain: string; volume: string; sizeMiB: number;
  request: Step; reply: Step & { sizeMiB: number }; clean: Step; ack: Step; zeroed: Step;
}
interface ExpectedFailure {
  mailbox: number; stored: number; computed: number; sectors: string;
  spmRead: { afterWrite: number }; hsmWrite: { what: 'request' | 'clean'; lastWrite: number };
}

function replay(reads: ReadSample[]): SourceHistory {
  const history = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: 10 });
  for (const read of reads) history.ingest(read);
  return history;
}

/** The read after write w is seq w + 1 (readsAfterEachWrite). */
const seqAfter = (write: number) => write + 1;
const done = (step: Step) => (step.complete ?? step).t * 1000;

function versionAt(episodes: Episode[], host: number, seq: number) {
  for (const e of episodes) {
    if (e.host !== host) continue;
    const v = e.versions.find((x) => x.seq <= seq && seq <= x.lastSeq);
    if (v) return { episode: e, version: v };
  }
  return null;
}

describe('torn-pre2017: the SPM logged 16 checksum failures', () => {
  const trace = loadTrace('torn-pre2017');
  const expected = traceExpected<{ checksumFailures: ExpectedFailure[]; requests: ExpectedRequest[] }>('torn-pre2017');
  const everyWrite = replay(readsAfterEachWrite(trace));

  it('finds each failure, read after every write, in a torn episode with the SPM log line\'s sectors and checksums', () => {
    expect(expected.checksumFailures).toHaveLength(16);
    const episodes = everyWrite.episodes.list();
    for (const failure of expected.checksumFailures) {
      const found = versionAt(episodes, failure.mailbox, seqAfter(failure.spmRead.afterWrite));
      expect(found, `mailbox ${failure.mailbox} after write ${failure.spmRead.afterWrite}`).not.toBeNull();
      expect(found!.episode.verdict).toBe('torn');
      expect(found!.version).toMatchObject({ stored: failure.stored, computed: failure.computed, spmChecks: true });
      expect(found!.version.proof.sectors).toBe(failure.sectors);
      expect(found!.version.proof.newSectors).toEqual([...failure.sectors].flatMap((c, i) => (c === 'n' ? [i] : [])));
      // Resolved by the read after the HSM's last sector write, which is valid again.
      expect(found!.episode.after?.seq).toBe(seqAfter(failure.hsmWrite.lastWrite));
    }
  });

  it('also sees the zeroing tear, which the SPM ignores (no slot with a non-zero first byte): torn, nothing dropped', () => {
    const episodes = everyWrite.episodes.list();
    expect(episodes).toHaveLength(6); // hosts 4 and 6: request, CLEAN, zeroing
    const silent = episodes.filter((e) => !e.versions.some((v) => v.spmChecks));
    expect(silent.map((e) => e.host).sort()).toEqual([4, 6]);
    for (const e of silent) {
      expect(e.verdict).toBe('torn');
      expect(e.dropped).toEqual([]);
      expect(e.versions[0]).toMatchObject({ state: 'checksum_mismatch', stored: 64, computed: 0, staleChecksum: true });
    }
  });

  it("gives the same verdicts when read only at the SPM's read points (and when each HSM write completed)", () => {
    // Write 0 is vdsm's start-up clear: a valid read before anything was sent, else the first tear is unproven.
    const points = new Set<number>([0, ...expected.checksumFailures.map((f) => f.spmRead.afterWrite)]);
    for (const r of expected.requests) for (const step of [r.request, r.clean, r.zeroed]) points.add(step.complete!.write);
    const all = readsAfterEachWrite(trace);
    const sampled = [...points].sort((a, b) => a - b).map((w) => all[w]);
    const history = replay(sampled);
    const episodes = history.episodes.list().filter((e) => e.versions.some((v) => v.spmChecks));
    expect(episodes).toHaveLength(4);
    // At the SPM's own read points, the mailboxes failing are exactly those it logged.
    const failing = expected.checksumFailures.map((f) => f.spmRead.afterWrite)
      .filter((w, i, all) => all.indexOf(w) === i)
      .flatMap((w) => history.store.entry(seqAfter(w))!.failing.map((host) => `${host}@${w}`));
    expect(failing.sort()).toEqual(expected.checksumFailures.map((f) => `${f.mailbox}@${f.spmRead.afterWrite}`).sort());
    for (const failure of expected.checksumFailures) {
      const found = versionAt(episodes, failure.mailbox, seqAfter(failure.spmRead.afterWrite));
      expect(found?.episode.verdict).toBe('torn');
      expect(found?.version.proof.sectors).toBe(failure.sectors);
    }
  });

  it('holds each slot while its mailbox is torn: a step counts once the last sector landed', () => {
    const records = everyWrite.requests.list();
    expect(records).toHaveLength(2);
    for (const r of expected.requests) {
      const record = records.find((x) => x.host === r.host && x.slot === r.slot)!;
      expect(record).toMatchObject({
        requestedAt: done(r.request), repliedAt: r.reply.t * 1000, hostAckedAt: done(r.clean),
        spmAckedAt: r.ack.t * 1000, freedAt: done(r.zeroed), result: 'ok', inferred: [],
      });
    }
  });
});

for (const name of ['roundtrip-ok', 'busy']) {
  describe(`${name}: every request's steps`, () => {
    const expected = traceExpected<{ requests: ExpectedRequest[] }>(name);
    const history = replay(readsAfterEachWrite(loadTrace(name)));

    it('keeps one record per request, each step at the write that made it, with ok or failed (size 0)', () => {
      const records = history.requests.list();
      expect(records).toHaveLength(expected.requests.length);
      for (const r of expected.requests) {
        const record = records.find((x) => x.host === r.host && x.slot === r.slot && x.volume === r.volume);
        expect(record, `host ${r.host} slot ${r.slot} volume ${r.volume}`).toBeDefined();
        expect(record).toMatchObject({
          domain: r.domain, sizeMiB: r.sizeMiB,
          requestedAt: done(r.request), repliedAt: r.reply.t * 1000, replySizeMiB: r.reply.sizeMiB,
          hostAckedAt: done(r.clean), spmAckedAt: r.ack.t * 1000, freedAt: done(r.zeroed),
          result: r.reply.sizeMiB === 0 ? 'failed' : 'ok', partial: false, inferred: [], replacedAt: null,
        });
        expect(latencies(record!)).toEqual({
          replyMs: r.reply.t * 1000 - done(r.request),
          hostAckMs: done(r.clean) - r.reply.t * 1000,
          spmAckMs: r.ack.t * 1000 - done(r.clean),
          freeMs: done(r.zeroed) - r.ack.t * 1000,
          totalMs: done(r.zeroed) - done(r.request),
        });
      }
    });

    it('sees no checksum failure: every write was a whole 4096-byte mailbox', () => {
      expect(history.episodes.list()).toEqual([]);
    });
  });
}
