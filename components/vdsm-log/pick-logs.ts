/**
 * Which of the files a person dropped or picked are vdsm logs: every
 * `vdsm.log*` in a folder (an unpacked sosreport or log collector), or any
 * file picked by itself. Dropped folders are walked with the entries API.
 */

/** vdsm.log, vdsm.log.1, vdsm.log.2.xz, vdsm.log.gz … */
export function isVdsmLogName(name: string): boolean {
  return /^vdsm\.log(\.\d+)?(\.(xz|gz))?$/.test(name);
}

/** Oldest first (vdsm.log.9.xz … vdsm.log.1.xz, vdsm.log), so a timeline reads in order. */
export function byRotation(a: File, b: File): number {
  const n = (f: File) => {
    const m = /^vdsm\.log\.(\d+)/.exec(f.name);
    return m ? Number(m[1]) : 0;
  };
  const dir = (f: File) => ((f as File & { webkitRelativePath?: string }).webkitRelativePath ?? '').replace(/[^/]*$/, '');
  return dir(a).localeCompare(dir(b)) || n(b) - n(a);
}

/** From a folder pick (`webkitdirectory`): only the vdsm logs. */
export function logsOfFolder(files: readonly File[]): File[] {
  return files.filter((f) => isVdsmLogName(f.name)).sort(byRotation);
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, inFolder: boolean, out: File[]): Promise<void> {
  if (entry.isFile) {
    if (!inFolder || isVdsmLogName(entry.name)) out.push(await fileOf(entry as FileSystemFileEntry));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches until an empty one.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, true, out);
  }
}

/** From a drop: files dropped by themselves are taken as logs; in dropped folders, every vdsm.log*. */
export async function logsOfDrop(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...data.files];
  const out: File[] = [];
  for (const entry of entries) await walk(entry, false, out);
  return out.sort(byRotation);
}
