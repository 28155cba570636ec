/**
 * The Web Worker that reads logs opened in the browser: each File is
 * streamed (never read whole), decompressed when it is .gz or .xz, and
 * scanned by the same module the server uses. Nothing leaves the browser.
 */
import { LogScan } from '@/lib/vdsm-log';
import { feedStream, logBytes } from '@/lib/vdsm-log/streams';
import type { FromWorker, ScanProgress, ToWorker } from './worker-protocol';

const PROGRESS_EVERY_MS = 100;
let abort: AbortController | null = null;

function post(message: FromWorker): void {
  (self as unknown as Worker).postMessage(message);
}

async function scan(files: File[]): Promise<void> {
  abort = new AbortController();
  const signal = abort.signal;
  const started = performance.now();
  const logScan = new LogScan();
  const progress: ScanProgress = { file: '', fileIndex: 0, files: files.length, readBytes: 0, totalBytes: files.reduce((n, f) => n + f.size, 0), textBytes: 0, lines: 0, elapsedMs: 0, waitMs: 0 };
  let before = { bytes: 0, lines: 0 };
  let lastPost = 0;
  for (const [i, f] of files.entries()) {
    if (signal.aborted) break;
    const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    progress.file = name;
    progress.fileIndex = i;
    const file = logScan.file(name);
    try {
      const { stream } = await logBytes(f.stream() as ReadableStream<Uint8Array>, (n) => (progress.readBytes += n));
      await feedStream(file, stream, {
        signal,
        timing: progress,
        onChunk: (scanned) => {
          progress.textBytes = before.bytes + scanned.bytes;
          progress.lines = before.lines + scanned.lines;
          const now = performance.now();
          if (now - lastPost >= PROGRESS_EVERY_MS) {
            lastPost = now;
            progress.elapsedMs = now - started;
            post({ type: 'progress', progress: { ...progress } });
          }
        },
      });
    } catch (error) {
      file.fail(`${name}: ${(error as Error).message}`);
    }
    before = { bytes: before.bytes + file.bytes, lines: before.lines + file.lines };
    progress.textBytes = before.bytes;
    progress.lines = before.lines;
  }
  progress.elapsedMs = performance.now() - started;
  post({ type: 'done', result: logScan.result(), cancelled: signal.aborted, progress });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') abort?.abort();
  else scan(message.files).catch((error: Error) => post({ type: 'error', message: error.message }));
};
