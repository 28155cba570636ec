/** The Markdown incident summary, from the torn-pre2017 trace and a stuck request. */
import { describe, expect, it } from 'vitest';
import { episodeJson, requestJson } from '@/lib/api/history-json';
import { incidentSummary, type IncidentInput } from '@/lib/report/incident-markdown';
import { describeSectors } from '@/lib/analysis/sectors';
import type { SourceHistory } from '@/lib/history/source-history';
import { encodeMailbox, extend } from '@/lib/mailbox';
import { historyOf, readsOf } from '../support/history';
import { loadTrace, readsAfterEachWrite } from '../support/vdsm-trace';

function input(history: SourceHistory, stuckMs = 10_000): IncidentInput {
  const { store } = history;
  const first = store.entry(store.oldestSeq!)!;
  const last = store.latest!;
  const episodes = history.episodes.list();
  return {
    source: { id: 'pool-a', name: 'pool-a', inbox: '/rhev/data-center/mnt/x/dom_md/inbox', outbox: '/rhev/data-center/mnt/x/dom_md/outbox' },
    window: { fromSeq: first.seq, toSeq: last.seq, from: new Date(first.readAt).toISOString(), to: new Date(last.readAt).toISOString(), reads: store.size, gap: false },
    stuckS: stuckMs / 1000,
    episodes: episodes.map(episodeJson),
    requests: history.requests.list().map((r) => requestJson(r, last.readAt, stuckMs)),
    mailboxes: episodes.map((e) => {
      const v = e.versions[e.versions.length - 1];
      return { host: e.host, volume: 'inbox' as const, seq: v.seq, bytes: store.mailboxAt('inbox', e.host, v.seq)!, note: `✗ TORN, ${v.proof.summary}` };
    }).slice(0, 1),
    generatedAt: '2026-11-24T21:00:00.000Z',
  };
}

describe('incident summary', () => {
  it('describes sectors the way a person says it', () => {
    expect(describeSectors('nnnnnooo')).toBe('sectors 0-4 new, 5-7 old');
    expect(describeSectors('nn=nx?oo')).toBe('sectors 0-1, 3 new, 2 unchanged, 4 neither old nor new, 5 unknown, 6-7 old');
  });

  it('lists each torn episode with its sectors, checksums and dropped mail, and dumps the torn mailbox like hexdump -C', () => {
    const history = historyOf([]);
    for (const read of readsAfterEachWrite(loadTrace('torn-pre2017'))) history.ingest(read);
    const markdown = incidentSummary(input(history));
    expect(markdown).toContain('## Mailbox incident: pool-a');
    expect(markdown).toContain('6 episode(s): 6 ✗ TORN, 0 ✗ CORRUPT, 0 still failing, 0 unproven');
    expect(markdown).toContain('2 seen: 0 ⏱ stuck (no reply after 10 s), 0 ▲ waiting, 2 ✓ ok, 0 ✗ failed (size 0), 0 ≠ mismatched');
    expect(markdown).toMatch(/\| 4 \| ✗ TORN \| 14 \(18–31\) \| 00:00:04\.073 → 00:00:05\.601 \| 1\.77 s \| sectors 0 new, 1-6 unchanged, 7 old \| stored 0 ≠ 6455 \(stale: the previous content's\) \| ▲ slot 0 128 MiB d772f1c6… \|/);
    expect(markdown).toContain('| 4 | ✗ TORN | 14 (38–51) |');
    expect(markdown).toContain('stored 6455 ≠ 64 (stale');
    expect(markdown).toContain('none (SPM ignores it: no message)');
    expect(markdown).toContain('#### host 4 · inbox · read 18 · ✗ TORN, sectors 0 new, 1-6 unchanged, 7 old');
    expect(markdown).toContain('```text\n00004000  31 78 74 6e 64 e1 5f fe  65 54 8a 18 b3 e0 4a 54  |1xtnd._.eT....JT|');
    expect(markdown).toContain('\n00005000\n```');
  });

  it('lists stuck requests with how long they have waited, and says when nothing went wrong', () => {
    const mailbox = encodeMailbox({ 5: extend('8adbc85e-e554-4ae0-b318-8a5465fe5fe1', 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', 2048) });
    const history = historyOf(readsOf(Array.from({ length: 30 }, () => ({ inbox: { 7: mailbox } }))));
    const markdown = incidentSummary(input(history));
    expect(markdown).toContain('### ⏱ Stuck requests (no reply after 10 s)');
    expect(markdown).toContain('| 7 | 5 | ⏱ stuck ≥ 14.5 s | `d772f1c6-3ebb-43c3-a42e-73fcd8255a5f` | 2 GiB |');
    // with MAILBOX_HOST_NAMES, the host's name goes beside its id
    expect(incidentSummary({ ...input(history), hostNames: new Map([[7, 'hv-b']]) })).toContain('| 7 (hv-b) | 5 | ⏱ stuck');
    // The request was there at the first read: it is older than the window (so ≥), but it still is stuck.
    const quiet = incidentSummary(input(historyOf(readsOf([{}, {}]))));
    expect(quiet).toContain('No checksum failures and no stuck requests in this window.');
  });
});

describe('incident summary units', () => {
  it('prints sizes and spans exactly as the screen does (2049 MiB, 4294967295 MiB, 5 min)', async () => {
    const { humanMiB, formatSpan } = await import('@/lib/format/units');
    const { incidentSummary } = await import('@/lib/report/incident-markdown');
    const request = (slot: number, sizeMiB: number, waitingMs: number) => ({
      id: `7:${slot}`, host: 7, slot, msgId: 7 * 64 + slot, domain: 'd', volume: `v${slot}`, sizeMiB,
      requestedSeq: 1, updatedSeq: 1, requestedAt: '2026-11-24T20:47:00.000Z', repliedAt: null, replySizeMiB: null,
      hostAckedAt: null, spmAckedAt: null, freedAt: null, replacedAt: null, result: null, step: 'requested' as const,
      stuck: true, waitingMs, latency: { replyMs: null, hostAckMs: null, spmAckMs: null, freeMs: null, totalMs: null },
      outsideWindow: false, partial: false, inferred: [],
    });
    const markdown = incidentSummary({
      source: { id: 's', name: 's', inbox: null, outbox: null },
      window: { fromSeq: 1, toSeq: 2, from: '2026-11-24T20:47:00.000Z', to: '2026-11-24T20:52:00.000Z', reads: 2, gap: false },
      stuckS: 10, episodes: [], mailboxes: [], generatedAt: '2026-11-24T20:52:00.000Z',
      requests: [request(0, 2049, 300_000), request(1, 4294967295, 1000)],
    });
    expect(markdown).toContain(`| ${humanMiB(2049)} |`);
    expect(markdown).toContain(`| ${humanMiB(4294967295)} |`);
    expect(markdown).not.toMatch(/\d\. GiB/);
    expect(markdown).toContain(`⏱ stuck ${formatSpan(300_000)}`);
    expect(markdown).toContain('⏱ stuck 5 min |');
    expect(markdown).toContain('(5 min)');
  });
});
