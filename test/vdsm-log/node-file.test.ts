/**
 * `scanLogFile` reads a plain file into two buffers it reuses: whatever the
 * scanner keeps of a line cut by a buffer's end must be its own copy (the
 * first test overwrites each buffer after its push, so it fails if not), and
 * the file read from disk must give what one scan of its bytes gives.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogScan } from '@/lib/vdsm-log';
import { scanLogFile } from '@/lib/vdsm-log/node';
import { scanBytes } from './scan';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/vdsm-trace/torn-pre2017/vdsm.log');
const dir = mkdtempSync(path.join(tmpdir(), 'mailbox-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanning a log file from disk', () => {
  it('keeps nothing of a buffer once it is handed back: overwriting each buffer after its push changes no finding', () => {
    const log = readFileSync(FIXTURE);
    const scanWith = (reuse: boolean) => {
      const scan = new LogScan();
      const file = scan.file('vdsm.log');
      const buffer = new Uint8Array(1000); // one buffer for every piece, as scanLogFile reuses its two
      for (let at = 0; at < log.length; at += buffer.length) {
        const piece = log.subarray(at, at + buffer.length);
        buffer.set(piece);
        file.pushBytes(Buffer.from(buffer.buffer, 0, piece.length));
        if (reuse) buffer.fill(0x78); // what the next read would leave there
      }
      file.end();
      return scan.result();
    };
    const reused = scanWith(true);
    expect(reused.checksumFailures.reduce((n, f) => n + f.count, 0)).toBeGreaterThan(0);
    expect(reused).toEqual(scanWith(false));
  });

  it('reads a log of several MiB from disk line for line, as a scan of the same bytes in fresh pieces does', async () => {
    const one = readFileSync(FIXTURE);
    const big = Buffer.concat(Array.from({ length: Math.ceil((5 << 20) / one.length) }, () => one));
    const file = path.join(dir, 'vdsm.log');
    writeFileSync(file, big);
    const fromDisk = await scanLogFile(file);
    const fresh = scanBytes({ 'vdsm.log': new Uint8Array(big) }, 77_777);
    const newlines = big.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
    expect(fromDisk.lines).toBe(newlines);
    expect(fromDisk.lines).toBe(fresh.lines);
    expect(fromDisk.checksumFailures.map((f) => [f.mailbox, f.count])).toEqual(fresh.checksumFailures.map((f) => [f.mailbox, f.count]));
    expect(fromDisk.checksumFailures.reduce((n, f) => n + f.count, 0)).toBeGreaterThan(0);
    expect(fromDisk.requests.length).toBe(fresh.requests.length);
  });
});
