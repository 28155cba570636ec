/** Nothing in a log is trusted: bad lines are findings, never crashes, and memory stays bounded. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogScan, MARKERS } from '@/lib/vdsm-log';
import { FIXTURES } from '../support/fixtures';
import { logLine, scanBytes, scanText } from './scan';

const realLine = readFileSync(path.join(FIXTURES, 'vdsm-trace/torn-pre2017/vdsm.log'), 'latin1').split('\n')[0];

describe('bad input', () => {
  it('reports a checksum line cut short as a finding and keeps the slots it could read', () => {
    const cut = realLine.slice(0, 400);
    const r = scanText(`${cut}\n${realLine}\n`);
    expect(r.checksumFailures).toHaveLength(1);
    const [e] = r.checksumFailures;
    expect(e.count).toBe(2);
    expect(e.distinctData).toBe(2);
    expect(e.variants[0]).toMatchObject({ complete: false, computed: null, expectedMatches: null, dataBase64: null });
    expect(e.variants[0].slots).toMatchObject([{ index: 0, kind: 'extend', sizeMiB: 128 }]);
    expect(e.variants[1]).toMatchObject({ complete: true, computed: 6455, expectedMatches: true });
    expect(r.findings).toMatchObject([{ id: 'log.repr.cut-short', line: 1, severity: 'warning' }]);
  });

  it('reads CRLF lines like LF lines', () => {
    const lf = scanText(`${realLine}\n${realLine}\n`);
    const crlf = scanText(`${realLine}\r\n${realLine}\r\n`);
    expect(crlf.checksumFailures[0].variants[0].dataBase64).toBe(lf.checksumFailures[0].variants[0].dataBase64);
    expect(crlf.lines).toBe(2);
  });

  it('ignores other loggers quoting the same words, saying so', () => {
    const quoted = logLine('10:00:00,000', 'INFO', 'jsonrpc/1', 'vdsm.api', `FINISH getInfo return={'note': '${realLine.slice(60, 200)}'}`);
    const r = scanText(`${quoted}\n`);
    expect(r.checksumFailures).toEqual([]);
    expect(r.findings).toMatchObject([{ id: 'log.line.other-logger', line: 1 }]);
  });

  it('skips a 100 MB line in bounded memory and reads the line after it', () => {
    const scan = new LogScan({ maxLineBytes: 1 << 20 });
    const file = scan.file('huge.log');
    const mb = new Uint8Array(1 << 20).fill(0x78);
    file.pushBytes(Buffer.from(`${realLine}\ncheckschecksum failed`, 'latin1'));
    for (let i = 0; i < 100; i++) file.pushBytes(mb);
    file.pushBytes(Buffer.from(`\n${realLine}\n`, 'latin1'));
    file.end();
    const r = scan.result();
    expect(r.lines).toBe(3);
    expect(r.checksumFailures[0]).toMatchObject({ count: 2, firstLine: 1, lastLine: 3 });
    expect(r.findings).toMatchObject([{ id: 'log.line.too-long', line: 2 }]);
  });

  it('says a compressed file was given as text', () => {
    const r = scanBytes({ 'vdsm.log.1': new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]) });
    expect(r.findings).toMatchObject([{ id: 'log.file.not-text', severity: 'error' }]);
    expect(r.findings[0].message).toMatch(/xz-compressed/);
  });

  it('reads old (vdsm < 4.20) line heads too', () => {
    const old = `Thread-22::ERROR::2016-08-02 12:22:51,548::storage_mailbox::640::Storage.MailBox.SpmMailMonitor::(_validateMailbox) ${realLine.slice(realLine.indexOf('mailbox 4'))}`;
    const r = scanText(`${old}\n`);
    expect(r.checksumFailures).toMatchObject([{ mailbox: 4, computed: 6455, firstTime: '2016-08-02T12:22:51.548' }]);
  });

  it('never throws on random bytes and marker soup, counts every line, and keeps findings capped', () => {
    const words = [...MARKERS, "b'", '\\x', '\n', '\r\n', 'mailbox 3 ', '(data=b', "expected=b'", '2026-11-24 10:00:00,000+0000 ERROR (t) [storage.mailbox] ', '[virt.vm] '];
    const piece = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b).toString('latin1')));
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (pieces, chunk) => {
      const text = pieces.join('');
      const r = scanBytes({ 'x.log': Buffer.from(text, 'latin1') }, chunk);
      const newlines = text.split('\n').length - 1;
      expect(r.lines).toBe(newlines + (text.endsWith('\n') || text.length === 0 ? 0 : 1));
      expect(r.findings.length).toBeLessThanOrEqual(1001);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }), { numRuns: 300 });
  });
});
