/** Reads a dump named on the command line, read-only, at most 32 MiB (as POST /api/decode). */
import { open } from 'node:fs/promises';
import { VOLUME_SIZE_BYTES } from '@/lib/mailbox';

export const MAX_DUMP_BYTES = 2 * VOLUME_SIZE_BYTES; // 32 MiB, the decode endpoint's limit

export type ReadDump = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const HINTS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied (run as a user who can read it)',
  EISDIR: 'a directory (name the inbox or outbox file in it)',
};

export async function readDump(path: string): Promise<ReadDump> {
  let handle;
  try {
    handle = await open(path, 'r');
    // One byte more than allowed tells "too large" without reading a whole device.
    const buffer = new Uint8Array(MAX_DUMP_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        return { ok: false, error: `${path}: more than ${MAX_DUMP_BYTES} bytes (32 MiB); dump the mailboxes only: dd if=VOLUME of=inbox.dump bs=4096 count=251` };
      }
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return { ok: false, error: `${path}: ${HINTS[code] ?? (e as Error).message}` };
  } finally {
    await handle?.close();
  }
}
