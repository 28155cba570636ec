/** Files picked or dropped, read into memory here: their bytes never leave the browser. */
import type { OpenedFile } from '@/lib/offline/opened-set';
import { recognise } from '@/lib/offline/recognise';

/** A dump is at most a 16 MiB volume; anything far larger is not one (and would only fill memory). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** An opened file; a log keeps its File for the log reader, which reads (and decompresses) it itself. */
export interface LocalFile extends OpenedFile {
  file?: File;
}

export interface ReadFailure {
  name: string;
  why: string;
}

export async function readFiles(list: FileList | File[], firstId: number): Promise<{ files: LocalFile[]; failures: ReadFailure[] }> {
  const files: LocalFile[] = [];
  const failures: ReadFailure[] = [];
  let id = firstId;
  for (const file of Array.from(list)) {
    const name = file.webkitRelativePath || file.name;
    const meta = { id: String(id++), name, size: file.size, lastModified: file.lastModified };
    // Logs are the log reader's; their bytes are not needed here.
    if (recognise(name).role === 'log') {
      files.push({ ...meta, bytes: null, file });
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      failures.push({ name, why: `${file.size} bytes: larger than any mailbox volume (16 MiB); open a dd copy of the inbox or outbox` });
      continue;
    }
    try {
      files.push({ ...meta, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (err) {
      failures.push({ name, why: `could not be read (${(err as Error).message}); open it again` });
    }
  }
  return { files, failures };
}
