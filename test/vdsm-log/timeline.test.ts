/**
 * One timeline of vdsm's logs and opened dumps: the real logs of the
 * torn-pre2017 run (test/fixtures/vdsm-trace), dumps made from its trace at
 * the reads its SPM logged as failing, and logs of an HSM and an SPM in
 * separate files (vdsm's formats) for the join across hosts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpReads } from '@/lib/offline/dump-reads';
import { seriesSources, type OpenedFile } from '@/lib/offline/opened-set';
import { buildTimeline, hostNameFromPath, learnHostNames, shortLine } from '@/lib/vdsm-log';
import { FIXTURES } from '../support/fixtures';
import { loadTrace, readsAfterEachWrite, traceExpected } from '../support/vdsm-trace';
import { scanBytes } from './scan';
import { DOMAIN, HSM_FILE, HSM_LOG, SPM_FILE, SPM_LOG, V2, VOLUME } from './two-logs';

const DIR = path.join(FIXTURES, 'vdsm-trace/torn-pre2017');
const LOG = readFileSync(path.join(DIR, 'vdsm.log'));
const DEBUG_LOG = readFileSync(path.join(DIR, 'vdsm-debug.log'));
const expected = traceExpected<{ wallClockAtT0: string; checksumFailures: Array<{ logLine: number; mailbox: number; t: number; spmRead: { afterWrite: number } }> }>('torn-pre2017');
const T0 = Date.parse(expected.wallClockAtT0);
const debugLines = DEBUG_LOG.toString('latin1').split('\n');

/** Dumps of the inbox (and the final outbox) as the SPM read them after the given writes (0: the last), timed as the writes were. */
function dumpsAfterWrites(writes: number[]) {
  const reads = readsAfterEachWrite(loadTrace('torn-pre2017'));
  writes = writes.map((w) => w || reads.length);
  const files: OpenedFile[] = writes.map((w, i) => {
    const read = reads[w - 1];
    return { id: String(i), name: `inbox.${i + 1}`, size: read.inbox!.bytes!.length, lastModified: T0 + read.readAt, bytes: read.inbox!.bytes! };
  });
  const last = reads[reads.length - 1];
  files.push({ id: 'out', name: 'outbox.1', size: last.outbox!.bytes!.length, lastModified: T0 + reads[writes[0] - 1].readAt, bytes: last.outbox!.bytes! });
  return dumpReads(seriesSources(files, 'name'));
}

