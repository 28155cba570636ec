/** vdsm's own logs of a run with torn pre-2017 writes (test/fixtures/vdsm-trace/torn-pre2017). */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, MAILBOX_SIZE_BYTES } from '@/lib/mailbox';
import { fromBase64, mailboxFromLoggedData } from '@/lib/vdsm-log';
import { scanLogFile } from '@/lib/vdsm-log/node';
import path from 'node:path';
import { FIXTURES } from '../support/fixtures';
import { scanBytes } from './scan';

interface ExpectedFailure {
  logLine: number;
  mailbox: number;
  stored: number;
  computed: number;
  line: string;
}

const dir = path.join(FIXTURES, 'vdsm-trace/torn-pre2017');
const expected = JSON.parse(readFileSync((`${dir}/expected.json`), 'utf8')) as { checksumFailures: ExpectedFailure[] };
const log = readFileSync((`${dir}/vdsm.log`));
const debugLog = readFileSync((`${dir}/vdsm-debug.log`));

describe('the 16 checksum failures vdsm logged', () => {
  const result = scanBytes({ 'vdsm.log': log });

  it('counts every line and byte, and groups the failures into one episode per mailbox', () => {
    expect(result.lines).toBe(16);
    expect(result.bytes).toBe(log.length);
    expect(result.checksumFailures.map((e) => [e.mailbox, e.count])).toEqual([[4, 8], [6, 8]]);
    expect(result.checksumFailures.reduce((n, e) => n + e.count, 0)).toBe(expected.checksumFailures.length);
  });

  it('recomputes from the logged data the checksum vdsm logged as expected, for each distinct content', () => {
    for (const episode of result.checksumFailures) {
      const mine = expected.checksumFailures.filter((f) => f.mailbox === episode.mailbox);
      expect(episode.firstLine).toBe(mine[0].logLine);
      expect(episode.lastLine).toBe(mine.at(-1)!.logLine);
      expect(episode.variants.map((v) => [v.computed, v.count])).toEqual([[6455, 4], [64, 4]]);
      for (const v of episode.variants) {
        const f = expected.checksumFailures.find((x) => x.logLine === v.first.line)!;
        expect(v.computed).toBe(f.computed);
        expect(v.expectedLogged).toBe(f.computed);
        expect(v.expectedMatches).toBe(true);
        const box = mailboxFromLoggedData(fromBase64(v.dataBase64!));
        expect(box.length).toBe(MAILBOX_SIZE_BYTES);
        expect(checksum(box)).toBe(f.computed);
      }
      expect(episode.stored).toBeNull();
      expect(episode.storedNote).toMatch(/vdsm#205/);
    }
  });

  it('decodes the slots of the data: the torn request, then the torn CLEAN', () => {
    const [four] = result.checksumFailures;
    expect(four.variants[0].slots).toEqual([{ index: 0, kind: 'extend', domain: '8adbc85e-e554-4ae0-b318-8a5465fe5fe1', volume: 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', sizeMiB: 128 }]);
    expect(four.variants[1].slots).toEqual([{ index: 0, kind: 'clean' }]);
  });

  it('calls a mailbox whose data changed between failures torn, not garbage', () => {
    for (const e of result.checksumFailures) {
      expect(e.kind).toBe('torn');
      expect(e.why).toMatch(/changed/);
    }
  });

  it('quotes each line it found with file, line number and time', () => {
    const e = result.checksumFailures[0];
    expect(e.quote.startsWith(expected.checksumFailures[0].line.slice(0, 200))).toBe(true);
    expect(e.firstTime).toBe('2026-11-24T20:47:28.429+00:00');
    expect(e.firstFile).toBe('vdsm.log');
  });

  it('gives the same answer whatever the chunk boundaries', () => {
    const whole = JSON.stringify(result);
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 20 }), (sizes) => {
      expect(JSON.stringify(scanBytes({ 'vdsm.log': log }, (i) => sizes[i % sizes.length]))).toBe(whole);
    }), { numRuns: 25 });
  });
});

describe('the debug log of the same run', () => {
  const result = scanBytes({ 'vdsm-debug.log': debugLog }, 4096);

  it('splits the failures where the SPM logged the mailbox validated, and calls them healed tears', () => {
    expect(result.lines).toBe(454);
    expect(result.checksumFailures.map((e) => [e.mailbox, e.count, e.computed, e.kind])).toEqual([
      [4, 4, 6455, 'torn'], [6, 4, 6455, 'torn'], [4, 4, 64, 'torn'], [6, 4, 64, 'torn'],
    ]);
    expect(result.checksumFailures[0].healedAt).toBe('2026-11-24T20:47:29.954+00:00');
  });

  it('finds the SPM extending what the HSM sent, and how long the request queued', () => {
    expect(result.requests).toHaveLength(2);
    for (const r of result.requests) {
      expect(r).toMatchObject({ volume: 'd772f1c6-3ebb-43c3-a42e-73fcd8255a5f', domain: '8adbc85e-e554-4ae0-b318-8a5465fe5fe1', sizeMiB: 128, result: null });
      expect(r.queuedS).toBeCloseTo(1.835, 3);
    }
    expect(result.hsmMessages.map((m) => [m.line, m.slot, m.kind, m.sizeMiB])).toEqual([[60, 0, 'extend', 128], [62, 0, 'extend', 128]]);
    expect(result.mailSent).toBe(10);
  });

  it('times every mailbox dd by size', () => {
    const lines = debugLog.toString('latin1').split('\n');
    const copied = (bytes: number) => lines.filter((l) => new RegExp(`'1\\+0 records in\\\\n1\\+0 records out\\\\n${bytes} bytes`).test(l)).length;
    expect(result.dd.map((d) => [d.bytes, d.count])).toEqual([[512, copied(512)], [4096, copied(4096)], [40960, copied(40960)]]);
    expect(result.dd[0].count).toBe(80);
    const slowest = result.dd[0].slowest[0];
    expect(lines[slowest.line - 1]).toContain(`copied, ${result.dd[0].seconds.max} s`);
  });

  it('reads the same from a file on disk, plain, gzip or xz', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'vdsm-log-'));
    try {
      const plain = path.join(tmp, 'vdsm.log');
      copyFileSync(`${dir}/vdsm-debug.log`, plain);
      execFileSync('gzip', ['-k', plain]);
      execFileSync('xz', ['-k', plain]);
      for (const name of ['vdsm.log', 'vdsm.log.gz', 'vdsm.log.xz']) {
        const scanned = await scanLogFile(path.join(tmp, name));
        expect(scanned.files).toEqual([{ ...result.files[0], name }]);
        expect(scanned.checksumFailures).toEqual(result.checksumFailures.map((e) => ({ ...e, firstFile: name, lastFile: name, variants: e.variants.map((v) => ({ ...v, first: { ...v.first, file: name } })) })));
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
