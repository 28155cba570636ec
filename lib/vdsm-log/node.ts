/**
 * Node entry (the CLI, scripts): scan log files by path. Not for the
 * browser; the scan itself is the pure `./index`.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { compressionOf, LogScan, type LogFileScan, type LogScanResult } from './index';
import { LogTooLargeError } from './streams';
import { feedStream, logBytes, type FeedOptions } from './streams';

const CHUNK_BYTES = 1 << 20; // fewer trips to the thread pool

export interface ScanFileOptions extends Pick<FeedOptions, 'limitBytes' | 'signal'> {
  /** the name results use for a path (default: its base name) */
  nameOf?: (path: string) => string;
  maxLineBytes?: number;
}

function fileStream(path: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(path, { highWaterMark: CHUNK_BYTES })) as unknown as ReadableStream<Uint8Array>;
}

/**
 * A plain file is read straight into two buffers, the next read running
 * while the scanner works on the last one (no stream machinery); false when
 * the file is compressed.
 */
async function readPlain(path: string, file: LogFileScan, options: ScanFileOptions): Promise<boolean> {
  const handle = await open(path, 'r');
  let complete = false;
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    const first = await handle.read(buffers[0], 0, 8, 0);
    if (compressionOf(buffers[0].subarray(0, first.bytesRead)) !== null) return false;
    let position = 0;
    let turn = 0;
    let pending = handle.read(buffers[0], 0, CHUNK_BYTES, 0);
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) {
        complete = true;
        break;
      }
      position += bytesRead;
      if (options.limitBytes !== undefined && position > options.limitBytes) throw new LogTooLargeError(options.limitBytes);
      turn ^= 1;
      pending = handle.read(buffers[turn], 0, CHUNK_BYTES, position);
      if (options.signal?.aborted) break;
      file.pushBytes(buffer.subarray(0, bytesRead));
    }
    await pending.catch(() => undefined);
    file.end(complete);
    return true;
  } finally {
    await handle.close();
  }
}

/** Scans vdsm logs (plain, .gz or .xz, told by their bytes) into one result; a file that cannot be read is a finding. */
export async function scanLogFiles(paths: readonly string[], options: ScanFileOptions = {}): Promise<LogScanResult> {
  const scan = new LogScan({ maxLineBytes: options.maxLineBytes });
  for (const path of paths) {
    const file = scan.file((options.nameOf ?? basename)(path));
    try {
      if (!(await readPlain(path, file, options))) {
        const { stream } = await logBytes(fileStream(path));
        await feedStream(file, stream, options);
      }
    } catch (error) {
      file.fail(`${path}: ${(error as Error).message}`);
    }
  }
  return scan.result();
}

export async function scanLogFile(path: string, options: ScanFileOptions = {}): Promise<LogScanResult> {
  return scanLogFiles([path], options);
}

export const DEFAULT_LOG_MAX_MB = 4096;

/** `MAILBOX_LOG_MAX_MB`: the most (decompressed) log bytes one request may send; throws a message naming the variable. */
export function logLimitBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MAILBOX_LOG_MAX_MB;
  if (raw === undefined || raw === '') return DEFAULT_LOG_MAX_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`MAILBOX_LOG_MAX_MB: expected a positive number of MB, got ${JSON.stringify(raw)}`);
  return Math.floor(mb * 1024 * 1024);
}
