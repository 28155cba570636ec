/**
 * The Web Worker of `npm run bench:logs` in Chromium: scans one File with
 * the app's log scanner, as the log panel does, and says where the time
 * went: waiting for the browser to hand over the file's bytes, or scanning.
 */
import { LogScan } from '@/lib/vdsm-log';

self.onmessage = async (event: MessageEvent<File>) => {
  const started = performance.now();
  const scan = new LogScan();
  const file = scan.file(event.data.name);
  const reader = (event.data.stream() as ReadableStream<Uint8Array>).getReader();
  let readMs = 0;
  let scanMs = 0;
  for (;;) {
    const t0 = performance.now();
    const { done, value } = await reader.read();
    const t1 = performance.now();
    readMs += t1 - t0;
    if (done) break;
    file.pushBytes(value);
    scanMs += performance.now() - t1;
  }
  file.end();
  const result = scan.result();
  const ms = performance.now() - started;
  (self as unknown as Worker).postMessage({ ms, readMs, scanMs, bytes: result.bytes, lines: result.lines, failures: result.checksumFailures.reduce((n, e) => n + e.count, 0) });
};
