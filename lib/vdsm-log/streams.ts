/**
 * Log bytes from web streams (a request body, a File, a file in Node):
 * plain, gzip (`DecompressionStream`) or xz (xz-decompress), told apart by
 * their first bytes, scanned chunk by chunk without holding the file.
 */
import * as xzModule from 'xz-decompress';
import { compressionOf, type LogFileScan } from './index';

// A UMD (CommonJS) bundle: Node's ESM loader sees only its default export, bundlers see both.
const { XzReadableStream } = ((xzModule as unknown as { default?: typeof xzModule }).default ?? xzModule);

export class LogTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`more than ${limitBytes} bytes of log`);
  }
}

export class UnsupportedCompressionError extends Error {}

/**
 * Reads until at least `n` bytes (or the end); gives them and a stream of everything, those bytes
 * included. `onRead` hears of each chunk's size as it is read.
 */
async function peek(stream: ReadableStream<Uint8Array>, n: number, onRead?: (bytes: number) => void): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const { done, value } = await reader.read();
    if (done) break;
    onRead?.(value.length);
    parts.push(value);
    size += value.length;
  }
  const head = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    head.set(p, at);
    at += p.length;
  }
  let sent = false;
  const rest = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        if (head.length > 0) controller.enqueue(head);
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      onRead?.(value.length);
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: rest };
}

/** The log's text bytes, decompressed when its first bytes say gzip or xz; `onRead` counts the bytes read as given. */
export async function logBytes(stream: ReadableStream<Uint8Array>, onRead?: (bytes: number) => void): Promise<{ stream: ReadableStream<Uint8Array>; compression: string | null }> {
  const peeked = await peek(stream, 6, onRead);
  const compression = compressionOf(peeked.head);
  if (compression === null) return { stream: peeked.stream, compression };
  if (compression === 'gzip') return { stream: peeked.stream.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>), compression };
  if (compression === 'xz') return { stream: new XzReadableStream(peeked.stream), compression };
  throw new UnsupportedCompressionError(`${compression}-compressed: only plain, gzip (.gz) and xz (.xz) logs can be read; decompress it first`);
}

export interface FeedOptions {
  /** stop with LogTooLargeError after this many (decompressed) bytes */
  limitBytes?: number;
  signal?: AbortSignal;
  /** after each chunk */
  onChunk?: (file: LogFileScan) => void;
  /** adds the time spent waiting for bytes (reading, decompressing) to `waitMs` */
  timing?: { waitMs: number };
}

/** Scans a stream of log bytes into `file`; ends it (incomplete when stopped early). */
export async function feedStream(file: LogFileScan, stream: ReadableStream<Uint8Array>, options: FeedOptions = {}): Promise<void> {
  const reader = stream.getReader();
  let complete = false;
  try {
    for (;;) {
      if (options.signal?.aborted) break;
      const asked = performance.now();
      const { done, value } = await reader.read();
      if (options.timing) options.timing.waitMs += performance.now() - asked;
      if (done) {
        complete = true;
        break;
      }
      if (options.limitBytes !== undefined && file.bytes + value.length > options.limitBytes) throw new LogTooLargeError(options.limitBytes);
      file.pushBytes(value);
      options.onChunk?.(file);
    }
  } finally {
    file.end(complete);
    if (!complete) await reader.cancel().catch(() => undefined);
  }
}
