import 'server-only';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { alignedBuffer, fitsAlignedRead, O_DIRECT } from './direct-io';
import { errnoOf, fromSystemError, grouped, unknownError } from './errors';
import type { IoError } from './types';

export interface WindowRead {
  /** aligned, readBytes long; the first bytesRead bytes are the volume's */
  buffer: Buffer;
  bytesRead: number;
  direct: boolean;
  readMs: number;
  warnings: string[];
}

export type WindowReadResult = { ok: true; read: WindowRead } | { ok: false; error: IoError };

/**
 * EINVAL from open() or read() with O_DIRECT: this file system does not do direct I/O (ramfs,
 * /proc, some FUSE), or not at this alignment. Worth one buffered try; other errors are not.
 */
export function refusesDirectIo(err: unknown): boolean {
  return errnoOf(err) === 'EINVAL';
}

type Attempt =
  | { ok: true; bytesRead: number; readMs: number }
  | { ok: false; err: unknown; during: 'open' | 'read' };

async function readOnce(path: string, buffer: Buffer, readBytes: number, direct: boolean): Promise<Attempt> {
  let handle: FileHandle;
  try {
    // Read-only, never O_CREAT: the inspector must not be able to change a volume.
    handle = await open(path, constants.O_RDONLY | (direct ? O_DIRECT : 0));
  } catch (err) {
    return { ok: false, err, during: 'open' };
  }
  try {
    const started = performance.now();
    // One read of the whole window, as the SPM does: reading in pieces could show a mix of writes.
    const { bytesRead } = await handle.read(buffer, 0, readBytes, 0);
    return { ok: true, bytesRead, readMs: performance.now() - started };
  } catch (err) {
    return { ok: false, err, during: 'read' };
  } finally {
    // Nothing to flush on a read-only fd, so a failing close cannot spoil the bytes already read.
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads `readBytes` from offset 0 into a buffer aligned to `alignment`, with O_DIRECT, or
 * through the page cache when the file system refuses O_DIRECT (then `direct` is false).
 * `readBytes` and `alignment` must be multiples of the logical block size for a direct read.
 */
export async function readWindow(
  path: string,
  readBytes: number,
  alignment: number,
  blockDevice: boolean,
  reuse?: Buffer,
): Promise<WindowReadResult> {
  let buffer: Buffer;
  try {
    buffer = reuse && fitsAlignedRead(reuse, readBytes, alignment) ? reuse : alignedBuffer(readBytes, alignment);
  } catch (err) {
    return { ok: false, error: unknownError(path, `cannot allocate a ${grouped(readBytes)}-byte aligned buffer (${(err as Error).message})`) };
  }

  const first = await readOnce(path, buffer, readBytes, true);
  if (first.ok) {
    return { ok: true, read: { buffer, bytesRead: first.bytesRead, direct: true, readMs: first.readMs, warnings: [] } };
  }
  if (!refusesDirectIo(first.err)) return { ok: false, error: fromSystemError(path, first.err, blockDevice) };

  const second = await readOnce(path, buffer, readBytes, false);
  if (!second.ok) return { ok: false, error: fromSystemError(path, second.err, blockDevice) };
  const warning =
    `O_DIRECT was refused (EINVAL on ${first.during}): read through the page cache instead, ` +
    'which may hold bytes that are not (or no longer) on the storage';
  return { ok: true, read: { buffer, bytesRead: second.bytesRead, direct: false, readMs: second.readMs, warnings: [warning] } };
}
