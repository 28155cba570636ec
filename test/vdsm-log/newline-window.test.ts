/** The scanner's byte window: its WebAssembly newline count agrees with a plain one, and its module with its source. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogScan } from '@/lib/vdsm-log';
import { LineWindow } from '@/lib/vdsm-log/line-window';
import { NEWLINES_WASM_BASE64 } from '@/lib/vdsm-log/newlines-wasm';
// @ts-expect-error: a plain .mjs script, no types
import { assemble } from '../../scripts/build-wasm.mjs';
import { logLine } from './scan';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('LineWindow', () => {
  it('runs the WebAssembly module here (Node has SIMD)', () => {
    expect(new LineWindow().simd).toBe(true);
    expect(new LineWindow({ wasm: false }).simd).toBe(false);
  });

  it('counts newlines in any range as a byte-by-byte count does, before and after growing, keeping what it was told to', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }).map((b) => b.map((x) => (x % 4 === 0 ? 10 : x))), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 200_000 }), (text, a, b, grow) => {
      for (const window of [new LineWindow(), new LineWindow({ wasm: false })]) {
        window.reserve(text.length, 0).set(text);
        const bytes = window.reserve(text.length + grow, text.length);
        expect(bytes.length).toBeGreaterThanOrEqual(text.length + grow);
        expect(bytes.subarray(0, text.length)).toEqual(text);
        const from = Math.min(a, b) % (text.length + 1);
        const to = Math.min(text.length, from + (Math.max(a, b) % (text.length + 1)));
        const naive = text.subarray(from, to).filter((x) => x === 10).length;
        expect(window.count(from, to)).toBe(naive);
      }
    }), { numRuns: 300 });
  });

  it('gives the same scan with either count, over lines of any length cut into chunks of any size', () => {
    const line = fc.oneof(
      fc.constantFrom(
        logLine('10:00:00,000', 'DEBUG', 'mailbox-spm', 'storage.Misc.excCmd', "SUCCESS: <err> = b'1+0 records in\\n1+0 records out\\n4096 bytes copied, 0.00123 s, 3.3 MB/s\\n'; <rc> = 0 (commands:224)"),
        logLine('10:00:01,000', 'INFO', 'jsonrpc/1', 'api.host', 'START getAllVmStats() (api:48)'),
        '', '\r', 'x'.repeat(1500), // longer than maxLineBytes: skipped, counted
      ),
      fc.string({ maxLength: 400 }),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }), (lines, sizes) => {
      const bytes = Buffer.from(lines.join('\n'), 'latin1');
      const results = [{}, { wasm: false }].map((options) => {
        const scan = new LogScan({ ...options, maxLineBytes: 1000 });
        const file = scan.file('vdsm.log');
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const n = sizes[i % sizes.length];
          file.pushBytes(bytes.subarray(at, at + n));
          at += n;
        }
        file.end();
        return scan.result();
      });
      expect(results[0]).toEqual(results[1]);
      const newlines = bytes.filter((b) => b === 10).length;
      expect(results[0].lines).toBe(newlines + (bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0));
    }), { numRuns: 300 });
  });

  it('holds the module assembled from newlines.wat (run scripts/build-wasm.mjs after editing it)', async () => {
    const bytes: Uint8Array = await assemble(readFileSync(path.join(ROOT, 'lib/vdsm-log/newlines.wat'), 'utf8'));
    expect(Buffer.from(bytes).toString('base64')).toBe(NEWLINES_WASM_BASE64);
  });
});
