/**
 * Reading vdsm's logs: a streaming scan of one or more files into the JSON
 * of `LogScanResult`. Pure: no Node, React or Next imports, so the same code
 * runs in the server, the CLI and a browser Web Worker.
 *
 *   const scan = new LogScan();
 *   const file = scan.file('vdsm.log');
 *   for await (const chunk of bytes) file.pushBytes(chunk);
 *   file.end();
 *   scan.result();
 */
import { LogCollector } from './collector';
import { LineScanner, type ScannerOptions } from './scanner';
import type { LogScanResult } from './types';

export * from './types';
export { decodeBytesLiteral, bytesRepr } from './python-repr';
export { parseHead } from './log-line';
export { mailboxFromLoggedData, LOGGED_DATA_BYTES, STORED_NOTE } from './logged-mailbox';
export { fromBase64 } from './base64';
export { MARKERS } from './scanner';
export { byteString } from './byte-string';
export { anchorMs, buildTimeline, shortLine, timeMs, JOIN_WINDOW_MS, type DroppedMail, type DumpRead, type DumpRequest, type QuotedLine, type Timeline, type TimelineRequest } from './timeline';
export { hostNameFromPath, learnHostNames, type LearntName } from './learnt-names';

const COMPRESSED: Array<[string, number[]]> = [['gzip', [0x1f, 0x8b]], ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a]], ['zstd', [0x28, 0xb5, 0x2f, 0xfd]], ['bzip2', [0x42, 0x5a, 0x68]]];

/** The compression a file's first bytes announce, or null for plain text. */
export function compressionOf(first: Uint8Array): string | null {
  for (const [name, magic] of COMPRESSED) if (magic.every((b, i) => first[i] === b)) return name;
  return null;
}

export class LogFileScan {
  private started = false;

  constructor(private readonly scanner: LineScanner, private readonly collector: LogCollector) {}

  pushBytes(bytes: Uint8Array): void {
    if (!this.started && bytes.length > 0) {
      this.started = true;
      const kind = compressionOf(bytes);
      if (kind) {
        this.collector.finding({ id: 'log.file.not-text', severity: 'error', file: this.scanner.summary.name, line: 1, time: null, message: `${this.scanner.summary.name} is ${kind}-compressed, not text: decompress it (or give it a .${kind === 'gzip' ? 'gz' : kind} name)` });
      }
    }
    this.scanner.pushBytes(bytes);
  }

  /** `complete: false` when the read stopped early (cancel, error). */
  end(complete = true): void {
    this.scanner.end(complete);
  }

  fail(message: string): void {
    this.collector.finding({ id: 'log.file.read-error', severity: 'error', file: this.scanner.summary.name, message });
    this.scanner.end(false);
  }

  get bytes(): number {
    return this.scanner.summary.bytes;
  }

  get lines(): number {
    return this.scanner.summary.lines;
  }
}

export class LogScan {
  private readonly collector = new LogCollector();

  constructor(private readonly options: ScannerOptions = {}) {}

  file(name: string): LogFileScan {
    return new LogFileScan(new LineScanner(this.collector, name, this.options), this.collector);
  }

  result(): LogScanResult {
    return this.collector.result();
  }
}
