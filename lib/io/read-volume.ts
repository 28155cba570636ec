import 'server-only';
import { MAILBOX_SIZE_BYTES } from '@/lib/mailbox/constants';
import { alignedBuffer } from './direct-io';
import { shortRead } from './errors';
import { readWindow } from './read-window';
import { statVolume } from './stat-volume';
import type { ReadOptions, ReadResult } from './types';
import { planWindow } from './window';

/** Page alignment satisfies every logical block size up to 4096 and costs nothing extra. */
const MIN_BUFFER_ALIGNMENT_BYTES = 4096;

/**
 * A buffer to pass as `buffer` to readVolume. Fresh memory costs page faults
 * on every read (half a millisecond per MiB here); a poller that reuses one
 * avoids them, as long as it no longer needs what the buffer held.
 */
export function readBuffer(mailboxes: number): Buffer {
  return alignedBuffer(mailboxes * MAILBOX_SIZE_BYTES, MIN_BUFFER_ALIGNMENT_BYTES);
}

/**
 * Reads the first `mailboxes` mailboxes of a volume (a regular file or a block device) in one
 * read, with O_DIRECT when the file system allows it. Never opens for writing. Every failure
 * is a result with a stable code; only a caller mistake (a bad `mailboxes`) throws.
 */
export async function readVolume(path: string, options: ReadOptions): Promise<ReadResult> {
  const { mailboxes } = options;
  if (!Number.isSafeInteger(mailboxes) || mailboxes < 1) {
    throw new RangeError(`readVolume: mailboxes must be a positive integer, got ${mailboxes}`);
  }

  // Stat before open: opening a FIFO would block, and opening some character devices acts.
  const statted = await statVolume(path);
  if (!statted.ok) return statted;
  const { stat } = statted;

  const planned = planWindow(stat, mailboxes);
  if (!planned.ok) return { ok: false, error: planned.error, stat };
  const { plan } = planned;

  const alignment = Math.max(stat.blockSize, MIN_BUFFER_ALIGNMENT_BYTES);
  const result = await readWindow(path, plan.readBytes, alignment, stat.blockDevice, options.buffer);
  if (!result.ok) return { ok: false, error: result.error, stat };
  const { read } = result;

  // Asking past the end (block rounding) may rightly return less; anything short of that is a short read.
  const expected = Math.min(plan.readBytes, stat.size);
  if (read.bytesRead < expected) return { ok: false, error: shortRead(path, read.bytesRead, expected), stat };

  return {
    ok: true,
    bytes: new Uint8Array(read.buffer.buffer, read.buffer.byteOffset, plan.windowBytes),
    direct: read.direct,
    stat,
    readMs: read.readMs,
    warnings: [...plan.warnings, ...read.warnings],
  };
}
