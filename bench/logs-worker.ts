/** The Web Worker of `npm run bench:logs` in Chromium: scans one File with the app's log scanner, as the log panel does. */
import { LogScan } from '@/lib/vdsm-log';
import { feedStream, logBytes } from '@/lib/vdsm-log/streams';

self.onmessage = async (event: MessageEvent<File>) => {
  const started = performance.now();
  const scan = new LogScan();
  const file = scan.file(event.data.name);
  const { stream } = await logBytes(event.data.stream() as ReadableStream<Uint8Array>);
  await feedStream(file, stream);
  const result = scan.result();
  const ms = performance.now() - started;
  (self as unknown as Worker).postMessage({ ms, bytes: result.bytes, lines: result.lines, failures: result.checksumFailures.reduce((n, e) => n + e.count, 0) });
};
