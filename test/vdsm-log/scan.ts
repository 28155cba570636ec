/** Test helpers: scan text or bytes through the pure scanner in chunks of given sizes. */
import { LogScan, type LogScanResult } from '@/lib/vdsm-log';

export function scanBytes(files: Record<string, Uint8Array>, chunk: number | ((i: number) => number) = 1 << 16, maxLineBytes?: number): LogScanResult {
  const scan = new LogScan({ maxLineBytes });
  for (const [name, bytes] of Object.entries(files)) {
    const file = scan.file(name);
    let i = 0;
    for (let at = 0; at < bytes.length; i++) {
      const n = Math.max(1, typeof chunk === 'number' ? chunk : chunk(i));
      file.pushBytes(bytes.subarray(at, at + n));
      at += n;
    }
    file.end();
  }
  return scan.result();
}

export function scanText(text: string, chunk?: number): LogScanResult {
  return scanBytes({ 'vdsm.log': Buffer.from(text, 'latin1') }, chunk);
}

/** A vdsm ≥ 4.20 log line. */
export function logLine(time: string, level: string, thread: string, logger: string, message: string): string {
  return `2026-11-24 ${time}+0000 ${level.padEnd(5)} (${thread}) [${logger}] ${message}`;
}
