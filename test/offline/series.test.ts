/**
 * Opened dumps become a history: series built from real fixture files
 * (written by vdsm), ordered, checked for size, and fed to the same
 * SourceHistory as live reads.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_SETTINGS } from '@/lib/history/settings';
import { SourceHistory } from '@/lib/history/source-history';
import { checkDumpSize } from '@/lib/offline/check-size';
import { seriesReads } from '@/lib/offline/samples';
import { buildSeries, moveStep, type FileMeta } from '@/lib/offline/series';
import { fixture, FIXTURES } from '../support/fixtures';

interface Opened extends FileMeta { bytes: Uint8Array }

function open(dir: string, names: string[], mtimes?: number[]): Opened[] {
  return names.map((name, i) => {
    const bytes = fixture(dir, name);
    return { id: String(i), name, size: bytes.length, lastModified: mtimes?.[i] ?? statSync(path.join(FIXTURES, dir, name)).mtimeMs, bytes };
  });
}

function history(reads: ReturnType<typeof seriesReads>['reads']) {
  const h = new SourceHistory({ ...DEFAULT_HISTORY_SETTINGS, maxHostId: 10 });
  for (const r of reads) h.ingest(r);
  return h;
}

describe('a series of dumps', () => {
  it('pairs inbox.before, inbox, inbox.after with the one outbox and proves the tear of bug 1426762 from the three dumps', () => {
    const files = open('torn/torn-1426762', readdirSync(path.join(FIXTURES, 'torn/torn-1426762')).filter((n) => n !== 'scenario.json'));
    const [series] = buildSeries(files);
    expect(series.steps.map((s) => [s.key, s.inbox?.name ?? null, s.outbox?.name ?? null]))
      .toEqual([['before', 'inbox.before', null], ['', 'inbox', 'outbox'], ['after', 'inbox.after', null]]);
    const { reads, errors } = seriesReads(series.steps, (f) => f.bytes);
    expect(errors).toEqual([]);
    expect(reads.map((r) => r.outbox?.path)).toEqual(['outbox', 'outbox', 'outbox']);
    const [episode] = history(reads).episodes.list();
    expect(episode).toMatchObject({ host: 7, verdict: 'torn', startSeq: 2, before: { seq: 1 }, after: { seq: 3 } });
    expect(episode.versions[0]).toMatchObject({ stored: 0, computed: 6457 });
    expect(episode.versions[0].proof.newSectors).toEqual([0]);
  });

  it('tracks a request across numbered dumps: inbox.1..3 with outbox.1..3 are the request, reply and clean steps', () => {
    const steps = ['request', 'reply', 'clean'];
    const files: Opened[] = steps.flatMap((dir, i) => ['inbox', 'outbox'].map((kind, j) => {
      const bytes = fixture('vdsm-h10', dir, kind);
      return { id: `${i}${j}`, name: `${kind}.${i + 1}`, size: bytes.length, lastModified: 1_000_000 + i * 2000, bytes };
    }));
    const [series] = buildSeries(files);
    expect(series.steps.map((s) => s.key)).toEqual(['1', '2', '3']);
    const { reads, warnings } = seriesReads(series.steps, (f) => f.bytes);
    expect(warnings).toEqual([]);
    expect(reads.map((r) => r.readAt)).toEqual([1_000_000, 1_002_000, 1_004_000]);
    const [record] = history(reads).requests.list();
    expect(record).toMatchObject({ host: 3, slot: 0, sizeMiB: 128, requestedAt: 1_000_000, repliedAt: 1_002_000, hostAckedAt: 1_004_000, result: 'ok' });
  });

  it('orders by modification time when asked, and the person can move a step', () => {
    const files = open('torn/torn-1426762', ['inbox.before', 'inbox', 'inbox.after'], [3000, 1000, 2000]);
    expect(buildSeries(files, 'mtime')[0].steps.map((s) => s.key)).toEqual(['', 'after', 'before']);
    const byName = buildSeries(files, 'name')[0].steps;
    expect(moveStep(byName, 2, 0).map((s) => s.key)).toEqual(['after', 'before', '']);
  });

  it('spaces reads 1 s apart, and says so, when modification times do not follow the order', () => {
    const files = open('torn/torn-1426762', ['inbox.before', 'inbox', 'inbox.after'], [3000, 1000, 2000]);
    const { reads, warnings } = seriesReads(buildSeries(files, 'name')[0].steps, (f) => f.bytes);
    expect(reads.map((r) => r.readAt)).toEqual([1000, 2000, 3000]);
    expect(warnings).toEqual([expect.stringContaining('placed 1 s apart')]);
  });

  it('keeps separate dump sets apart and leaves traces, logs and unknown files out', () => {
    const meta = (name: string, id: string): FileMeta => ({ id, name, size: 40960, lastModified: 0 });
    const series = buildSeries([meta('a-inbox.dump', '1'), meta('b-inbox.dump', '2'), meta('a-outbox.dump', '3'),
      meta('vdsm.log', '4'), meta('trace.jsonl', '5'), meta('x.bin', '6')]);
    expect(series.map((s) => [s.group, s.steps.map((t) => [t.inbox?.id ?? null, t.outbox?.id ?? null])]))
      .toEqual([['a-*.dump', [['1', '3']]], ['b-*.dump', [['2', null]]]]);
  });

  it('takes a file the person labelled as a volume into the plain series', () => {
    const series = buildSeries([{ id: '1', name: 'x.bin', size: 4096, lastModified: 0, role: 'outbox' }, { id: '2', name: 'inbox', size: 4096, lastModified: 0 }]);
    expect(series[0].steps).toHaveLength(1);
    expect(series[0].steps[0]).toMatchObject({ inbox: { id: '2' }, outbox: { id: '1' } });
  });

  it('keeps two files that claim the same place as two steps instead of dropping one', () => {
    const series = buildSeries([{ id: '1', name: 'a/inbox', size: 4096, lastModified: 0 }, { id: '2', name: 'b/inbox', size: 4096, lastModified: 1 }]);
    expect(series[0].steps.map((s) => s.inbox?.id)).toEqual(['1', '2']);
  });
});

describe('dump sizes', () => {
  it('accepts any whole number of mailboxes', () => {
    expect(checkDumpSize('inbox', 40960)).toEqual({ ok: true, mailboxes: 10, wholeBytes: 40960, warning: null });
  });

  it('reads the whole mailboxes of a dump with a trailing partial one, with a warning naming the file', () => {
    expect(checkDumpSize('inbox.dump', 40960 + 100)).toEqual({
      ok: true, mailboxes: 10, wholeBytes: 40960,
      warning: 'inbox.dump is 41,060 bytes: 10 whole mailboxes, the last 100 bytes (a partial mailbox) were not read',
    });
  });

  it('refuses less than one mailbox, saying what to open instead, and the series carries on without it', () => {
    const check = checkDumpSize('outbox', 4095);
    expect(check).toEqual({ ok: false, error: expect.stringMatching(/^outbox: 4,095 bytes, expected at least one whole 4,096-byte mailbox/) });
    const inbox = fixture('vdsm-h10/request/inbox');
    const files = [{ id: '1', name: 'inbox', size: inbox.length, lastModified: 5, bytes: inbox }, { id: '2', name: 'outbox', size: 4095, lastModified: 5, bytes: new Uint8Array(4095) }];
    const { reads, errors } = seriesReads(buildSeries(files)[0].steps, (f) => f.bytes);
    expect(errors).toHaveLength(1);
    expect(reads[0].outbox).toMatchObject({ bytes: null, error: { code: 'not_a_volume' } });
    expect(history(reads).store.entry(1)?.inbox?.mailboxes).toBe(10);
  });
});