describe('the SPM\'s vdsm.log alone', () => {
  const timeline = buildTimeline(scanBytes({ 'vdsm.log': LOG }));

  it('says which hosts\' mail the SPM dropped, when, how often and why, quoting the first line\'s head', () => {
    expect(timeline.drops.map((d) => [d.host, d.kind, d.count, d.first.line, d.last.line])).toEqual([[4, 'torn', 8, 1, 15], [6, 'torn', 8, 2, 16]]);
    const [four] = timeline.drops;
    expect(four.firstMs).toBe(Date.parse('2026-11-24T20:47:28.429Z'));
    expect(four.lastMs).toBe(Date.parse('2026-11-24T20:47:31.568Z'));
    const line = LOG.toString('latin1').split('\n')[0];
    expect(line.length).toBeGreaterThan(16_000);
    expect(four.first.text.endsWith('…')).toBe(true);
    expect(line.startsWith(four.first.text.slice(0, -1))).toBe(true);
    expect(four.first.text).toMatch(/^2026-11-24 20:47:28,429\+0000 ERROR \(mailbox-spm\) \[storage\.mailbox\] mailbox 4 checksum failed, not clearing mailbox, clearing new mail \(data=b'1xtnd/);
    expect(four.first.text.length).toBeLessThan(200);
    // the dropped mailbox held host 4's request, then its CLEAN
    expect(four.messages).toEqual([
      { index: 0, kind: 'extend', domain: DOMAIN, volume: VOLUME, sizeMiB: 128 },
      { index: 0, kind: 'clean' },
    ]);
  });

  it('spans the logged failures, and has no requests (the INFO log has no request lines)', () => {
    expect(timeline.startMs).toBe(Date.parse('2026-11-24T20:47:28.429Z'));
    expect(timeline.endMs).toBe(Date.parse('2026-11-24T20:47:31.568Z'));
    expect(timeline.requests).toEqual([]);
    expect(timeline.waits).toEqual({ queuedS: null, toCompletionS: null, totalS: null });
    expect(timeline.notes).toEqual([]);
  });
});

describe('the debug log of the same run', () => {
  const timeline = buildTimeline(scanBytes({ 'vdsm-debug.log': DEBUG_LOG }));

  it('follows each request from the HSM\'s message to the SPM\'s extend, with how long it queued behind the tear', () => {
    expect(timeline.requests.map((r) => [r.sent?.line, r.extended?.line, r.completed, r.result, r.queuedS])).toEqual([
      [60, 160, null, null, 1.836], [62, 164, null, null, 1.835],
    ]);
    const [first] = timeline.requests;
    expect(first).toMatchObject({ domain: DOMAIN, volume: VOLUME, sizeMiB: 128, failed: null });
    expect(first.sent!.text).toBe(shortLine(debugLines[59]));
    expect(first.extended!.text).toBe(debugLines[159]);
    expect(first.extended!.time).toBe('2026-11-24T20:47:29.955+00:00');
    expect(timeline.waits.queuedS).toMatchObject({ min: 1.835, max: 1.836 });
  });

  it('names the hosts the request could be from: the two whose dropped mail asked for that volume', () => {
    for (const r of timeline.requests) expect([r.hosts, r.hostsFrom]).toEqual([[4, 6], 'dropped mail']);
  });

  it('splits the drops where the SPM validated the mailbox again, and says when', () => {
    expect(timeline.drops.map((d) => [d.host, d.count, d.healedAt])).toEqual([
      [4, 4, '2026-11-24T20:47:29.954+00:00'], [6, 4, '2026-11-24T20:47:29.954+00:00'],
      [4, 4, '2026-11-24T20:47:31.879+00:00'], [6, 4, '2026-11-24T20:47:31.879+00:00'],
    ]);
  });
});

describe('with dumps of the inbox read while the SPM dropped the mail', () => {
  // the SPM's reads of its first and ninth logged failures; the trace's last write
  const torn = expected.checksumFailures.find((f) => f.logLine === 1)!.spmRead.afterWrite;
  const tornClean = expected.checksumFailures.find((f) => f.logLine === 9)!.spmRead.afterWrite;
  const dumps = dumpsAfterWrites([torn, tornClean, 0]);
  const timeline = buildTimeline(scanBytes({ 'vdsm-debug.log': DEBUG_LOG }), dumps);

  it('reads each dump at its files\' time, with the hosts failing in it and what they ask for', () => {
    expect(dumps.map((d) => [d.seq, d.files, d.failing])).toEqual([[1, ['inbox.1', 'outbox.1'], [4, 6]], [2, ['inbox.2'], [4, 6]], [3, ['inbox.3'], []]]);
    expect(dumps[0].at).toBeGreaterThan(Date.parse('2026-11-24T20:47:28.300Z'));
    expect(dumps[0].at).toBeLessThan(Date.parse('2026-11-24T20:47:28.429Z'));
    expect(dumps[0].requests).toEqual([
      { host: 4, slot: 0, domain: DOMAIN, volume: VOLUME, sizeMiB: 128 }, { host: 6, slot: 0, domain: DOMAIN, volume: VOLUME, sizeMiB: 128 },
    ]);
  });

  it('puts each dump beside the drop it caught, and takes the requests\' hosts from the dumps', () => {
    expect(timeline.drops.map((d) => [d.host, d.dumps.map((x) => x.seq)])).toEqual([[4, [1]], [6, [1]], [4, [2]], [6, [2]]]);
    expect(timeline.dumps.map((d) => d.seq)).toEqual([1, 2, 3]);
    for (const r of timeline.requests) expect([r.hosts, r.hostsFrom]).toEqual([[4, 6], 'dump']);
    expect(timeline.notes).toEqual([]);
  });

  it('says when dumps fall outside the logs\' span', () => {
    const late = dumps.map((d) => ({ ...d, at: d.at + 3_600_000 }));
    expect(buildTimeline(scanBytes({ 'vdsm-debug.log': DEBUG_LOG }), late).notes).toEqual([
      expect.stringMatching(/^3 of 3 dump reads fall outside the logs' span \(2026-11-24T20:47:24\.054Z → 2026-11-24T20:47:37\.225Z\)/),
    ]);
  });
});

describe('an HSM\'s log and the SPM\'s log, in two files', () => {
  const timeline = buildTimeline(scanBytes({ [HSM_FILE]: Buffer.from(HSM_LOG, 'latin1'), [SPM_FILE]: Buffer.from(SPM_LOG, 'latin1') }));

  it('joins the HSM\'s send, the SPM\'s extend and the host\'s completion by domain, volume and time', () => {
    expect(timeline.requests.map((r) => [r.volume, r.sizeMiB, r.sent?.line, r.extended?.file, r.extended?.line, r.completed?.line, r.result, r.queuedS, r.toCompletionS, r.totalS])).toEqual([
      [VOLUME, 2048, 2, 'spm/vdsm.log.1', 1, 4, 'ok', 1.25, 2.75, 4],
      [V2, 1024, 3, 'spm/vdsm.log.1', 2, undefined, 'failed', 1.5, null, null],
      [VOLUME, 3072, 5, undefined, undefined, undefined, null, null, null, null],
    ]);
    expect(timeline.requests[0].clock).toEqual({ totalS: 4, waitS: 0.5 });
    expect(timeline.waits.queuedS).toMatchObject({ min: 1.25, max: 1.5 });
    expect(timeline.waits.totalS).toMatchObject({ min: 4, max: 4 });
  });

  it('says which extend failed, quoting the exception line', () => {
    const failed = timeline.requests.filter((r) => r.result === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].failed).toEqual({ file: 'spm/vdsm.log.1', line: 3, time: '2026-11-24T10:01:02.100+00:00', ms: Date.parse('2026-11-24T10:01:02.100Z'), text: SPM_LOG.split('\n')[2] });
  });

  it('knows the sender from the host id its log was written with, and that host\'s name from the sosreport folder', () => {
    for (const r of timeline.requests) expect([r.hosts, r.hostsFrom]).toEqual([[7], 'log']);
    expect(timeline.hostNames).toEqual([{ host: 7, name: 'hv-b', file: HSM_FILE }]);
  });
});

describe('host names from where a log was found', () => {
  it.each([
    ['sosreport-hv-a-01234567-2026-11-24-xkqwzmf/var/log/vdsm/vdsm.log', 'hv-a'],
    ['cases/1234/sosreport-hv-a.example.com-2026-11-24-xkqwzmf/var/log/vdsm/vdsm.log.1.xz', 'hv-a.example.com'],
    ['sosreport-hv-c.01234567-20261124104500/var/log/vdsm/vdsm.log', 'hv-c'],
    ['collected/hv-d/var/log/vdsm/vdsm.log', 'hv-d'],
    ['hv-e/vdsm.log', 'hv-e'],
    ['sosreport/var/log/vdsm/vdsm.log', null],
    ['logs/vdsm/vdsm.log', null],
    ['vdsm.log', null],
    ['sosreport-<script>-2026-11-24-abc/var/log/vdsm/vdsm.log', null],
  ])('%s names %s', (file, name) => {
    expect(hostNameFromPath(file)).toBe(name);
  });

  it('names a host id only from a log written with that one id, and says when two logs disagree', () => {
    const file = (name: string, hostIds: number[]) => ({ name, hostIds, bytes: 0, lines: 0, firstTime: null, lastTime: null, complete: true });
    expect(learnHostNames([file('hv-a/vdsm.log', [3]), file('hv-b/vdsm.log', [3]), file('hv-c/vdsm.log', [4, 5]), file('hv-d/vdsm.log', [])])).toEqual({
      names: [{ host: 3, name: 'hv-a', file: 'hv-a/vdsm.log' }],
      notes: [
        'host id 3 is hv-a by hv-a/vdsm.log and hv-b by hv-b/vdsm.log: named hv-a (a host id can pass to another host)',
        'hv-c/vdsm.log was written with host ids 4 and 5: which one is hv-c is not known, so neither is named',
      ],
    });
  });
});
